package dev.parley.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A generator process for the idle scenario: one process may hold only about
 * 20,000 file descriptors here, so the bench spreads connections over several of
 * these. Talks to the bench over stdin and stdout, one word per line:
 * it prints {@code minted} once its tokens are signed, opens its connections on
 * {@code go} and prints {@code ready <count>}, answers {@code count} with
 * {@code open <n>}, and closes everything on {@code close}.
 *
 * <p>Arguments: port, connections, first source address (the x of 127.0.0.x),
 * source addresses, concurrent handshakes.
 */
public final class IdleAgent {

    private IdleAgent() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int firstAddress = Integer.parseInt(args[2]);
        int addresses = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        List<LoadClients.Opening> openings = new ArrayList<>(count);
        for (BenchUser user : BenchUser.fresh("idle", count)) {
            openings.add(user.chat(frame -> { }));
        }
        System.out.println("minted");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        try (LoadClients clients = new LoadClients(port, firstAddress, addresses, 1)) {
            List<BenchSocket> sockets = List.of();
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                switch (command) {
                    case "go" -> {
                        try {
                            sockets = clients.openAll(openings, concurrency);
                            System.out.println("ready " + sockets.size());
                        } catch (IllegalStateException e) {
                            System.out.println("failed " + e.getMessage());
                        }
                    }
                    case "count" -> System.out.println("open " + sockets.stream().filter(BenchSocket::isOpen).count());
                    case "close" -> {
                        sockets.forEach(BenchSocket::close);
                        return;
                    }
                    default -> System.out.println("unknown " + command);
                }
            }
        }
    }
}
