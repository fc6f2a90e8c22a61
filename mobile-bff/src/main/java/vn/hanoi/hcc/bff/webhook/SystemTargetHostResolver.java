package vn.hanoi.hcc.bff.webhook;

import java.net.InetAddress;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The JDK's resolver (hosts file, then DNS, as the machine is configured). It blocks while it asks,
 * so it runs on {@code boundedElastic}, never on an event loop.
 */
@Component
class SystemTargetHostResolver implements TargetHostResolver {

    @Override
    public Mono<List<InetAddress>> resolve(String host) {
        return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
