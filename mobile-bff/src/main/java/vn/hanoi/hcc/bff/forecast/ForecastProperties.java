package vn.hanoi.hcc.bff.forecast;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Expected completion ({@code hcc.bff.forecast.*}).
 *
 * @param window how far back finished dossiers count (180 days: recent enough to follow an agency
 *     that changed its pace, long enough for a few dossiers a week to reach the minimum of 30)
 * @param refreshInterval how often one replica samples new results and rebuilds the changed groups
 * @param reloadInterval how often every replica compares its distributions' version with the
 *     database's and loads the changed groups
 * @param batchSize results sampled per transaction (a backlog is drained in several)
 */
@Validated
@ConfigurationProperties("hcc.bff.forecast")
public record ForecastProperties(
        @NotNull Duration window,
        @NotNull Duration refreshInterval,
        @NotNull Duration reloadInterval,
        @Min(1) @Max(50_000) int batchSize) {}
