package vn.hanoi.hcc.bff.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hcc.bff.reminders.*}: reminding a citizen of a result not collected (status 9) or of an
 * action still awaited (5, 6).
 *
 * @param enabled      whether this replica looks for due reminders (every replica may: each
 *                     reminder is queued once, whoever finds it first)
 * @param firstAfter   working days in the status before the first reminder
 * @param repeatEvery  the least time between two reminders of the same wait
 * @param maxReminders reminders of one wait at most
 * @param window       no reminder once the wait is older than this
 * @param quietFrom    no reminder is queued from this time of day (Hanoi)...
 * @param quietUntil   ...until this one: those due meanwhile are queued then
 * @param pollInterval how often due reminders are looked for
 * @param batchSize    candidates read at once
 */
@Validated
@ConfigurationProperties("hcc.bff.reminders")
public record ReminderProperties(
        boolean enabled,
        @Min(1) @Max(60) int firstAfter,
        @NotNull Duration repeatEvery,
        @Min(1) @Max(20) int maxReminders,
        @NotNull Duration window,
        @NotNull LocalTime quietFrom,
        @NotNull LocalTime quietUntil,
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int batchSize) {

    /** Reminders closer together than a day would nag, not help. */
    @AssertTrue(message = "repeat-every must be at least one day")
    public boolean isRepeatAtLeastADay() {
        return repeatEvery == null || repeatEvery.compareTo(Duration.ofDays(1)) >= 0;
    }
}
