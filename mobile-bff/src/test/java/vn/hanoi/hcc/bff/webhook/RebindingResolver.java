package vn.hanoi.hcc.bff.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A DNS server under an attacker's control: each lookup of a host gets its next scripted answer,
 * and the last answer stays. Addresses are built from their bytes, never looked up.
 */
final class RebindingResolver implements TargetHostResolver {

    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();

    /** Adds the next answer for the host. */
    RebindingResolver then(String host, InetAddress... addresses) {
        answers.computeIfAbsent(host, name -> new ArrayDeque<>()).add(List.of(addresses));
        return this;
    }

    @Override
    public Mono<List<InetAddress>> resolve(String host) {
        return Mono.fromCallable(() -> {
            Deque<List<InetAddress>> script = answers.get(host);
            if (script == null) {
                throw new UnknownHostException(host);
            }
            synchronized (script) {
                return script.size() > 1 ? script.poll() : script.peek();
            }
        });
    }

    /** An address from its literal form (a literal is parsed, not looked up). */
    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            throw new IllegalArgumentException(literal, notALiteral);
        }
    }
}
