package vn.hanoi.hcc.bff.dossier;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the result reaches the citizen. */
public enum ResultDelivery {
    COUNTER,
    POSTAL,
    ELECTRONIC;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResultDelivery> fromCode(String code) {
        return Arrays.stream(values())
                .filter(delivery -> delivery.code().equals(code))
                .findFirst();
    }
}
