package vn.hanoi.hcc.bff.outbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hcc.bff.outbox.*}: what both outboxes share.
 *
 * @param backlogInterval how often every replica reads both outboxes' backlog for its gauges
 */
@Validated
@ConfigurationProperties("hcc.bff.outbox")
public record OutboxProperties(@NotNull Duration backlogInterval) {}
