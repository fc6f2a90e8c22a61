package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.web.server.WebFilter;

/**
 * The running chain is the one {@code filter.FilterOrder} names and the README's "What a request goes
 * through, in order" lists: the web filters as WebFlux orders them, the global filters as Spring Cloud
 * Gateway does, ours all before its routing filters.
 */
class FilterChainOrderTest extends SharedFakeBffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void runsTheWebFiltersInTheNamedOrder() {
        List<WebFilter> filters =
                context.getBeanProvider(WebFilter.class).orderedStream().toList();
        List<String> chain = filters.stream()
                .map(filter -> filter.getClass().getSimpleName())
                .toList();

        assertThat(filters.stream()
                        .filter(ours().or(filter ->
                                filter.getClass().getSimpleName().equals("WebFilterChainProxy")))
                        .map(filter -> filter.getClass().getSimpleName()))
                .containsExactly(
                        "RequestIdWebFilter",
                        "ForwardedHeaderWebFilter",
                        "IdentityHeaderStrippingWebFilter",
                        "AccessLogWebFilter",
                        "HeaderSizeLimitWebFilter",
                        "AuthFailureWebFilter",
                        "WebFilterChainProxy",
                        "CallerWebFilter");
        assertThat(chain.get(0)).isEqualTo("RequestIdWebFilter");
    }

    @Test
    void runsTheGlobalFiltersInTheNamedOrderBeforeRouting() {
        List<GlobalFilter> filters =
                context.getBeanProvider(GlobalFilter.class).orderedStream().toList();
        List<String> chain = filters.stream()
                .map(filter -> filter.getClass().getSimpleName())
                .toList();

        assertThat(filters.stream()
                        .filter(ours())
                        .map(filter -> filter.getClass().getSimpleName()))
                .containsExactly(
                        "MethodAllowedGlobalFilter",
                        "RequestSizeGlobalFilter",
                        "RateLimitGlobalFilter",
                        "IdempotencyGlobalFilter",
                        "InternalIdentityGlobalFilter");
        assertThat(chain.indexOf("InternalIdentityGlobalFilter"))
                .isLessThan(chain.indexOf("RouteToRequestUrlFilter"))
                .isLessThan(chain.indexOf("NettyRoutingFilter"));
    }

    /** A filter of this project's (the contract's request id included). */
    private static Predicate<Object> ours() {
        return filter -> filter.getClass().getPackageName().startsWith("vn.hanoi.hcc");
    }
}
