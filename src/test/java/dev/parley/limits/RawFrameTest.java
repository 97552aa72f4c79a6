package dev.parley.limits;

import dev.parley.support.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What no well-behaved client library can send: text frames that are not UTF-8,
 * written byte by byte on a raw socket. Vert.x decodes invalid bytes as U+FFFD,
 * so such a frame is answered like any other bad frame, and the connection stays
 * usable.
 */
@QuarkusTest
class RawFrameTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void textFramesThatAreNotUtf8AreAnsweredAndTheConnectionStaysUsable() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET /ws/chat?token=" + TestUser.fresh("raw").token() + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = readHeaders(in);
            assertEquals("HTTP/1.1 101 Switching Protocols", status);

            DataInputStream frames = new DataInputStream(in);
            assertTrue(nextText(frames).contains("\"connected\""));
            out.write(maskedTextFrame(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
            assertTrue(nextText(frames).contains("\"invalid_json\""));
            out.write(maskedTextFrame(new byte[]{'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', 'p', 'i', 'n', 'g', '"', ',',
                    '"', 'x', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}));
            assertTrue(nextText(frames).contains("\"pong\""), "invalid bytes inside a string do not break a frame");
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString().lines().findFirst().orElse("");
    }

    /** Clients must mask their frames (RFC 6455, 5.3). */
    private static byte[] maskedTextFrame(byte[] payload) {
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81; // FIN + text
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** The next text frame the server sends (pings and other control frames skipped). */
    private static String nextText(DataInputStream in) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            int length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = (int) in.readLong();
            }
            byte[] payload = in.readNBytes(length);
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            assertTrue(opcode != 0x8, "the server closed the connection");
        }
    }
}
