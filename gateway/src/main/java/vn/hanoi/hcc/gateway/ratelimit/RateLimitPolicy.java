package vn.hanoi.hcc.gateway.ratelimit;

/**
 * The bucket a request is charged to.
 *
 * @param name the policy, for metrics ({@code anonymous}, {@code user}, {@code strict}, {@code tier:<name>})
 * @param subject whom the bucket belongs to (an IP, a person, a client): hashed before use as a key
 * @param dailyQuota requests a day, 0 for none
 */
record RateLimitPolicy(String name, String subject, int capacity, double refillPerSecond, long dailyQuota) {}
