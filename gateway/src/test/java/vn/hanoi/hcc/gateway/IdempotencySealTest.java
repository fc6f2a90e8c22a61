package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * What Redis keeps of an idempotent filing: hashes and a sealed answer. A copy of Redis shows
 * neither the dossier's lookup secret nor the client's Idempotency-Key, in the clear or in base64;
 * the retry that brings the key still gets the secret back.
 */
class IdempotencySealTest extends SharedFakeBffTest {

    private static final String FILINGS = "/api/v1/agent/dossiers";
    private static final String BODY = "{\"procedureCode\":\"1.001\",\"applicant\":\"A\"}";
    private static final Pattern SECRET = Pattern.compile("\"lookupSecret\":\"([^\"]+)\"");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{12,}=*");

    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redis;

    private String clientId;
    private WebTestClient system;

    @BeforeAll
    static void connectToRedis() {
        redisClient = RedisClient.create(TestInfrastructure.shared().redisUrl());
        redis = redisClient.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        redisClient.shutdown();
    }

    @BeforeEach
    void aSystemClient() {
        clientId = "city-seal-" + System.nanoTime();
        system = web.mutate()
                .defaultHeader("X-Api-Key", TestApiKeys.system(bff, clientId))
                .build();
    }

    @Test
    void keepsNeitherTheLookupSecretNorTheKeyReadableInRedisYetReplaysTheSecret() {
        String key = "filing-" + System.nanoTime();
        String first = file(key)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Matcher secret = SECRET.matcher(first);
        assertThat(secret.find())
                .as("the fake BFF answers a filing with a lookup secret")
                .isTrue();

        String record = redis.sync().get(recordKey(key));

        assertThat(record).isNotNull().doesNotContain(secret.group(1)).doesNotContain(key);
        assertThat(base64Decodings(record))
                .noneMatch(decoded -> decoded.contains(secret.group(1)) || decoded.contains(key));
        file(key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class)
                .isEqualTo(first);
    }

    @Test
    void replaysAnAnswerRecordedInTheClearByAnEarlierGateway() {
        String key = "earlier-" + System.nanoTime();
        String answer = "{\"code\":\"H26.99-251122-0001\",\"lookupSecret\":\"recorded-before-the-upgrade\"}";
        redis.sync()
                .psetex(
                        recordKey(key),
                        60_000,
                        "{\"fingerprint\":\"" + sha256("POST " + FILINGS + "?null\n" + BODY)
                                + "\",\"status\":201,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\""
                                + Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)) + "\"}");
        long reached = bff.count(FILINGS);

        file(key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class)
                .isEqualTo(answer);
        assertThat(bff.count(FILINGS)).isEqualTo(reached);
    }

    private WebTestClient.ResponseSpec file(String key) {
        return system.post()
                .uri(FILINGS)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .exchange();
    }

    /** Where the gateway keeps this client's key: computed here as the README states it. */
    private String recordKey(String idempotencyKey) {
        return "idem:{" + clientId + "}:" + sha256(idempotencyKey);
    }

    /** Every run of base64 characters in the text, decoded from each of its four alignments. */
    private static List<String> base64Decodings(String text) {
        List<String> decoded = new ArrayList<>();
        Matcher run = BASE64_RUN.matcher(text);
        while (run.find()) {
            String letters = run.group().replace("=", "");
            for (int start = 0; start < 4 && start < letters.length(); start++) {
                String aligned = letters.substring(start, start + (letters.length() - start) / 4 * 4);
                decoded.add(new String(Base64.getDecoder().decode(aligned), StandardCharsets.ISO_8859_1));
            }
        }
        return decoded;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
