package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.protocol.FrameCodec;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.WebSocket;

/** {@code /ws/chat?token=JWT}: the main endpoint. */
@WebSocket(path = "/ws/chat")
@Authenticated
public class ChatSocket extends ChatEndpoint {

    ChatSocket(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller,
            Draining draining, Guards guards) {
        super(sessions, dispatcher, codec, caller, draining, guards);
    }
}
