/**
 * The identity token in tests: {@link vn.hanoi.hcc.testsupport.identity.TestIdentityTokens} mints
 * the tokens the BFF's tests call it with (any caller, an expired one, one signed with another key)
 * and reads, signature checked, the token the gateway's tests see it send.
 */
package vn.hanoi.hcc.testsupport.identity;
