package dev.parley.dialect;

import dev.parley.auth.CurrentCaller;
import dev.parley.gateway.ChatEndpoint;
import dev.parley.gateway.Draining;
import dev.parley.gateway.FrameDispatcher;
import dev.parley.gateway.Guards;
import dev.parley.gateway.Sessions;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.WebSocket;

/**
 * {@code /ws?token=JWT}: seed 001's path, in seed 001's {@link Seed001Dialect}.
 * The same chats, commands and delivery as {@code /ws/chat}; only the frames'
 * shapes differ, so users on either path talk to each other unawares.
 */
@WebSocket(path = "/ws")
@Authenticated
public class Seed001Socket extends ChatEndpoint {

    Seed001Socket(Sessions sessions, FrameDispatcher dispatcher, Seed001Dialect dialect, CurrentCaller caller,
                  Draining draining, Guards guards) {
        super(sessions, dispatcher, dialect, caller, draining, guards);
    }
}
