package vn.hanoi.hcc.bff.cache;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * The {@code redis} health component: a PING over the BFF's own connection (the one the caches,
 * throttles and signals use, so a {@code redis-sentinel://} URL needs nothing more), within the
 * connect timeout plus a command's. Shown in {@code /actuator/health}, left out of readiness on
 * purpose: without Redis the BFF serves from PostgreSQL.
 */
@Component
class RedisHealthIndicator implements ReactiveHealthIndicator {

    private final RedisConnection redis;
    private final Duration timeout;

    RedisHealthIndicator(RedisConnection redis, CacheProperties properties) {
        this.redis = redis;
        this.timeout = properties.connectTimeout().plus(properties.commandTimeout());
    }

    @Override
    public Mono<Health> health() {
        return redis.commands()
                .flatMap(commands -> commands.ping())
                .timeout(timeout)
                .map(pong -> Health.up().build())
                .onErrorResume(failure -> Mono.just(Health.down()
                        .withDetail("error", failure.getClass().getSimpleName())
                        .build()));
    }
}
