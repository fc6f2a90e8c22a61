package vn.hanoi.hcc.gateway.filter;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * anywhere in the gateway) holds a body: it passes buffer by buffer to the BFF, counted on its way.
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
            return Mono.error(tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong total = new AtomicLong();
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    if (total.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                }).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private long limitOf(Route route) {
        Object declared = route == null ? null : route.getMetadata().get(METADATA);
        return declared == null ? defaultLimit.toBytes() : DataSize.parse(declared.toString()).toBytes();
    }

    private static BodyTooLargeException tooLarge(long limit) {
        return new BodyTooLargeException(limit);
    }

    @Override
    public int getOrder() {
        return -39;
    }
}
