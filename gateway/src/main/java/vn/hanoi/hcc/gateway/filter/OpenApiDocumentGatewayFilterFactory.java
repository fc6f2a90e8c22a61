package vn.hanoi.hcc.gateway.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a route with the published OpenAPI document itself, never the BFF: {@code docs/openapi.yaml},
 * copied into the gateway's classpath at build ({@code openapi/openapi.yaml}), as YAML for a path
 * ending in {@code .yaml} and as JSON otherwise. Read and converted once, at startup; whatever ran
 * before this filter on the route (its methods, the rate limit) has run.
 */
@Component
public class OpenApiDocumentGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String LOCATION = "openapi/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final CacheControl FIVE_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final byte[] yaml;
    private final byte[] json;

    public OpenApiDocumentGatewayFilterFactory() {
        super(Object.class);
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            yaml = in.readAllBytes();
        } catch (IOException missing) {
            throw new UncheckedIOException("The published OpenAPI document is not on the classpath", missing);
        }
        Object document =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        json = JsonMapper.builder().build().writeValueAsBytes(document);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            boolean asYaml = exchange.getRequest().getPath().value().endsWith(".yaml");
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().setContentType(asYaml ? YAML : MediaType.APPLICATION_JSON);
            response.getHeaders().setCacheControl(FIVE_MINUTES);
            byte[] body = asYaml ? yaml : json;
            response.getHeaders().setContentLength(body.length);
            return response.writeWith(
                    Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
        };
    }
}
