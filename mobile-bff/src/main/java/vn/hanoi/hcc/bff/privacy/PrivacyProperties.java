package vn.hanoi.hcc.bff.privacy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.hanoi.hcc.bff.security.SecretLength;

/**
 * Personal data ({@code hcc.bff.privacy.*}).
 *
 * @param pepper the HMAC key citizen IDs and lookup secrets are hashed with (a Secret, never
 *        rotated without re-hashing: the stored hashes depend on it)
 */
@Validated
@ConfigurationProperties("hcc.bff.privacy")
public record PrivacyProperties(@NotBlank String pepper) {

    /** A short pepper makes the stored HMACs guessable: refused at startup. */
    @AssertTrue(message = "pepper " + SecretLength.ADVICE)
    public boolean isPepperLongEnough() {
        return SecretLength.isLongEnough(pepper);
    }

    @Override
    public String toString() {
        return "PrivacyProperties[pepper=(hidden)]";
    }
}
