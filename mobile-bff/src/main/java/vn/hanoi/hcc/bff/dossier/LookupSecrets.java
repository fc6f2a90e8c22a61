package vn.hanoi.hcc.bff.dossier;

import java.security.SecureRandom;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The 8-character secret printed on a dossier's receipt, from an alphabet without look-alikes
 * (no 0/O, 1/I/L): 31^8, about 8.5 × 10^11 possibilities.
 */
final class LookupSecrets {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupSecrets() {}

    /** A new secret; the secure random source may read the OS entropy pool, hence off the event loop. */
    static Mono<String> generate() {
        return Mono.fromCallable(LookupSecrets::next).subscribeOn(Schedulers.boundedElastic());
    }

    private static String next() {
        StringBuilder secret = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
