package vn.hanoi.hcc.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A claim must outlast the slowest batch, or a second replica could deliver a message again. */
class WebhookPropertiesTest {

    /** Production's settings, with this lease. */
    static WebhookProperties production(Duration lease) {
        return new WebhookProperties(
                true,
                false,
                false,
                Duration.ofSeconds(1),
                100,
                16,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                lease,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofHours(24));
    }

    /** Production's settings, loopback allowed or not (the local run allows it). */
    static WebhookProperties loopback(boolean allowed) {
        return new WebhookProperties(
                true,
                allowed,
                false,
                Duration.ofSeconds(1),
                100,
                16,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofHours(24));
    }

    @Test
    void acceptsALeaseLongerThanSevenRoundsOfSlowReceivers() {
        assertThat(production(Duration.ofMinutes(2)).isLeaseLongerThanTheSlowestBatch())
                .isTrue();
    }

    @Test
    void refusesALeaseThatABatchOfSlowReceiversCouldOutlast() {
        // 100 messages, 16 at a time: 7 rounds of up to 11 s each
        assertThat(production(Duration.ofSeconds(77)).isLeaseLongerThanTheSlowestBatch())
                .isFalse();
        assertThat(production(Duration.ofSeconds(60)).isLeaseLongerThanTheSlowestBatch())
                .isFalse();
    }
}
