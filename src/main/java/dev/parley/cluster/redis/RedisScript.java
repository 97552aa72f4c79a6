package dev.parley.cluster.redis;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A Lua script sent by its SHA-1 digest ({@code EVALSHA}), so each call carries a few bytes instead of the script. */
public record RedisScript(String source, String sha) {

    public static RedisScript of(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new RedisScript(source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    Request evalsha(List<String> keys, List<String> args) {
        return withArguments(Request.cmd(Command.EVALSHA).arg(sha), keys, args);
    }

    Request eval(List<String> keys, List<String> args) {
        return withArguments(Request.cmd(Command.EVAL).arg(source), keys, args);
    }

    static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static Request withArguments(Request request, List<String> keys, List<String> args) {
        request.arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }
}
