package vn.hanoi.hcc.bff.cache;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/** A Lua script run by its SHA-1 (EVALSHA), sent in full only the first time Redis lacks it. */
public final class LuaScript {

    private final String source;
    private final String sha;

    public LuaScript(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-1 is part of every JDK", impossible);
        }
    }

    /** Runs the script; its integer reply. */
    public Mono<Long> run(RedisReactiveCommands<String, String> commands, String[] keys, String... args) {
        return commands.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args)
                .onErrorResume(
                        RedisNoScriptException.class,
                        notLoaded -> commands.eval(source, ScriptOutputType.INTEGER, keys, args))
                .next();
    }
}
