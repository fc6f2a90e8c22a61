package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The road-graph job's other steps, each run as its container runs it: the download and its
 * checksum (from a file: URL), the cut to Hanoi's boundary (with the machine's osmium, on a map made
 * here), the restart (against a stand-in API server on the loopback address).
 */
class RoadGraphStepsTest {

    @TempDir
    Path work;

    private Path extract(String content, String publishedMd5) throws Exception {
        Path file = Files.writeString(work.resolve("vietnam-latest.osm.pbf"), content);
        Files.writeString(work.resolve("vietnam-latest.osm.pbf.md5"), publishedMd5 + "  vietnam-latest.osm.pbf\n");
        return file;
    }

    private ScriptRun download(Path published) throws Exception {
        assumeTrue(ScriptRun.onPath("sh") && ScriptRun.onPath("curl"), "sh and curl are needed to run download.sh");
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        return ScriptRun.of(
                "download.sh",
                Map.of(
                        "OSM_EXTRACT_URL", published.toUri().toString(),
                        "WORK", scratch.toString(),
                        "CURL_PROTOCOLS", "=file",
                        "CA_BUNDLE", work.resolve("none").toString()));
    }

    private static String md5(String content) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void downloadsTheExtractWhenItMatchesItsPublishedChecksum() throws Exception {
        ScriptRun run = download(extract("the map", md5("the map")));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(work.resolve("scratch/extract.osm.pbf")).hasContent("the map");
    }

    @Test
    void failsAndKeepsNothingWhenTheChecksumDiffers() throws Exception {
        ScriptRun run = download(extract("the map, cut short", md5("the map")));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("Checksum mismatch");
        assertThat(work.resolve("scratch/extract.osm.pbf")).doesNotExist();
    }

    @Test
    void failsWhenNoChecksumIsPublished() throws Exception {
        ScriptRun run = download(extract("the map", "<html>Not Found</html>"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("No MD5 sum");
    }

    /** A way in Hoàn Kiếm, inside the boundary, and one in Ho Chi Minh City, far outside. */
    private static final String TWO_CITIES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="test">
              <node id="1" version="1" lat="21.0285" lon="105.8542"/>
              <node id="2" version="1" lat="21.0290" lon="105.8550"/>
              <node id="3" version="1" lat="10.7769" lon="106.7009"/>
              <node id="4" version="1" lat="10.7780" lon="106.7020"/>
              <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
              <way id="20" version="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
            </osm>
            """;

    @Test
    void cutsTheExtractToHanoisBoundary() throws Exception {
        assumeTrue(ScriptRun.onPath("sh") && ScriptRun.onPath("osmium"), "sh and osmium are needed to run cut.sh");
        Path xml = Files.writeString(work.resolve("two-cities.osm"), TWO_CITIES);
        Process toPbf = new ProcessBuilder(
                        "osmium",
                        "cat",
                        xml.toString(),
                        "-o",
                        work.resolve("extract.osm.pbf").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("osmium-cat.log").toFile())
                .start();
        assertThat(toPbf.waitFor()).isZero();

        ScriptRun run = ScriptRun.of(
                "cut.sh",
                Map.of(
                        "WORK", work.toString(),
                        "BOUNDARY",
                                ScriptRun.SCRIPTS
                                        .resolve("hanoi_boundary.geojson")
                                        .toString(),
                        "OSMIUM", "osmium"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Number of nodes: 2", "Number of ways: 1");
        assertThat(work.resolve("city.osm.pbf")).isNotEmptyFile();
        assertThat(work.resolve("extract.osm.pbf")).doesNotExist();
    }

    private ScriptRun restart(int status, Map<String, String> seen) throws Exception {
        assumeTrue(ScriptRun.onPath("sh") && ScriptRun.onPath("curl"), "sh and curl are needed to run restart.sh");
        Path token = Files.createDirectories(work.resolve("kube-api"));
        Files.writeString(token.resolve("token"), "t0k3n");
        Files.writeString(token.resolve("namespace"), "hcc-test");
        Files.writeString(token.resolve("ca.crt"), "");
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            seen.put("request", exchange.getRequestMethod() + " " + exchange.getRequestURI());
            seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("type", exchange.getRequestHeaders().getFirst("Content-Type"));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (status == 200 ? "{}" : "{\"reason\":\"Forbidden\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        try {
            return ScriptRun.of(
                    "restart.sh",
                    Map.of(
                            "TOKEN_DIR", token.toString(),
                            "KUBE_API", "http://127.0.0.1:" + api.getAddress().getPort(),
                            "TMPDIR", work.toString()));
        } finally {
            api.stop(0);
        }
    }

    @Test
    void restartsTheBffByPatchingItsPodTemplateWithItsOwnToken() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();

        ScriptRun run = restart(200, seen);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(seen.get("request")).isEqualTo("PATCH /apis/apps/v1/namespaces/hcc-test/deployments/mobile-bff");
        assertThat(seen.get("authorization")).isEqualTo("Bearer t0k3n");
        assertThat(seen.get("type")).isEqualTo("application/strategic-merge-patch+json");
        assertThat(seen.get("body"))
                .matches("\\{\"spec\":\\{\"template\":\\{\"metadata\":\\{\"annotations\":"
                        + "\\{\"kubectl.kubernetes.io/restartedAt\":\"\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z\"}}}}}");
    }

    @Test
    void failsWithTheApiServersAnswerWhenTheRestartIsRefused() throws Exception {
        ScriptRun run = restart(403, new ConcurrentHashMap<>());

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("Could not restart deployment/mobile-bff", "Forbidden");
    }
}
