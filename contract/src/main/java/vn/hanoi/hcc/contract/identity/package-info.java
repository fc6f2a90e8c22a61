/**
 * The identity token: how the gateway tells the BFF who is calling. On every request it forwards,
 * the gateway sends a JWT in a header of its configuration ({@code X-Hcc-Identity}), signed with
 * HS256 and a key both services hold; the BFF answers nothing without a valid one (but its OpenAPI
 * document and its management port). The token carries the registered {@code iss}, {@code aud},
 * {@code iat}, {@code exp} and {@code sub}, and the {@link vn.hanoi.hcc.contract.identity.IdentityClaims}:
 * together an {@link vn.hanoi.hcc.contract.identity.Identity}.
 * {@link vn.hanoi.hcc.contract.identity.IdentityTokenSigner} is the gateway's side,
 * {@link vn.hanoi.hcc.contract.identity.IdentityTokenVerifier} the BFF's.
 */
package vn.hanoi.hcc.contract.identity;
