package vn.hanoi.hcc.contract.tracing;

/**
 * Where a log line keeps the trace it belongs to: the Elastic Common Schema's {@code trace.id} and
 * {@code span.id} (the JSON logs show them as {@code "trace":{"id":…},"span":{"id":…}}), in every line
 * written while a span is current (the BFF: every line of a request or of a dispatch) and in the
 * lines that put them there themselves (the gateway's access log, its context propagation being
 * {@code limited}).
 */
public final class TraceLog {

    public static final String TRACE_ID = "trace.id";
    public static final String SPAN_ID = "span.id";

    private TraceLog() {}
}
