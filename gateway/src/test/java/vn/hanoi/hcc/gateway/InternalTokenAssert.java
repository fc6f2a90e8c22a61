package vn.hanoi.hcc.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Reads the identity token the BFF received, checking its signature as the BFF would. */
final class InternalTokenAssert {

    private InternalTokenAssert() {}

    static JWTClaimsSet verifiedClaims(FakeBff.Received request) {
        return TestIdentityTokens.verifiedClaims(request.header(TestIdentityTokens.HEADER));
    }
}
