package vn.hanoi.hcc.bff.notification.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/me/devices}: an FCM registration token (letters, digits and {@code _-:.}),
 * the platform, and the language its notifications are written in ({@code vi} when absent).
 */
record DeviceRequest(
        @NotNull @Size(min = 16, max = 4096) @Pattern(regexp = "[A-Za-z0-9_:.\\-]+")
        String token,

        @NotNull @Pattern(regexp = "android|ios|web") String platform,
        @Pattern(regexp = "vi|en") String locale) {

    String localeOrDefault() {
        return locale == null ? "vi" : locale;
    }
}
