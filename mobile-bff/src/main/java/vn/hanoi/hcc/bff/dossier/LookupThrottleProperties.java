package vn.hanoi.hcc.bff.dossier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many wrong lookups are tolerated ({@code hcc.bff.lookup-throttle.*}).
 *
 * @param perCode failed lookups of one code within the window before it is refused
 * @param perClient failed lookups from one client address within the window
 * @param window how long failures are remembered
 */
@Validated
@ConfigurationProperties("hcc.bff.lookup-throttle")
public record LookupThrottleProperties(@Positive int perCode, @Positive int perClient, @NotNull Duration window) {
}
