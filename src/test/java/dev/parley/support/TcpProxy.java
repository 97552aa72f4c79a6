package dev.parley.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a free 127.0.0.1 port in front of a server the test does not own,
 * such as the machine's PostgreSQL. {@link #cut()} breaks every connection through
 * it and refuses new ones, which to the service behind looks like the server going
 * away, while the server itself, and everyone else using it, is left alone.
 * {@link #restore()} lets connections through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** Starts listening and forwarding to {@code targetHost:targetPort}. */
    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for a proxy to " + targetHost + ":" + targetPort, e);
        }
        threads.execute(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Closes every connection through the proxy, on both sides, and closes new ones
     * as soon as they are accepted. The port stays taken, so clients fail at once
     * instead of reaching something else.
     */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
    }

    /** Forwards new connections again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        Socket server = null;
        open.add(client);
        try {
            if (!cut) {
                server = new Socket(targetHost, targetPort);
                open.add(server);
            }
        } catch (IOException unreachable) {
            // the client sees its connection closed, as it would see a refused one
        }
        // Checked after registering, so a concurrent cut() either closes these sockets or is seen here.
        if (server == null || cut) {
            release(client, server);
            return;
        }
        Socket upstream = server;
        threads.execute(() -> pump(upstream, client));
        pump(client, upstream);
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // a cut, or either side went away
        } finally {
            release(from, to);
        }
    }

    private void release(Socket... sockets) {
        for (Socket socket : sockets) {
            if (socket != null) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }
}
