package vn.hanoi.hcc.gateway.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemJsonWriter;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;

/** Writes a problem+json answer: the one way the gateway answers an error it decides itself. */
@Component
public class ProblemResponder {

    private final ProblemJsonWriter writer;

    ProblemResponder(ServerCodecConfigurer codecs) {
        this.writer = new ProblemJsonWriter(codecs);
    }

    /** The problem of this type for this exchange. */
    public GatewayProblem problem(ProblemType type, String detail, ServerWebExchange exchange) {
        return new GatewayProblem(
                type.uri(),
                type.title(),
                type.status().value(),
                detail,
                exchange.getRequest().getPath().value(),
                RequestId.of(exchange));
    }

    /** Answers the exchange with the problem, adding the given headers (Allow, Retry-After...). */
    public Mono<Void> respond(ServerWebExchange exchange, GatewayProblem problem, HttpHeaders headers) {
        return writer.write(exchange, problem.status(), headers, problem);
    }

    public Mono<Void> respond(ServerWebExchange exchange, ProblemType type, String detail, HttpHeaders headers) {
        return respond(exchange, problem(type, detail, exchange), headers);
    }
}
