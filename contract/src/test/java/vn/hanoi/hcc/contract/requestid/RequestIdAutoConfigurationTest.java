package vn.hanoi.hcc.contract.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.web.server.WebFilter;

/** Every reactive web application on the library gets the filter, once; nothing else does. */
class RequestIdAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class));

    @Test
    void givesAReactiveWebApplicationTheFilter() {
        web.run(context -> assertThat(context).hasSingleBean(RequestIdWebFilter.class));
    }

    @Test
    void leavesAnApplicationItsOwnFilter() {
        RequestIdWebFilter own = new RequestIdWebFilter();
        web.withBean("ownRequestIdWebFilter", RequestIdWebFilter.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(RequestIdWebFilter.class)).isSameAs(own));
    }

    @Test
    void isListedForApplicationsAndForWebFluxTestSlices() throws IOException {
        for (String imports : List.of(
                "org.springframework.boot.autoconfigure.AutoConfiguration",
                "org.springframework.boot.webflux.test.autoconfigure.AutoConfigureWebFlux")) {
            try (InputStream listed = getClass().getResourceAsStream("/META-INF/spring/" + imports + ".imports")) {
                assertThat(listed).as(imports).isNotNull();
                assertThat(new String(listed.readAllBytes(), StandardCharsets.UTF_8).lines())
                        .as(imports)
                        .contains(RequestIdAutoConfiguration.class.getName());
            }
        }
    }

    @Test
    void addsNoFilterOutsideAReactiveWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(WebFilter.class));
    }
}
