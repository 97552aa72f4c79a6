package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The generator's WebSocket clients, on Vert.x: one client per source address
 * (127.0.0.1, .2, ...), so one generator can hold more connections than one
 * address has ephemeral ports, used in turn.
 */
final class LoadClients implements AutoCloseable {

    private static final int MAX_MESSAGE = 16 * 1024 * 1024; // `connected` lists every online user

    private final Vertx vertx;
    private final List<WebSocketClient> clients = new ArrayList<>();
    private final int port;
    private final AtomicInteger turn = new AtomicInteger();

    /** Clients bound to 127.0.0.{@code firstAddress} and the {@code sourceAddresses - 1} after it. */
    LoadClients(int port, int firstAddress, int sourceAddresses, int eventLoops) {
        this.port = port;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        for (int i = firstAddress; i < firstAddress + sourceAddresses; i++) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress("127.0.0." + i)
                    .setMaxConnections(Integer.MAX_VALUE)
                    .setConnectTimeout(30_000)
                    .setMaxMessageSize(MAX_MESSAGE)
                    .setMaxFrameSize(MAX_MESSAGE)));
        }
    }

    Vertx vertx() {
        return vertx;
    }

    /** Opens {@code path} (with its token) and completes once the service sent {@code connected}. */
    Future<BenchSocket> open(Opening opening) {
        String path = opening.path();
        long userId = opening.userId();
        Consumer<String> onFrame = opening.onFrame();
        WebSocketClient client = clients.get(Math.floorMod(turn.getAndIncrement(), clients.size()));
        Promise<BenchSocket> connected = Promise.promise();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
        if (opening.authorization() != null) {
            options.addHeader("Authorization", opening.authorization());
        }
        client.connect(options)
                .onFailure(connected::tryFail)
                .onSuccess(socket -> {
                    BenchSocket bench = new BenchSocket(userId, socket, vertx.getOrCreateContext(), onFrame);
                    socket.textMessageHandler(frame -> {
                        if (!connected.future().isComplete() && Frames.isType(frame, "connected")) {
                            connected.tryComplete(bench);
                        } else {
                            bench.received(frame);
                        }
                    });
                    socket.closeHandler(ignored -> connected.tryFail("closed before connected: " + socket.closeStatusCode()));
                });
        return connected.future();
    }

    /**
     * Opens every socket, at most {@code concurrency} handshakes at a time, and
     * waits for all. Fails when any does not connect within a minute.
     */
    List<BenchSocket> openAll(List<Opening> openings, int concurrency) {
        return openAll(openings, concurrency, socket -> { });
    }

    /** The same, calling {@code onConnected} on each socket's event loop as soon as it is connected. */
    List<BenchSocket> openAll(List<Opening> openings, int concurrency, Consumer<BenchSocket> onConnected) {
        Semaphore window = new Semaphore(concurrency);
        List<Future<BenchSocket>> opened = new ArrayList<>(openings.size());
        for (Opening opening : openings) {
            window.acquireUninterruptibly();
            opened.add(open(opening)
                    .onSuccess(onConnected::accept)
                    .onComplete(ignored -> window.release()));
        }
        try {
            Future.all(opened).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            long failed = opened.stream().filter(Future::failed).count();
            throw new IllegalStateException(failed + " of " + openings.size() + " connections failed: "
                    + opened.stream().filter(Future::failed).findFirst().map(f -> f.cause().getMessage()).orElse(""), e);
        }
        return opened.stream().map(Future::result).toList();
    }

    /** A connection to open: the path (with the token, or the token in {@code authorization}), the user, its frames' handler. */
    record Opening(String path, String authorization, long userId, Consumer<String> onFrame) {
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
