package vn.hanoi.hcc.bff.dossier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many wrong lookups are tolerated ({@code hcc.bff.lookup-throttle.*}).
 *
 * @param perCode failed lookups of one code, from all addresses together, within the window before
 *        the code is refused to everyone: far above what one guesser may try, so that only a guess
 *        spread over many addresses reaches it
 * @param perClient failed lookups from one client address, of any codes, within the window before
 *        that address is refused
 * @param window how long failures are remembered, from the first
 * @param timeout how long a lookup waits for Redis to count it; past it the lookup is refused (503)
 */
@Validated
@ConfigurationProperties("hcc.bff.lookup-throttle")
public record LookupThrottleProperties(
        @Positive int perCode,
        @Positive int perClient,
        @NotNull Duration window,
        @NotNull Duration timeout) {}
