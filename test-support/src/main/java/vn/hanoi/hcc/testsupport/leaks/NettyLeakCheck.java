package vn.hanoi.hcc.testsupport.leaks;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked buffer by its end. Registered for every class
 * through JUnit's extension auto-detection (the root pom turns it on for this package only). A
 * leak is usually the class's own; one left by an earlier class is caught here only if it was not
 * garbage when that class ended, and the report's access records say where it came from.
 */
public class NettyLeakCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        LeakRecorder.assertNoLeaks(context.getRequiredTestClass().getName());
    }
}
