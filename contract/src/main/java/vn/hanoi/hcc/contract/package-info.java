/**
 * What the gateway and the BFF must agree on, in one place: the identity token the gateway signs
 * and the BFF verifies ({@code identity}), the request id and its place in the logs
 * ({@code requestid}), the problem types of error answers ({@code problem}), the Redis connection
 * ({@code redis}) and the hashing of API keys ({@code apikey}). A library, not an application: each
 * service binds its own configuration and hands this code the values; only the request id's web
 * filter arrives by auto-configuration.
 */
package vn.hanoi.hcc.contract;
