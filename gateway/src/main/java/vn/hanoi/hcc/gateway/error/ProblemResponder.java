package vn.hanoi.hcc.gateway.error;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.filter.RequestId;

/** Writes a problem+json answer: the one way the gateway answers an error it decides itself. */
@Component
public class ProblemResponder {

    private final ServerResponse.Context responseContext;

    ProblemResponder(ServerCodecConfigurer codecs) {
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

    /** The problem of this type for this exchange. */
    public GatewayProblem problem(GatewayProblemType type, String detail, ServerWebExchange exchange) {
        return new GatewayProblem(type.uri(), type.title(), type.status().value(), detail,
                exchange.getRequest().getPath().value(), RequestId.of(exchange));
    }

    /** Answers the exchange with the problem, adding the given headers (Allow, Retry-After...). */
    public Mono<Void> respond(ServerWebExchange exchange, GatewayProblem problem, HttpHeaders headers) {
        return ServerResponse.status(problem.status())
                .headers(answer -> answer.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    public Mono<Void> respond(ServerWebExchange exchange, GatewayProblemType type, String detail, HttpHeaders headers) {
        return respond(exchange, problem(type, detail, exchange), headers);
    }
}
