package vn.hanoi.hcc.bff.point;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How replicas keep their point index current ({@code hcc.bff.points.*}).
 *
 * @param signalChannel the Redis channel a change is announced on
 * @param safetyRefresh how often each replica compares its version with the database's anyway
 */
@Validated
@ConfigurationProperties("hcc.bff.points")
public record PointIndexProperties(
        @NotBlank String signalChannel, @NotNull Duration safetyRefresh) {}
