package vn.hanoi.hcc.gateway.filter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses requests whose headers together exceed {@code hcc.gateway.limits.max-request-headers}
 * with a 431 problem, before any of them is parsed further. (Beyond Netty's own, higher limit the
 * decoder refuses the request before any filter, see {@code error.DecodingFailureProblemCustomizer}.)
 */
@Component
@Order(FilterOrder.HEADER_SIZE)
class HeaderSizeLimitWebFilter implements WebFilter {

    private static final int SEPARATORS = 4; // ": " and CRLF

    private final long maxBytes;

    HeaderSizeLimitWebFilter(LimitsProperties limits) {
        this.maxBytes = limits.maxRequestHeaders().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long size = 0;
        for (Map.Entry<String, List<String>> header :
                exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.getBytes(StandardCharsets.UTF_8).length + SEPARATORS;
            }
        }
        if (size > maxBytes) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers exceed " + maxBytes + " bytes"));
        }
        return chain.filter(exchange);
    }
}
