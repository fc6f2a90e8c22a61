package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;
import vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies;

/**
 * Two gateway replicas on one Redis, one client sending to both: with the replicas leasing tokens
 * ahead of time, the client is still never allowed more than its bucket gives, and is refused
 * only little earlier than one bucket checked per request would refuse it.
 */
class LeasedRateLimitAcrossReplicasTest {

    private static final int CAPACITY = 200;
    /** The largest lease: a tenth of the bucket. */
    private static final int LARGEST_LEASE = CAPACITY / 10;

    private static final double REFILL_PER_SECOND = 1;

    private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private static final List<WebTestClient> clients = new ArrayList<>();

    /**
     * Started once and left running until the test JVM exits (their shutdown hook closes them):
     * closing a gateway's context disposes Reactor Netty's global event loops, which the shared
     * fake BFF and identity provider of every other test serve on.
     */
    @BeforeAll
    static void twoReplicas() {
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext replica = start();
            replicas.add(replica);
            int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
            clients.add(ReadWholeBodies.of(WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + port)
                    .build()));
        }
    }

    @Test
    void neverAllowsAClientMoreThanItsBucketWhicheverReplicaItCalls() {
        String ip = "10.77." + (System.nanoTime() % 200) + ".9";
        long scriptsBefore = scriptCalls();
        long started = System.nanoTime();
        int allowed = 0;
        int sent = 0;
        int refusedInARow = 0;
        // bursts of 5 to each replica in turn, until both have refused the client a few times running
        while (refusedInARow < 10 && sent < 1_000) {
            WebTestClient replica = clients.get((sent / 5) % 2);
            int status = replica.get()
                    .uri("/api/v1/points")
                    .header("X-Forwarded-For", ip)
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
            sent++;
            if (status == 200) {
                allowed++;
                refusedInARow = 0;
            } else {
                assertThat(status).isEqualTo(429);
                refusedInARow++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long scripts = scriptCalls() - scriptsBefore;

        long mostAllowed = CAPACITY + (long) Math.ceil(seconds * REFILL_PER_SECOND);
        assertThat(allowed)
                .as("allowed across both replicas in %.1f s", seconds)
                .isLessThanOrEqualTo((int) mostAllowed);
        assertThat(allowed)
                .as("refused at most a lease per replica early")
                .isGreaterThanOrEqualTo(CAPACITY - 2 * (LARGEST_LEASE - 1));
        assertThat(scripts).as("Redis round trips for %d requests", sent).isLessThan(sent / 3);
    }

    private static ConfigurableApplicationContext start() {
        Map<String, String> environment = new TreeMap<>(TestSecrets.environment());
        environment.put("HCC_REDIS_URL", TestInfrastructure.shared().redisUrl());
        environment.put("HCC_BFF_URI", FakeBff.shared().uri());
        environment.put("HCC_OIDC_ISSUER", FakeIdentityProvider.ISSUER);
        environment.put("HCC_OIDC_JWKS_URI", FakeIdentityProvider.shared().jwksUri());
        List<String> arguments = new ArrayList<>();
        environment.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--hcc.gateway.rate-limit.anonymous.capacity=" + CAPACITY);
        arguments.add("--hcc.gateway.rate-limit.anonymous.refill-per-second=" + REFILL_PER_SECOND);
        return new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    /** How many scripts Redis has run (the rate limiter's check is one). */
    private static long scriptCalls() {
        RedisClient client = RedisClient.create(TestInfrastructure.shared().redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String stats = connection.sync().info("commandstats");
            long calls = 0;
            Matcher matcher =
                    Pattern.compile("cmdstat_(?:evalsha|eval):calls=(\\d+)").matcher(stats);
            while (matcher.find()) {
                calls += Long.parseLong(matcher.group(1));
            }
            return calls;
        } finally {
            client.shutdown();
        }
    }
}
