package vn.hanoi.hcc.gateway.filter;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ConnectRetry}: retries a GET or HEAD without a body whose connection to the BFF could not
 * be made (nothing was sent, so nothing can run twice), up to {@code retries} times after
 * {@code first-backoff}, doubling up to {@code max-backoff}.
 *
 * <p>Spring Cloud Gateway's own {@code Retry} filter does this too, but it marks its routes for body
 * caching, whatever methods it retries: {@code AdaptCachedBodyGlobalFilter}, the first global
 * filter, then reads every request body of those routes whole into memory before any other filter
 * runs (spring-cloud-gateway#3741): up to 5 MB a request on the agent routes, before the size, rate
 * and idempotency checks could refuse it. A request this filter retries has no body to send again,
 * so it keeps none, and every body streams to the BFF.
 */
@Component
public class ConnectRetryGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ConnectRetryGatewayFilterFactory.Config> {

    public ConnectRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) ->
                isBodilessRead(exchange.getRequest()) ? attempt(exchange, chain, config, 0) : chain.filter(exchange);
    }

    /**
     * One attempt, and on a connect failure the next after its backoff. Built only when a failure
     * happens: Reactor's {@code retryWhen} set up a companion sink for every request, failing or not.
     */
    private static Mono<Void> attempt(
            ServerWebExchange exchange, GatewayFilterChain chain, Config config, int retried) {
        return chain.filter(exchange)
                .onErrorResume(
                        failure -> retried < config.getRetries() && isConnectFailure(failure),
                        failure -> Mono.delay(backoff(config, retried)).then(Mono.defer(() -> {
                            // forgets the failed attempt, so that the routing filter routes the request again
                            ServerWebExchangeUtils.reset(exchange);
                            return attempt(exchange, chain, config, retried + 1);
                        })));
    }

    /** {@code first-backoff}, doubled for each retry before, at most {@code max-backoff}. */
    static Duration backoff(Config config, int retried) {
        Duration backoff = config.getFirstBackoff().multipliedBy(1L << Math.min(retried, 20));
        return backoff.compareTo(config.getMaxBackoff()) > 0 ? config.getMaxBackoff() : backoff;
    }

    static boolean isBodilessRead(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        HttpHeaders headers = request.getHeaders();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && headers.getContentLength() <= 0
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    static boolean isConnectFailure(Throwable failure) {
        Throwable cause = failure.getCause();
        return failure instanceof ConnectException
                || failure instanceof ConnectTimeoutException
                || cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException;
    }

    /** How often and after how long to try again. */
    public static class Config {

        private int retries = 2;
        private Duration firstBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofMillis(200);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }
}
