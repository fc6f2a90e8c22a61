package vn.hanoi.hcc.bff.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hcc.bff.webhooks.*}.
 *
 * @param requireHttps  refuse plain-http targets (production)
 * @param allowLoopback accept targets on this machine (the local run and tests)
 * @param dispatch      whether this replica delivers the webhook outbox (any number may)
 */
@ConfigurationProperties("hcc.bff.webhooks")
public record WebhookProperties(boolean requireHttps, boolean allowLoopback, boolean dispatch) {
}
