package vn.hanoi.hcc.bff.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** What an event says, hashed: the same event id with other content is not a replay. */
final class EventFingerprint {

    private EventFingerprint() {}

    static String of(String code, DossierEventCommand event) {
        String canonical = String.join(
                "\u0000",
                code,
                event.status() == null ? "" : Integer.toString(event.status().code()),
                event.occurredAt().toString(),
                Objects.toString(event.agency(), ""),
                Objects.toString(event.note(), ""),
                Objects.toString(event.dueAt(), ""),
                Objects.toString(event.reason(), ""));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
