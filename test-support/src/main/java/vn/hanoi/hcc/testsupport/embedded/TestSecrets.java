package vn.hanoi.hcc.testsupport.embedded;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The secrets the services need ({@code HCC_INTERNAL_TOKEN_SECRET}, {@code HCC_API_KEY_PEPPER},
 * {@code HCC_PII_PEPPER}, the gateway's {@code HCC_IDEMPOTENCY_SECRET}),
 * random for each test JVM, as a Kubernetes Secret would give them.
 */
public final class TestSecrets {

    private static final String INTERNAL_TOKEN_SECRET = random(32);
    private static final String API_KEY_PEPPER = random(32);
    private static final String PII_PEPPER = random(32);
    private static final String IDEMPOTENCY_SECRET = random(32);

    private TestSecrets() {}

    public static String internalTokenSecret() {
        return INTERNAL_TOKEN_SECRET;
    }

    public static String apiKeyPepper() {
        return API_KEY_PEPPER;
    }

    public static String piiPepper() {
        return PII_PEPPER;
    }

    public static Map<String, String> environment() {
        return Map.of(
                "HCC_INTERNAL_TOKEN_SECRET",
                INTERNAL_TOKEN_SECRET,
                "HCC_API_KEY_PEPPER",
                API_KEY_PEPPER,
                "HCC_PII_PEPPER",
                PII_PEPPER,
                "HCC_IDEMPOTENCY_SECRET",
                IDEMPOTENCY_SECRET);
    }

    private static String random(int bytes) {
        byte[] secret = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
