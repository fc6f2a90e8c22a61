package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A route that no authorization rule names (here one added by the test, as a careless change would
 * add one) is refused to everyone; a path no route serves is still a plain 404.
 */
@Import(UnnamedRouteTest.UnnamedRoute.class)
class UnnamedRouteTest extends SharedFakeBffTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class UnnamedRoute {

        @Bean
        RouteLocator unnamedRoute(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("unnamed", route -> route.path("/api/v1/unnamed/**").uri(bff.uri()))
                    .build();
        }
    }

    @Test
    void refusesARouteNoRuleNames() {
        web.get().uri("/api/v1/unnamed/anything").exchange().expectStatus().isUnauthorized();
        web.get()
                .uri("/api/v1/unnamed/anything")
                .headers(h -> h.setBearerAuth(idp.token("staff-unnamed", "ops")))
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(bff.last("/api/v1/unnamed")).isNull();
    }

    @Test
    void answersAPathNoRouteServesWith404() {
        web.get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/not-found");
    }
}
