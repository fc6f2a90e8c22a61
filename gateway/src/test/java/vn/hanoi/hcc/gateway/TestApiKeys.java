package vn.hanoi.hcc.gateway;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;

/** API keys for tests: their hash computed independently of the gateway's code, and registered. */
final class TestApiKeys {

    private TestApiKeys() {}

    static String hash(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestSecrets.apiKeyPepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A fresh key for a new agent client in the fake BFF's key store. */
    static String agent(FakeBff bff, String clientId, String tier, String... scopes) {
        String key = "hcc_test_" + clientId + "_" + System.nanoTime();
        bff.registerApiClient(hash(key), clientId, "agent", List.of(scopes), tier);
        return key;
    }

    static String system(FakeBff bff, String clientId) {
        String key = "hcc_test_" + clientId + "_" + System.nanoTime();
        bff.registerApiClient(
                hash(key), clientId, "system", List.of("dossiers:read", "dossiers:write", "webhooks:write"), "system");
        return key;
    }
}
