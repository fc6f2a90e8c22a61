/**
 * API keys of machine clients are stored and looked up by their HMAC-SHA256 with a shared pepper
 * ({@link vn.hanoi.hcc.contract.apikey.ApiKeyHasher}): the BFF stores the hash of each key it makes,
 * the gateway hashes a presented key the same way and asks the BFF's key store for the client.
 */
package vn.hanoi.hcc.contract.apikey;
