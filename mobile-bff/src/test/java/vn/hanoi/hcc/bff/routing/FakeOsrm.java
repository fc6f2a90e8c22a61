package vn.hanoi.hcc.bff.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An OSRM table service on loopback whose behaviour a test chooses: answer with durations that
 * grow with the destination's index, fail, hang, or find no route to some destinations.
 */
final class FakeOsrm {

    /** How long the slow engine takes to answer. */
    static final Duration HANG = Duration.ofSeconds(30);

    enum Behaviour {
        ANSWER,
        FAIL,
        /** Answers only after {@link #HANG}: long past any timeout. */
        SLOW,
        NO_ROUTE_TO_SECOND
    }

    private final DisposableServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile double secondsPerRank = 60;

    FakeOsrm() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/table/v1/driving/{coordinates}", (request, response) -> {
                    requests.add(request.uri());
                    int destinations = request.param("coordinates").split(";").length - 1;
                    return switch (behaviour) {
                        case FAIL ->
                            response.status(500)
                                    .sendString(Mono.just("{\"code\":\"Error\"}"))
                                    .then();
                        case SLOW ->
                            Mono.delay(HANG)
                                    .then(response.sendString(Mono.just(table(destinations)))
                                            .then());
                        case ANSWER, NO_ROUTE_TO_SECOND ->
                            response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(table(destinations)))
                                    .then();
                    };
                }))
                .bindNow();
    }

    /** Destination i (from 0) is {@code (destinations - i) × secondsPerRank} away: the farthest by distance is quickest. */
    private String table(int destinations) {
        List<String> row = new ArrayList<>(List.of("0"));
        for (int i = 0; i < destinations; i++) {
            boolean noRoute = behaviour == Behaviour.NO_ROUTE_TO_SECOND && i == 1;
            row.add(noRoute ? "null" : String.format(Locale.ROOT, "%.1f", (destinations - i) * secondsPerRank));
        }
        return "{\"code\":\"Ok\",\"durations\":[[" + row.stream().collect(Collectors.joining(",")) + "]]}";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/table/v1/driving";
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    List<String> requests() {
        return requests;
    }

    void forget() {
        requests.clear();
        behaviour = Behaviour.ANSWER;
    }
}
