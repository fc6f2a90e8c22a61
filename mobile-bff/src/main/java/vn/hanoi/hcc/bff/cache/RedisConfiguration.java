package vn.hanoi.hcc.bff.cache;

import io.lettuce.core.tracing.MicrometerTracing;
import io.lettuce.core.tracing.Tracing;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * The BFF's one Redis connection, on the {@code hcc.bff.cache.*} settings, each command an observation
 * (a span of the request's trace, and Lettuce's command timer); closed with the context.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    RedisConnection redisConnection(CacheProperties properties, ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable();
        return new RedisConnection(
                properties.redisUrl(),
                properties.connectTimeout(),
                properties.reconnectInterval(),
                registry == null ? Tracing.disabled() : new MicrometerTracing(registry, "redis"));
    }
}
