package vn.hanoi.hcc.bff.error;

import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemJsonWriter;

/**
 * Errors raised before a controller runs (no handler for the path, a method the path does not
 * serve, a filter failing) get the same problem+json as those the advice handles. Ordered ahead of
 * Spring Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemJsonWebExceptionHandler implements WebExceptionHandler {

    private final ProblemMapper mapper;
    private final ProblemJsonWriter writer;

    ProblemJsonWebExceptionHandler(ProblemMapper mapper, ServerCodecConfigurer codecs) {
        this.mapper = mapper;
        this.writer = new ProblemJsonWriter(codecs);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemAnswer answer = mapper.map(error, exchange);
        return writer.write(exchange, answer.problem().status(), answer.headers(), answer.problem());
    }
}
