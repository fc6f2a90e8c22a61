package vn.hanoi.hcc.bff.pointrecord;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the points' records are kept current ({@code hcc.bff.point-records.*}).
 *
 * @param refreshEvery how old the records may grow before a replica computes them again
 * @param check how often each replica tries to claim a refresh that is due, and reloads records another wrote
 * @param lease how long a claim holds: a refresh not written by then is given up, and another replica may claim
 */
@Validated
@ConfigurationProperties("hcc.bff.point-records")
record PointRecordProperties(
        @NotNull Duration refreshEvery,
        @NotNull Duration check,
        @NotNull Duration lease) {}
