package vn.hanoi.hcc.contract.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;
import vn.hanoi.hcc.testsupport.embedded.EmbeddedRedisServer;
import vn.hanoi.hcc.testsupport.embedded.FreePort;

/** The shared connection: open without waiting, failing fast without Redis, reconnecting promptly. */
class RedisConnectionTest {

    @Test
    void neverWaitsLongerThanTheIntervalBetweenReconnectionAttempts() {
        Delay capped = RedisConnection.reconnectDelay(Duration.ofSeconds(1));

        assertThat(capped.createDelay(1)).isLessThanOrEqualTo(Duration.ofMillis(1));
        for (long attempt = 1; attempt <= 40; attempt++) {
            assertThat(capped.createDelay(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(Delay.exponential().createDelay(20))
                .as("Lettuce's own default, which the cap replaces")
                .isGreaterThan(Duration.ofSeconds(10));
    }

    @Test
    void answersCommandsOnceOpen() throws IOException {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(null);
                RedisConnection connection =
                        new RedisConnection(redis.url(), Duration.ofMillis(500), Duration.ofSeconds(1))) {
            StepVerifier.create(connection.commands().flatMap(RedisReactiveCommands::ping))
                    .expectNext("PONG")
                    .verifyComplete();
        }
    }

    @Test
    void closesItsConnectionOnceAndQuietly() throws Exception {
        Logger lettuce = (Logger) LoggerFactory.getLogger(RedisChannelHandler.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        lettuce.addAppender(logged);
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(null)) {
            RedisConnection connection =
                    new RedisConnection(redis.url(), Duration.ofMillis(500), Duration.ofSeconds(1));
            StepVerifier.create(connection.commands().flatMap(RedisReactiveCommands::ping))
                    .expectNext("PONG")
                    .verifyComplete();

            connection.closeAsync().get(10, TimeUnit.SECONDS);

            StepVerifier.create(connection.commands().flatMap(RedisReactiveCommands::ping))
                    .expectError()
                    .verify(Duration.ofSeconds(2));
            assertThat(logged.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .doesNotContain("Connection is already closed");
        } finally {
            lettuce.detachAppender(logged);
        }
    }

    @Test
    void failsAtOnceWhereNoRedisListens() {
        try (RedisConnection connection = new RedisConnection(
                "redis://127.0.0.1:" + FreePort.find(), Duration.ofMillis(500), Duration.ofSeconds(1))) {
            StepVerifier.create(connection.commands().flatMap(RedisReactiveCommands::ping))
                    .expectError()
                    .verify(Duration.ofSeconds(2));
        }
    }
}
