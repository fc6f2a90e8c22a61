package vn.hanoi.hcc.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * The gateway's one Redis connection (rate limits, failed-authentication counts, idempotency
 * records), on the {@code hcc.gateway.redis.*} settings; closed with the context.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    RedisConnection redisConnection(RedisProperties properties) {
        return new RedisConnection(properties.url(), properties.connectTimeout(), properties.reconnectInterval());
    }
}
