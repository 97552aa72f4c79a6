package dev.parley.cluster;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * The wire under one {@link Session}: how its frames get out and how it is
 * closed. Frames reach it as text already in the session's
 * {@code protocol.Dialect}; a link only carries them (a websockets-next
 * connection, or a transport of its own such as Engine.IO's).
 */
public interface Link {

    /** Unique per connection, stable for its life (a {@code skip} in an envelope names it). */
    String id();

    /** Writes one frame; completes once it is written (a delivery receipt follows that). */
    Uni<Void> send(String frame);

    /** Closes the connection for {@code reason}. */
    Uni<Void> close(CloseReason reason);

    /** A websockets-next connection. */
    static Link of(WebSocketConnection connection) {
        return new WebSocketLink(connection);
    }

    /** Frames written as they are, on the connection. */
    record WebSocketLink(WebSocketConnection connection) implements Link {
        @Override
        public String id() {
            return connection.id();
        }

        @Override
        public Uni<Void> send(String frame) {
            return connection.sendText(frame);
        }

        @Override
        public Uni<Void> close(CloseReason reason) {
            return connection.close(reason);
        }
    }
}
