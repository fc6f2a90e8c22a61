/**
 * Who is calling: the identity the gateway established for a request (anonymous, a signed-in
 * person, or a machine client), as every filter after authentication reads it.
 */
package vn.hanoi.hcc.gateway.caller;
