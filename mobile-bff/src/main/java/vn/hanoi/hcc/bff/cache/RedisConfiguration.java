package vn.hanoi.hcc.bff.cache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/** The BFF's one Redis connection, on the {@code hcc.bff.cache.*} settings; closed with the context. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    RedisConnection redisConnection(CacheProperties properties) {
        return new RedisConnection(properties.redisUrl(), properties.connectTimeout(), properties.reconnectInterval());
    }
}
