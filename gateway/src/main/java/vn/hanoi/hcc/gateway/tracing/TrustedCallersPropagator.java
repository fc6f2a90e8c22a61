package vn.hanoi.hcc.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import vn.hanoi.hcc.contract.net.AddressBlock;

/**
 * Continues a request's W3C trace context only when its connection comes from a trusted caller
 * ({@code hcc.gateway.tracing.trusted-callers}); anyone else's request starts a new trace, as if it had
 * sent none. A client's {@code traceparent} is not believed because its sampled flag would let it
 * have every one of its requests recorded and exported, past the sampling rate that bounds the
 * collector's load, and its trace id would let it mix its requests into another's trace.
 */
final class TrustedCallersPropagator implements Propagator {

    private static final Getter<Object> NOTHING = (carrier, key) -> null;

    private final Propagator delegate;
    private final List<AddressBlock> trusted;

    TrustedCallersPropagator(Propagator delegate, List<String> trustedCallers) {
        this.delegate = delegate;
        this.trusted = trustedCallers.stream()
                .filter(caller -> !caller.isBlank())
                .map(caller -> AddressBlock.parse(caller.strip()))
                .toList();
    }

    @Override
    public List<String> fields() {
        return delegate.fields();
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
        delegate.inject(context, carrier, setter);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
        return delegate.extract(carrier, isTrusted(carrier) ? getter : (Getter<C>) NOTHING);
    }

    private boolean isTrusted(Object carrier) {
        if (trusted.isEmpty() || !(carrier instanceof ServerHttpRequest request)) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        byte[] address = remote.getAddress().getAddress();
        for (AddressBlock range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
