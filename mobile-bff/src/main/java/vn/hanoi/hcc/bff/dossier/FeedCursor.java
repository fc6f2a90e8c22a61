package vn.hanoi.hcc.bff.dossier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/**
 * A position in the change feed: after the change with this transaction id and event id. Opaque
 * to clients (base64url); they hand back what they were given.
 */
public record FeedCursor(String txid, long eventId) {

    public static final FeedCursor START = new FeedCursor("0", 0);
    private static final Pattern FORM = Pattern.compile("v1:(\\d{1,20}):(\\d{1,19})");

    public static FeedCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            Matcher parts = FORM.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (parts.matches()) {
                return new FeedCursor(parts.group(1), Long.parseLong(parts.group(2)));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw InvalidRequestException.of("updatedSince", "must be a cursor this API gave (the 'next' of a page)");
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1:" + txid + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
