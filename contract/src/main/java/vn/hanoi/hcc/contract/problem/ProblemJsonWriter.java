package vn.hanoi.hcc.contract.problem;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers an exchange with a problem body as {@code application/problem+json}, through the
 * application's own codecs: for answers no controller writes (a filter's refusal, an exception
 * handler), which must look exactly like those that one does.
 */
public final class ProblemJsonWriter {

    private final ServerResponse.Context responseContext;

    public ProblemJsonWriter(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** Writes the problem with this status, adding the given headers (Allow, Retry-After...). */
    public Mono<Void> write(ServerWebExchange exchange, int status, HttpHeaders headers, Object problem) {
        return ServerResponse.status(status)
                .headers(answer -> answer.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }
}
