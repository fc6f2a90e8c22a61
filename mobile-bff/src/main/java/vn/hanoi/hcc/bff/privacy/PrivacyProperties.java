package vn.hanoi.hcc.bff.privacy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Personal data ({@code hcc.bff.privacy.*}).
 *
 * @param pepper the HMAC key citizen IDs and lookup secrets are hashed with (a Secret, never
 *        rotated without re-hashing: the stored hashes depend on it)
 */
@Validated
@ConfigurationProperties("hcc.bff.privacy")
public record PrivacyProperties(@NotBlank String pepper) {

    @Override
    public String toString() {
        return "PrivacyProperties[pepper=(hidden)]";
    }
}
