package vn.hanoi.hcc.bff.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.hanoi.hcc.contract.redis.RedisConnection;
import vn.hanoi.hcc.testsupport.embedded.EmbeddedRedisServer;

/**
 * Redis back after a long outage: the BFF's connection, on its own configuration, is open again
 * within about its reconnect interval (1 s). It used to keep Lettuce's default backoff, doubling up
 * to 30 s, and so served every cached read from PostgreSQL, and throttled no lookup, for up to half
 * a minute after Redis had returned.
 */
class RedisReconnectTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer()) // config/mobile-bff/application.yml
            .withUserConfiguration(BffRedis.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CacheProperties.class)
    @Import(RedisConfiguration.class)
    static class BffRedis {}

    @Test
    void isBackWithinAboutASecondOfRedisReturningAfterALongOutage() throws Exception {
        EmbeddedRedisServer first = EmbeddedRedisServer.start(null);
        int port = first.port();
        context.withPropertyValues("HCC_REDIS_URL=" + first.url()).run(started -> {
            assertThat(started.getBean(CacheProperties.class).reconnectInterval())
                    .isEqualTo(Duration.ofSeconds(1));
            RedisConnection redis = started.getBean(RedisConnection.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> "PONG".equals(ping(redis)));

            first.close();
            Thread.sleep(10_000); // long enough for an exponential backoff to grow past several seconds
            try (EmbeddedRedisServer again = EmbeddedRedisServer.start(null, port)) {
                long back = System.nanoTime();
                await().atMost(Duration.ofSeconds(2))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> "PONG".equals(ping(redis)));
                assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
            }
        });
    }

    private static String ping(RedisConnection redis) {
        return redis.commands()
                .flatMap(RedisReactiveCommands::ping)
                .onErrorReturn("down")
                .block(Duration.ofSeconds(1));
    }
}
