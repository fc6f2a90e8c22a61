package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flows the production overlay's NetworkPolicies allow into each app's API port and out of
 * the BFF, read from the rendered policies: the Ingress controller to the gateway, the gateway to
 * the BFF, the BFF to PgBouncer (only it) and PostgreSQL, PgBouncer to PostgreSQL, the BFF to Redis, DNS and public addresses only; nothing into the road-graph
 * job, and out of it only DNS, HTTPS to public addresses and the Kubernetes API.
 */
class NetworkPoliciesTest {

    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();
    private static List<K8sObject> objects;

    /** Each test, not the class, is skipped without kubectl: the report then counts and explains every one. */
    @BeforeEach
    void renderProd() throws Exception {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
        if (objects == null) {
            objects = KUSTOMIZE.get().render(Path.of(System.getProperty("basedir", "."), "overlays", "prod"));
        }
    }

    private static YamlNode policy(String name) {
        return objects.stream()
                .filter(o -> "NetworkPolicy".equals(o.kind()) && name.equals(o.name()))
                .findFirst()
                .orElseThrow()
                .body()
                .at("spec");
    }

    /** The peers of the rules that open this port. */
    private static List<YamlNode> peersOnPort(YamlNode rules, String direction, int port) {
        String peers = direction.equals("ingress") ? "from" : "to";
        return rules.items().stream()
                .filter(rule -> rule.at("ports").items().stream()
                        .anyMatch(p -> String.valueOf(port).equals(p.at("port").text())))
                .flatMap(rule -> rule.at(peers).items().stream())
                .toList();
    }

    @Test
    void onlyTheIngressControllerReachesTheGatewaysApiPort() {
        List<YamlNode> peers = peersOnPort(policy("gateway").at("ingress"), "ingress", 8080);
        assertThat(peers).singleElement().satisfies(peer -> {
            assertThat(peer.at("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                            .text())
                    .isEqualTo("ingress-nginx");
            assertThat(peer.at("podSelector", "matchLabels", "app.kubernetes.io/name")
                            .text())
                    .isEqualTo("ingress-nginx");
        });
    }

    @Test
    void onlyTheGatewayReachesTheBffsApiPort() {
        List<YamlNode> peers = peersOnPort(policy("mobile-bff").at("ingress"), "ingress", 8081);
        assertThat(peers).singleElement().satisfies(peer -> {
            assertThat(peer.at("podSelector", "matchLabels", "app.kubernetes.io/name")
                            .text())
                    .isEqualTo("gateway");
            assertThat(peer.at("namespaceSelector").present()).isFalse();
        });
    }

    @Test
    void theBffReachesPostgresRedisAndDns() {
        YamlNode egress = policy("mobile-bff").at("egress");
        assertThat(peersOnPort(egress, "egress", 5432))
                .anyMatch(peer -> "hcc-db"
                        .equals(peer.at("podSelector", "matchLabels", "cnpg.io/cluster")
                                .text()));
        assertThat(peersOnPort(egress, "egress", 6379))
                .anyMatch(peer -> "hcc-redis"
                        .equals(peer.at("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")
                                .text()));
        assertThat(peersOnPort(egress, "egress", 53))
                .anyMatch(peer -> "kube-dns"
                        .equals(peer.at("podSelector", "matchLabels", "k8s-app").text()));
    }

    @Test
    void onlyTheBffReachesPgBouncerWhichReachesPostgres() {
        assertThat(peersOnPort(policy("mobile-bff").at("egress"), "egress", 5432))
                .anyMatch(peer -> "hcc-db-pooler"
                        .equals(peer.at("podSelector", "matchLabels", "cnpg.io/poolerName")
                                .text()));
        YamlNode pooler = policy("hcc-db-pooler");
        assertThat(pooler.at("podSelector", "matchLabels", "cnpg.io/poolerName").text())
                .isEqualTo("hcc-db-pooler");
        assertThat(peersOnPort(pooler.at("ingress"), "ingress", 5432))
                .singleElement()
                .satisfies(peer -> {
                    assertThat(peer.at("podSelector", "matchLabels", "app.kubernetes.io/name")
                                    .text())
                            .isEqualTo("mobile-bff");
                    assertThat(peer.at("namespaceSelector").present()).isFalse();
                });
        assertThat(peersOnPort(pooler.at("egress"), "egress", 5432))
                .singleElement()
                .satisfies(peer -> assertThat(peer.at("podSelector", "matchLabels", "cnpg.io/cluster")
                                .text())
                        .isEqualTo("hcc-db"));
        assertThat(peersOnPort(policy("hcc-db").at("ingress"), "ingress", 5432))
                .anyMatch(peer -> "hcc-db-pooler"
                        .equals(peer.at("podSelector", "matchLabels", "cnpg.io/poolerName")
                                .text()));
    }

    @Test
    void theBffsInternetEgressExcludesPrivateLoopbackAndLinkLocalAddresses() {
        List<YamlNode> blocks = policy("mobile-bff").at("egress").items().stream()
                .flatMap(rule -> rule.at("to").items().stream())
                .map(peer -> peer.at("ipBlock"))
                .filter(YamlNode::present)
                .toList();
        assertThat(blocks)
                .isNotEmpty()
                .allSatisfy(block -> assertThat(block.at("except").items())
                        .extracting(YamlNode::text)
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8"));
    }

    @Test
    void nothingReachesTheRoadGraphJob() {
        YamlNode policy = policy("road-graph");
        assertThat(policy.at("policyTypes").items()).extracting(YamlNode::text).contains("Ingress", "Egress");
        assertThat(policy.at("ingress").items()).isEmpty();
    }

    @Test
    void theRoadGraphJobReachesOnlyDnsPublicHttpsAndTheApiServer() {
        List<YamlNode> egress = policy("road-graph").at("egress").items();
        assertThat(egress)
                .flatExtracting(rule -> rule.at("ports").items())
                .extracting(port -> port.at("port").text())
                .containsOnly("53", "443", "6443");
        assertThat(peersOnPort(policy("road-graph").at("egress"), "egress", 53))
                .allMatch(peer -> "kube-dns"
                        .equals(peer.at("podSelector", "matchLabels", "k8s-app").text()));
        List<YamlNode> blocks = egress.stream()
                .flatMap(rule -> rule.at("to").items().stream())
                .map(peer -> peer.at("ipBlock"))
                .filter(YamlNode::present)
                .toList();
        assertThat(blocks)
                .filteredOn(block -> "0.0.0.0/0".equals(block.at("cidr").text()))
                .singleElement()
                .satisfies(block -> assertThat(block.at("except").items())
                        .extracting(YamlNode::text)
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8"));
        assertThat(peersOnPort(policy("road-graph").at("egress"), "egress", 6443))
                .extracting(peer -> peer.at("ipBlock", "cidr").text())
                .containsOnly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");
    }
}
