package vn.hanoi.hcc.bff.webhook.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.hanoi.hcc.bff.input.TextPatterns;

/**
 * {@code PUT /api/v1/agent/webhook}: the target, and the Standard Webhooks signing secret
 * ({@code whsec_} and 24 to 64 random bytes in base64).
 */
record WebhookRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = TextPatterns.LINE)
        String url,

        @NotNull @Pattern(regexp = "whsec_[A-Za-z0-9+/]{32,88}={0,2}")
        String secret) {}
