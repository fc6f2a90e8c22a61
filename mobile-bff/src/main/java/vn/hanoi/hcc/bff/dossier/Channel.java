package vn.hanoi.hcc.bff.dossier;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the dossier was filed. */
public enum Channel {
    ONLINE,
    COUNTER,
    AGENT,
    POSTAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values())
                .filter(channel -> channel.code().equals(code))
                .findFirst();
    }
}
