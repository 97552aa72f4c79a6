package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.protocol.FrameCodec;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.WebSocket;

/** {@code /ws?token=JWT}: the same protocol at the path seed 001's clients use. */
@WebSocket(path = "/ws")
@Authenticated
public class LegacyChatSocket extends ChatEndpoint {

    LegacyChatSocket(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller,
            Draining draining, Guards guards) {
        super(sessions, dispatcher, codec, caller, draining, guards);
    }
}
