package dev.parley.gateway;

import dev.parley.auth.CurrentCaller;
import dev.parley.protocol.FrameCodec;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * {@code /ws/chat?token=JWT}: the chat protocol of docs/protocol.md. Decodes each
 * text frame and hands it to {@link FrameDispatcher}; the handshake needs a valid
 * access token (401 without one).
 */
@WebSocket(path = "/ws/chat")
@Authenticated
public class ChatSocket {

    private final Sessions sessions;
    private final FrameDispatcher dispatcher;
    private final FrameCodec codec;
    private final CurrentCaller caller;

    ChatSocket(Sessions sessions, FrameDispatcher dispatcher, FrameCodec codec, CurrentCaller caller) {
        this.sessions = sessions;
        this.dispatcher = dispatcher;
        this.codec = codec;
        this.caller = caller;
    }

    @OnOpen
    public Uni<String> open(WebSocketConnection connection) {
        return sessions.open(connection, caller.get()).map(codec::encode);
    }

    /**
     * Replies go back on this connection; events for anyone else go through the
     * broker. websockets-next handles a connection's next frame only once this
     * Uni completes, so frames are carried out, and answered, in the order sent.
     */
    @OnTextMessage
    public Uni<Void> receive(String text, WebSocketConnection connection) {
        return dispatcher.dispatch(text, connection)
                .chain(reply -> reply == null ? Uni.createFrom().voidItem() : connection.sendText(codec.encode(reply)));
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        return sessions.close(connection);
    }
}
