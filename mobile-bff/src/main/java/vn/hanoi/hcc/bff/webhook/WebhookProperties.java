package vn.hanoi.hcc.bff.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hcc.bff.webhooks.*}.
 *
 * @param requireHttps  refuse plain-http targets (production)
 * @param allowLoopback accept targets on this machine (the local run and tests)
 */
@ConfigurationProperties("hcc.bff.webhooks")
public record WebhookProperties(boolean requireHttps, boolean allowLoopback) {
}
