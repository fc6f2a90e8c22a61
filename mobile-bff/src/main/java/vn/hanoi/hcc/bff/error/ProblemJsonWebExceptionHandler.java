package vn.hanoi.hcc.bff.error;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Errors raised before a controller runs (no handler for the path, a method the path does not
 * serve, a filter failing) get the same problem+json as those the advice handles. Ordered ahead of
 * Spring Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemJsonWebExceptionHandler implements WebExceptionHandler {

    private final ProblemMapper mapper;
    private final ServerResponse.Context responseContext;

    ProblemJsonWebExceptionHandler(ProblemMapper mapper, ServerCodecConfigurer codecs) {
        this.mapper = mapper;
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

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemAnswer answer = mapper.map(error, exchange);
        return ServerResponse.status(answer.problem().status())
                .headers(headers -> headers.addAll(answer.headers()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(answer.problem())
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }
}
