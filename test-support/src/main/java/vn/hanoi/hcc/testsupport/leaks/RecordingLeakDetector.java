package vn.hanoi.hcc.testsupport.leaks;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, reporting every leak to {@link LeakRecorder} as well as to the log.
 * Installed by the system property {@code io.netty.customResourceLeakDetector}, which Netty reads
 * before it makes its first detector; it reports whatever the logging configuration says, since a
 * leak must fail the build even where its log line is filtered out.
 */
public class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /** The constructor Netty's factory looks for first. */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LeakRecorder.record(
                "LEAK: " + resourceType + ".release() was not called before it's garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LeakRecorder.record("LEAK: " + resourceType + ".release() was not called before it's garbage-collected"
                + " (no access records: leak detection below the advanced level).");
        super.reportUntracedLeak(resourceType);
    }
}
