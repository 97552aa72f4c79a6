package dev.parley.dialect.socketio;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One Engine.IO session: its current transport (long-polling until a WebSocket
 * takes over, or a WebSocket from the start), the packets waiting for the next
 * poll, the upgrade probe, and the server's pings. Polling requests, WebSocket
 * callbacks and timers reach it from different threads, so its state is guarded
 * by its monitor; writes only queue work on Vert.x, they never block.
 */
final class EngineSession {

    /** What the session carries: Socket.IO packets in, and its end. */
    interface Listener {
        Uni<Void> message(String data);

        void closed(String reason);
    }

    private record Outgoing(String packet, CompletableFuture<Void> written) {
    }

    /** Socket.IO packets received and not handled yet; a peer that keeps more waiting is closed. */
    static final int INBOX_LIMIT = 256;

    private final String sid;
    private final Vertx vertx;
    private final SocketIoConfig config;
    private final Consumer<EngineSession> forget;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final ArrayDeque<String> inbox = new ArrayDeque<>();
    private boolean handling;
    private Listener listener;
    private WebSocketConnection socket;
    private WebSocketConnection probe;
    private HttpServerResponse poll;
    private boolean closed;
    private long pingTimer = -1;
    private long timeoutTimer = -1;
    private boolean awaitingPong;
    private Runnable abort = () -> { };

    EngineSession(String sid, WebSocketConnection socket, Vertx vertx, SocketIoConfig config,
                  Consumer<EngineSession> forget) {
        this.sid = sid;
        this.socket = socket;
        this.vertx = vertx;
        this.config = config;
        this.forget = forget;
    }

    String sid() {
        return sid;
    }

    /** How to drop the WebSocket's TCP connection at once, when a close cannot get through. */
    synchronized void abortWith(Runnable abort) {
        this.abort = abort;
    }

    /** Ends the session and drops its WebSocket's TCP connection without waiting for the peer. */
    void abort() {
        Runnable drop;
        synchronized (this) {
            drop = abort;
        }
        close("aborted");
        drop.run();
    }

    synchronized void listen(Listener listener) {
        this.listener = listener;
    }

    /**
     * Writes on the WebSocket, or queues for the next poll, at once and in the
     * order of the calls (whether or not the Uni is subscribed); completes once written.
     */
    synchronized Uni<Void> send(EnginePacket packet) {
        if (closed) {
            return Uni.createFrom().voidItem();
        }
        Outgoing outgoing = new Outgoing(packet.encode(), new CompletableFuture<>());
        if (socket != null) {
            write(socket, outgoing);
        } else {
            queue.add(outgoing);
            flush();
        }
        return Uni.createFrom().completionStage(outgoing.written());
    }

    private static void write(WebSocketConnection socket, Outgoing outgoing) {
        socket.sendText(outgoing.packet()).subscribe().with(
                ok -> outgoing.written().complete(null), outgoing.written()::completeExceptionally);
    }

    /** A long-polling GET: answered at once with what waits, else held until something does. */
    synchronized void poll(HttpServerResponse response) {
        if (closed) {
            PollingTransport.reply(response, new EnginePacket.Close().encode());
            return;
        }
        if (socket != null || poll != null) {
            String reason = socket != null ? "poll after upgrade" : "overlapping poll";
            PollingTransport.fail(response, 3, reason);
            vertx.runOnContext(ignored -> close(reason));
            return;
        }
        poll = response;
        response.closeHandler(ignored -> dropPoll(response));
        flush();
    }

    /**
     * A packet from the client, whichever transport carried it. Socket.IO packets
     * are handled one after another, in order, but apart from the transport: a
     * poll's POST is answered at once (the client sends nothing else, not even a
     * pong, until it is, and pauses it for an upgrade), and a pong is never stuck
     * behind a slow event.
     */
    void receive(EnginePacket packet) {
        switch (packet) {
            case EnginePacket.Message message -> enqueue(message.data());
            case EnginePacket.Pong ignored -> ponged();
            case EnginePacket.Close ignored -> close("client close");
            default -> { } // ping, noop, a stray upgrade: nothing to do
        }
    }

    private void enqueue(String data) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (inbox.size() < INBOX_LIMIT) {
                inbox.add(data);
                if (handling) {
                    return;
                }
                handling = true;
            } else {
                data = null;
            }
        }
        if (data == null) {
            close("too many packets waiting");
            return;
        }
        handleNext();
    }

    private void handleNext() {
        String next;
        synchronized (this) {
            next = closed ? null : inbox.poll();
            if (next == null) {
                handling = false;
                return;
            }
        }
        Listener heard = listener();
        Uni.createFrom().deferred(() -> heard.message(next)).subscribe().with(ok -> handleNext(), failure -> {
            Log.debugf("Engine.IO session %s: %s", sid, failure.getMessage());
            close("protocol error");
        });
    }

    /** Packets on a WebSocket that probes for the upgrade: {@code 2probe}, then {@code 5}. */
    Uni<Void> probe(WebSocketConnection candidate, EnginePacket packet) {
        synchronized (this) {
            if (closed || socket != null) {
                throw new EngineProtocolException("Nothing to upgrade");
            }
            if (packet instanceof EnginePacket.Ping ping && "probe".equals(ping.data())) {
                probe = candidate;
                endPoll(new EnginePacket.Noop()); // the client pauses polling: let its pending GET return
                return candidate.sendText(new EnginePacket.Pong("probe").encode());
            }
            if (!(packet instanceof EnginePacket.Upgrade) || probe != candidate) {
                throw new EngineProtocolException("Expected 2probe, then 5");
            }
            socket = candidate;
            probe = null;
            endPoll(new EnginePacket.Noop());
            List<Outgoing> waiting = new ArrayList<>(queue);
            queue.clear();
            waiting.forEach(outgoing -> write(socket, outgoing));
            Log.debugf("Engine.IO session %s upgraded to WebSocket", sid);
            return Uni.createFrom().voidItem();
        }
    }

    /** Still on long-polling (not upgraded, not opened on a WebSocket). */
    synchronized boolean polling() {
        return socket == null;
    }

    synchronized boolean carries(WebSocketConnection connection) {
        return socket == connection;
    }

    /** A WebSocket of this session closed: the session ends with its transport, a failed probe does not. */
    void closed(WebSocketConnection connection) {
        synchronized (this) {
            if (probe == connection) {
                probe = null;
                return;
            }
        }
        if (carries(connection)) {
            close("transport close");
        }
    }

    /** Server pings, each answered within {@code pingTimeout}, else the session closes. */
    synchronized void schedulePing() {
        if (!closed) {
            pingTimer = vertx.setTimer(config.pingInterval().toMillis(), ignored -> ping());
        }
    }

    private void ping() {
        synchronized (this) {
            if (closed) {
                return;
            }
            awaitingPong = true;
            timeoutTimer = vertx.setTimer(config.pingTimeout().toMillis(), ignored -> close("ping timeout"));
        }
        send(new EnginePacket.Ping("")).subscribe().with(ok -> { }, failure -> close("transport error"));
    }

    /** Only a pong to our ping schedules the next one: unasked pongs change nothing. */
    private void ponged() {
        synchronized (this) {
            if (!awaitingPong) {
                return;
            }
            awaitingPong = false;
            vertx.cancelTimer(timeoutTimer);
        }
        schedulePing();
    }

    /** Ends the session once: its poll gets a close packet, its WebSocket closes, its listener hears. */
    void close(String reason) {
        WebSocketConnection open;
        List<Outgoing> dropped;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            vertx.cancelTimer(pingTimer);
            vertx.cancelTimer(timeoutTimer);
            endPoll(new EnginePacket.Close());
            dropped = new ArrayList<>(queue);
            queue.clear();
            open = socket;
        }
        Log.debugf("Engine.IO session %s closed: %s", sid, reason);
        dropped.forEach(outgoing -> outgoing.written().completeExceptionally(new IllegalStateException(reason)));
        forget.accept(this);
        if (open != null && !open.isClosed()) {
            open.close().subscribe().with(ok -> { }, failure -> { });
        }
        Listener heard = listener();
        if (heard != null) {
            heard.closed(reason);
        }
    }

    private synchronized Listener listener() {
        return listener;
    }

    private synchronized void dropPoll(HttpServerResponse response) {
        if (poll == response) {
            poll = null;
        }
    }

    /** Holding the monitor: everything queued goes out on the waiting poll. */
    private void flush() {
        if (poll == null || queue.isEmpty()) {
            return;
        }
        List<Outgoing> batch = new ArrayList<>(queue);
        queue.clear();
        HttpServerResponse response = poll;
        poll = null;
        PollingTransport.reply(response, EnginePacket.encodePayload(batch.stream().map(Outgoing::packet).toList()))
                .onComplete(result -> batch.forEach(outgoing -> {
                    if (result.succeeded()) {
                        outgoing.written().complete(null);
                    } else {
                        outgoing.written().completeExceptionally(result.cause());
                    }
                }));
    }

    /** Holding the monitor: answers a waiting poll with {@code packet} alone. */
    private void endPoll(EnginePacket packet) {
        if (poll != null) {
            PollingTransport.reply(poll, packet.encode());
            poll = null;
        }
    }
}
