package vn.hanoi.hcc.bff.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import vn.hanoi.hcc.bff.background.BackgroundLoop;

/**
 * The outboxes' backlog as gauges, per channel: {@code hcc.outbox.pending} (messages waiting) and
 * {@code hcc.outbox.oldest.age} (seconds the oldest has waited since it was written), read from the
 * tables every {@code hcc.bff.outbox.backlog-interval} on every replica, whether or not it
 * dispatches: a backlog that grows because no replica dispatches is exactly what must show. The
 * counts are shared, so every replica reports the same figures (dashboards take the max).
 */
@Component
class OutboxBacklogMetrics extends BackgroundLoop {

    private final List<Channel> channels;
    private final Duration interval;

    /** One outbox's last reading. */
    private record Channel(OutboxRepository<?> outbox, AtomicReference<Backlog> last) {}

    OutboxBacklogMetrics(List<OutboxRepository<?>> outboxes, MeterRegistry meters, OutboxProperties properties) {
        this.interval = properties.backlogInterval();
        this.channels = outboxes.stream()
                .map(outbox -> new Channel(outbox, new AtomicReference<>(Backlog.EMPTY)))
                .toList();
        for (Channel channel : channels) {
            Gauge.builder(
                            "hcc.outbox.pending",
                            channel.last(),
                            last -> last.get().pending())
                    .description("Messages waiting in the outbox")
                    .tag("channel", channel.outbox().channel())
                    .register(meters);
            TimeGauge.builder(
                            "hcc.outbox.oldest.age",
                            channel.last(),
                            TimeUnit.MILLISECONDS,
                            last -> last.get().oldestAge().toMillis())
                    .description("How long the oldest waiting message has waited since it was written")
                    .tag("channel", channel.outbox().channel())
                    .register(meters);
        }
    }

    @Override
    protected Disposable begin() {
        return every(
                Duration.ZERO,
                interval,
                "reading the outboxes' backlog",
                () -> Flux.fromIterable(channels)
                        .concatMap(channel -> channel.outbox().backlog().doOnNext(channel.last()::set))
                        .then());
    }
}
