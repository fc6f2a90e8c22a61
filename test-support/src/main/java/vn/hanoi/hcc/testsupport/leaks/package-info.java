/**
 * Netty buffer leaks fail the build. The test JVMs run Netty's leak detector at {@code paranoid}
 * level (every buffer tracked) with {@link vn.hanoi.hcc.testsupport.leaks.RecordingLeakDetector} as its
 * detector (the root pom's Surefire and Failsafe {@code argLine}); {@link vn.hanoi.hcc.testsupport.leaks.NettyLeakCheck},
 * an extension every test class gets, collects the garbage after each class and fails the class if
 * a buffer was reported (but for {@link vn.hanoi.hcc.testsupport.leaks.KnownDriverLeak});
 * {@link vn.hanoi.hcc.testsupport.leaks.LeakDetectionContract} proves the chain catches a buffer leaked
 * on purpose. {@link vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies} keeps the test clients from leaking
 * the bodies they do not read. This module's {@code META-INF} registers the check and the client
 * customizer in every module whose tests depend on it.
 */
package vn.hanoi.hcc.testsupport.leaks;
