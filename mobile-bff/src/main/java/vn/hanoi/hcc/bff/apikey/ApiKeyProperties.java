package vn.hanoi.hcc.bff.apikey;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.hanoi.hcc.bff.security.SecretLength;

/**
 * API keys ({@code hcc.bff.api-keys.*}).
 *
 * @param pepper the HMAC key keys are hashed with, shared with the gateway (a Secret)
 * @param scopes the scopes a key may be given
 * @param rateTiers the rate tiers the gateway knows
 */
@Validated
@ConfigurationProperties("hcc.bff.api-keys")
public record ApiKeyProperties(
        @NotBlank String pepper,
        @NotEmpty Set<String> scopes,
        @NotEmpty Set<String> rateTiers) {

    /** A short pepper makes the stored HMACs guessable: refused at startup. */
    @AssertTrue(message = "pepper " + SecretLength.ADVICE)
    public boolean isPepperLongEnough() {
        return SecretLength.isLongEnough(pepper);
    }

    @Override
    public String toString() {
        return "ApiKeyProperties[scopes=" + scopes + ", rateTiers=" + rateTiers + ", pepper=(hidden)]";
    }
}
