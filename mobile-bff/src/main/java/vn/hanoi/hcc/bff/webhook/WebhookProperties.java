package vn.hanoi.hcc.bff.webhook;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hcc.bff.webhooks.*}.
 *
 * @param requireHttps  refuse plain-http targets (production)
 * @param allowLoopback accept targets on this machine (the local run and tests)
 * @param dispatch      whether this replica delivers the webhook outbox (any number may)
 * @param pollInterval  how often the outbox is looked at when nothing was due
 * @param batchSize     messages claimed at once (at most one per dossier)
 * @param concurrency   deliveries of a batch under way at once
 * @param connectTimeout the longest a connection to a receiver may take to open
 * @param timeout       the longest a receiver may take to answer
 * @param lease         how long a claim holds: a dispatcher that dies leaves its messages to another after this
 * @param firstBackoff  the wait after the first failure; doubled at each further one, with jitter
 * @param maxBackoff    the longest wait between attempts
 * @param giveUpAfter   how long a message is retried before it is dead-lettered
 */
@Validated
@ConfigurationProperties("hcc.bff.webhooks")
public record WebhookProperties(
        boolean requireHttps,
        boolean allowLoopback,
        boolean dispatch,
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int batchSize,
        @Min(1) @Max(256) int concurrency,
        @NotNull Duration connectTimeout,
        @NotNull Duration timeout,
        @NotNull Duration lease,
        @NotNull Duration firstBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration giveUpAfter) {

    /**
     * The slowest possible batch (every receiver at its timeout, {@code concurrency} at a time) must
     * end within its lease, or another dispatcher could claim and send its messages a second time.
     */
    @AssertTrue(message = "lease must outlast a batch of slow receivers: ceil(batch-size / concurrency) x timeout")
    public boolean isLeaseLongerThanTheSlowestBatch() {
        if (timeout == null || lease == null || concurrency < 1) {
            return true;
        }
        long rounds = (batchSize + concurrency - 1) / concurrency;
        return lease.compareTo(timeout.plusSeconds(1).multipliedBy(rounds)) > 0;
    }
}
