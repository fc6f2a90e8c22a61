package vn.hanoi.hcc.testsupport.rules;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves BlockHound watches the test JVM of the module that extends this: a blocking call on a
 * non-blocking thread must fail.
 */
public abstract class BlockHoundContract {

    @Test
    void catchesABlockingCallOnANonBlockingThread() {
        Mono<Integer> sleeping = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return 1;
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(sleeping).expectError(BlockingOperationError.class).verify();
    }
}
