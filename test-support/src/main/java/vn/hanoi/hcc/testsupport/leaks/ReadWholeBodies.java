package vn.hanoi.hcc.testsupport.leaks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;

/**
 * Makes a {@link WebTestClient} read every answer's body whole as it arrives, releasing Netty's
 * buffers, and hand the test a heap copy. Without it a test that checks only the status leaves the
 * body in the connection, never released, and Netty reports a leak of the test client's own
 * (spring-projects/spring-framework#31335) where the check looks for the server's. Every
 * auto-configured test client gets it (listed in this module's
 * {@code META-INF/spring/...AutoConfigureWebTestClient.imports}); {@link #of} for the others.
 */
@AutoConfiguration
public class ReadWholeBodies implements WebTestClientBuilderCustomizer {

    private static final ExchangeFilterFunction FILTER = (request, next) -> next.exchange(request)
            .flatMap(response -> response.bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> withBody(response, body)));

    /** The client, reading whole bodies. */
    public static WebTestClient of(WebTestClient client) {
        return client.mutate().filter(FILTER).build();
    }

    @Override
    public void customize(WebTestClient.Builder builder) {
        builder.filter(FILTER);
    }

    private static ClientResponse withBody(ClientResponse response, byte[] body) {
        return response.mutate()
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                .build();
    }
}
