package vn.hanoi.hcc.contract.requestid;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/** The request id: the header it travels in, where it is kept, and what a valid one looks like. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** Key of the id in the exchange attributes, the Reactor context and the logging MDC. */
    public static final String KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {}

    /** The id of this exchange, or {@code null} before {@link RequestIdWebFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(KEY);
    }

    /**
     * Puts the exchange's request id in the logging MDC until closed, for a log line written where
     * nothing copies it from the Reactor context (the gateway's context propagation is
     * {@code limited}; a filter of either service logs outside any operator).
     */
    public static MDC.MDCCloseable inLogs(ServerWebExchange exchange) {
        return inLogs(of(exchange));
    }

    /** Puts this request id in the logging MDC until closed, where no exchange is at hand. */
    public static MDC.MDCCloseable inLogs(String requestId) {
        return MDC.putCloseable(KEY, requestId);
    }

    /** A supplied id is kept only if it cannot smuggle anything into logs or headers. */
    static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /**
     * A random version-4 UUID. {@link UUID#randomUUID()} would read the secure random source,
     * which can block an event loop; a request id need not be unguessable.
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
