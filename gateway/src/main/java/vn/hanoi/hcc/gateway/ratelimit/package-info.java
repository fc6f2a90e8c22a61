/**
 * Rate limits and daily quotas, as token buckets in Redis (one Lua script checks and charges
 * atomically, whatever the number of gateway replicas). Keyed per client IP on public routes (more
 * strictly on the dossier lookup), per person for signed-in users, per API key by its tier with a
 * daily quota for machine clients. When Redis is down or slow the limiter fails open within its
 * command timeout: availability of the public service outweighs a few unmetered requests. Failed
 * authentications are counted per client address the same way ({@link AuthFailureThrottle}), and an
 * address past its limit has its credentials refused before they are checked.
 */
package vn.hanoi.hcc.gateway.ratelimit;
