package dev.parley.dialect;

import dev.parley.auth.CurrentCaller;
import dev.parley.auth.QueryTokenAuthMechanism;
import dev.parley.gateway.ChatEndpoint;
import dev.parley.gateway.Draining;
import dev.parley.gateway.FrameDispatcher;
import dev.parley.gateway.Guards;
import dev.parley.gateway.Sessions;
import dev.parley.protocol.FrameCodec;
import io.quarkus.websockets.next.WebSocket;

/**
 * {@code /ws/auth?token=JWT}: seed 003's authenticated endpoint. The upgrade is
 * accepted whatever the token, and a missing, bad or expired one is answered with
 * close code 4001 ({@link ChatEndpoint#INVALID_TOKEN}), which a browser can read;
 * with a valid token it is a chat connection in Parley's own protocol, as
 * {@code /ws/chat} is (seed 003 defines no frames of its own for it).
 */
@WebSocket(path = QueryTokenAuthMechanism.REFUSE_AFTER_UPGRADE)
public class Seed003AuthSocket extends ChatEndpoint {

    Seed003AuthSocket(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller,
                      Draining draining, Guards guards) {
        super(sessions, dispatcher, codec, caller, draining, guards);
    }
}
