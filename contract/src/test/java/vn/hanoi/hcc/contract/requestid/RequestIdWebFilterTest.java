package vn.hanoi.hcc.contract.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The request id as both services keep, make, forward and echo it. */
class RequestIdWebFilterTest {

    private final RequestIdWebFilter filter = new RequestIdWebFilter();
    private final AtomicReference<ServerWebExchange> downstream = new AtomicReference<>();
    private final AtomicReference<String> inContext = new AtomicReference<>();

    @Test
    void keepsAWellFormedIdAndPassesTheRequestOnAsItCame() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "app-7f3a.1"));

        run(exchange);

        assertThat(downstream.get()).isSameAs(exchange);
        assertThat(exchange.getResponse().getHeaders().get("X-Request-Id")).containsExactly("app-7f3a.1");
        assertThat(RequestId.of(exchange)).isEqualTo("app-7f3a.1");
        assertThat(inContext.get()).isEqualTo("app-7f3a.1");
    }

    @Test
    void replacesAMalformedIdAndForwardsTheOneItMade() {
        MockServerWebExchange exchange =
                exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "<script>alert(1)</script>"));

        run(exchange);

        String made = exchange.getResponse().getHeaders().getFirst("X-Request-Id");
        assertThat(made).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(downstream.get().getRequest().getHeaders().get("X-Request-Id"))
                .containsExactly(made);
        assertThat(inContext.get()).isEqualTo(made);
    }

    @Test
    void makesOneForARequestWithout() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/"));

        run(exchange);

        String made = RequestId.of(exchange);
        assertThat(made).isNotBlank();
        assertThat(downstream.get().getRequest().getHeaders().get("X-Request-Id"))
                .containsExactly(made);
    }

    @Test
    void forwardsOneIdWhereTheClientSentSeveral() {
        MockServerWebExchange exchange =
                exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "first-1", "second-2"));

        run(exchange);

        assertThat(downstream.get().getRequest().getHeaders().get("X-Request-Id"))
                .containsExactly("first-1");
        assertThat(exchange.getResponse().getHeaders().get("X-Request-Id")).containsExactly("first-1");
    }

    @Test
    void answersWithItsOwnIdWhateverAProxiedAnswerBrought() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "gw-9"));

        filter.filter(exchange, proxied -> {
                    proxied.getResponse().getHeaders().add("X-Request-Id", "bff-echo");
                    return proxied.getResponse().setComplete();
                })
                .block();

        assertThat(exchange.getResponse().getHeaders().get("X-Request-Id")).containsExactly("gw-9");
    }

    @Test
    void runsBeforeEveryOtherFilter() {
        assertThat(filter.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    }

    private void run(MockServerWebExchange exchange) {
        filter.filter(exchange, next -> {
                    downstream.set(next);
                    return Mono.deferContextual(context -> {
                        inContext.set(context.get(RequestId.KEY));
                        return Mono.empty();
                    });
                })
                .block();
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }
}
