package vn.hanoi.hcc.bff.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Work of the BFF's own (a background pass, an outbox batch) run as an observation: a timer and a
 * span, current for everything the work does, so that its statements are the span's children, its
 * log lines carry the span's ids and what it writes can name the span as its writer. The observation
 * is started at subscription, kept in the Reactor context (restored on every operator), scoped while
 * the work is assembled, and stopped when the work ends, fails or is cancelled.
 */
public final class ObservedMono {

    private ObservedMono() {}

    /**
     * @param started starts the observation (and may tag or link it before the work begins)
     * @param work    the work, assembled inside the observation's scope
     */
    public static <T> Mono<T> of(Supplier<Observation> started, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            Observation observation = started.get();
            return observation
                    .scoped(work::get)
                    .doOnError(observation::error)
                    .doFinally(signal -> observation.stop())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
        });
    }
}
