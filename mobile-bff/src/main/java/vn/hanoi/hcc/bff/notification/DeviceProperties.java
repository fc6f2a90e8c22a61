package vn.hanoi.hcc.bff.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A citizen's phones ({@code hcc.bff.devices.*}).
 *
 * @param maxPerCitizen devices one citizen may have: registering one more forgets the one least
 *        recently registered, and the pushes still waiting for it (every notification is sent to
 *        each device, so the cap bounds what one status change costs)
 */
@Validated
@ConfigurationProperties("hcc.bff.devices")
public record DeviceProperties(@Min(1) @Max(100) int maxPerCitizen) {}
