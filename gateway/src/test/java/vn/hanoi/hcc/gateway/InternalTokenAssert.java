package vn.hanoi.hcc.gateway;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Base64;
import vn.hanoi.hcc.infra.embedded.TestSecrets;

/** Reads the internal token the BFF received, checking it as the BFF would. */
final class InternalTokenAssert {

    private InternalTokenAssert() {
    }

    static JWTClaimsSet verifiedClaims(FakeBff.Received request) {
        try {
            SignedJWT token = SignedJWT.parse(request.header("X-Hcc-Identity"));
            if (!token.verify(new MACVerifier(Base64.getDecoder().decode(TestSecrets.internalTokenSecret())))) {
                throw new AssertionError("The internal token is not signed with the shared secret");
            }
            return token.getJWTClaimsSet();
        } catch (Exception unreadable) {
            throw new AssertionError("No valid internal token: " + unreadable);
        }
    }
}
