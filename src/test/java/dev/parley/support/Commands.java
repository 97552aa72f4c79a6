package dev.parley.support;

import java.io.IOException;
import java.util.List;

/** Runs a command of the machine (a server's control tool) and waits for it. */
final class Commands {

    private Commands() {
    }

    static int run(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
