package dev.parley.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket handshake written by hand, to read a refusal whole: the JDK's
 * WebSocket client reports only the status of a refused upgrade, not its body.
 */
final class Handshake {

    private Handshake() {
    }

    /** The raw HTTP answer (status line, headers, body) to an upgrade request for {@code pathAndQuery}. */
    static String raw(URI base, String pathAndQuery) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (answer.indexOf("}") > 0 || answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("content-length: 0") > 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
