package vn.hanoi.hcc.bff.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * An OSRM-compatible {@code table} service: durations from one origin to many destinations in one
 * request. Guarded by the {@code osrm} circuit breaker; a timeout counts as a failure. Callers fall
 * back to the heuristic on any error.
 */
@Component
@ConditionalOnProperty(name = "hcc.bff.travel.engine", havingValue = "osrm")
class OsrmTableClient implements RoadEngine {

    private final WebClient web;
    private final TravelProperties.Osrm config;
    private final CircuitBreaker breaker;

    OsrmTableClient(WebClient.Builder web, TravelProperties properties, CircuitBreakerRegistry breakers) {
        this.web = web.build();
        this.config = properties.osrm();
        this.breaker = breakers.circuitBreaker("osrm");
    }

    @Override
    public Estimate label() {
        return Estimate.OSRM;
    }

    @Override
    public boolean serves(TravelMode mode) {
        return config.baseUrls().containsKey(mode);
    }

    @Override
    public int maxDestinations() {
        return config.maxDestinations();
    }

    /**
     * Seconds from the origin to each destination, in order; {@code null} where the engine found no
     * route. Empty when no engine is configured for the mode.
     */
    @Override
    public Mono<List<Double>> seconds(TravelMode mode, LatLon origin, List<LatLon> destinations) {
        URI base = config.baseUrls().get(mode);
        if (base == null || destinations.isEmpty()) {
            return Mono.empty();
        }
        URI table = URI.create(base.toString().replaceAll("/+$", "") + "/" + coordinates(origin, destinations)
                + "?sources=0&annotations=duration");
        return web.get()
                .uri(table)
                .retrieve()
                .bodyToMono(TableResponse.class)
                .timeout(config.timeout())
                .map(response -> response.firstRow(destinations.size()))
                .transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    private static String coordinates(LatLon origin, List<LatLon> destinations) {
        return Stream.concat(Stream.of(origin), destinations.stream())
                .map(position -> String.format(Locale.ROOT, "%.6f,%.6f", position.lon(), position.lat()))
                .collect(Collectors.joining(";"));
    }

    /** The part of OSRM's answer used here: {@code {"code": "Ok", "durations": [[0, 312.4, null, ...]]}}. */
    record TableResponse(String code, List<List<Double>> durations) {

        List<Double> firstRow(int destinations) {
            if (!"Ok".equals(code)
                    || durations == null
                    || durations.size() != 1
                    || durations.get(0).size() != destinations + 1) {
                throw new IllegalStateException("Unexpected OSRM table answer (code " + code + ")");
            }
            return durations.get(0).subList(1, destinations + 1);
        }
    }
}
