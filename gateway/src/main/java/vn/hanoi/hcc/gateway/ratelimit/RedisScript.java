package vn.hanoi.hcc.gateway.ratelimit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import reactor.core.publisher.Mono;

/**
 * A Lua script of the classpath run atomically in Redis: by its SHA-1, sent whole only when Redis
 * does not know it yet (after a restart or a failover). Its reply is a list of integers.
 */
final class RedisScript {

    private final String source;
    private final String sha;

    RedisScript(String resource) {
        try (InputStream script = new ClassPathResource(resource).getInputStream()) {
            this.source = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
        this.sha = HexFormat.of().formatHex(hash("SHA-1", source));
    }

    /** The script's reply for these keys and arguments. */
    Mono<long[]> run(RedisReactiveCommands<String, String> commands, String[] keys, String... args) {
        return commands.<Object>evalsha(sha, ScriptOutputType.MULTI, keys, args)
                .onErrorResume(
                        RedisNoScriptException.class,
                        notLoaded -> commands.eval(source, ScriptOutputType.MULTI, keys, args))
                .collectList()
                .map(RedisScript::toLongs);
    }

    /** A Redis key for this subject that holds no address or person, only a digest of them. */
    static String key(String namespace, String subject) {
        return namespace + ":{" + HexFormat.of().formatHex(hash("SHA-256", subject), 0, 12) + "}";
    }

    /** The script's reply, whether Lettuce hands it over as one list or element by element. */
    private static long[] toLongs(List<?> reply) {
        List<?> result = reply.size() == 1 && reply.get(0) instanceof List<?> nested ? nested : reply;
        long[] values = new long[result.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Number) result.get(i)).longValue();
        }
        return values;
    }

    private static byte[] hash(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(algorithm + " is part of every JDK", impossible);
        }
    }
}
