package vn.hanoi.hcc.gateway.filter;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bodies over the route's limit (metadata {@code max-request-body}, else
 * {@code hcc.gateway.limits.max-request-body}) are refused with 413: at once when
 * {@code Content-Length} says so, while streaming when the body is chunked. Nothing here (or
 * anywhere in the gateway) holds a body: it passes buffer by buffer to the BFF, counted on its way,
 * and whatever breaks it off on the client's side becomes a {@link RequestBodyException}.
 */
@Component
class RequestSizeGlobalFilter implements GlobalFilter, Ordered {

    static final String METADATA = "max-request-body";

    private final DataSize defaultLimit;

    RequestSizeGlobalFilter(LimitsProperties limits) {
        this.defaultLimit = limits.maxRequestBody();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limitOf(exchange.getAttribute(GATEWAY_ROUTE_ATTR));
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(new BodyTooLargeException(limit));
        }
        ServerHttpRequest guarded = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                Flux<DataBuffer> body = declared >= 0 ? super.getBody() : counted(super.getBody(), limit);
                return body.onErrorMap(
                        failure -> !(failure instanceof RequestBodyException),
                        failure -> new RequestBodyException(
                                HttpStatus.BAD_REQUEST, "The request body broke off", failure));
            }
        };
        return chain.filter(exchange.mutate().request(guarded).build());
    }

    /** A body without Content-Length, cut off with 413 once it passes the limit. */
    private static Flux<DataBuffer> counted(Flux<DataBuffer> body, long limit) {
        AtomicLong total = new AtomicLong();
        return body.<DataBuffer>handle((buffer, sink) -> {
                    if (total.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                })
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    private long limitOf(Route route) {
        Object declared = route == null ? null : route.getMetadata().get(METADATA);
        return declared == null
                ? defaultLimit.toBytes()
                : DataSize.parse(declared.toString()).toBytes();
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_SIZE;
    }
}
