package vn.hanoi.hcc.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.exporter.FinishedSpan;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A background loop's lone statement is not exported; a request's statements and its own span are. */
class TracingConfigurationTest {

    @Test
    void dropsOnlyClientSpansThatAreTheirOwnTrace() {
        assertThat(TracingConfiguration.isExportable(span(Span.Kind.CLIENT, "0000000000000000")))
                .isFalse();
        assertThat(TracingConfiguration.isExportable(span(Span.Kind.CLIENT, null)))
                .isFalse();
        assertThat(TracingConfiguration.isExportable(span(Span.Kind.CLIENT, "00f067aa0ba902b7")))
                .isTrue();
        assertThat(TracingConfiguration.isExportable(span(Span.Kind.SERVER, "0000000000000000")))
                .isTrue();
        assertThat(TracingConfiguration.isExportable(span(null, null))).isTrue();
    }

    private static FinishedSpan span(Span.Kind kind, String parentId) {
        return (FinishedSpan) Proxy.newProxyInstance(
                FinishedSpan.class.getClassLoader(), new Class<?>[] {FinishedSpan.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getKind":
                            return kind;
                        case "getParentId":
                            return parentId;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
