package dev.parley.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Counts this machine's TCP connections from the kernel's own tables
 * ({@code /proc/net/tcp}, {@code tcp6}; Linux), to prove that a server really
 * dropped one, which a client that does not read can never notice.
 */
public final class TcpSockets {

    private static final String ESTABLISHED = "01";

    private TcpSockets() {
    }

    /** Established connections whose local port is {@code port} (the server's side of them). */
    public static long established(int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        return List.of("/proc/net/tcp", "/proc/net/tcp6").stream().mapToLong(table -> {
            try {
                return Files.readAllLines(Path.of(table)).stream().skip(1).map(String::trim)
                        .map(line -> line.split("\\s+"))
                        .filter(fields -> fields[1].endsWith(hexPort) && fields[3].equals(ESTABLISHED))
                        .count();
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }
}
