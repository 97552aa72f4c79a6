package dev.parley.metrics;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * One JSON object per log line in production, for log collectors. The
 * quarkus-logging-json extension would do this, but its 3.34.2 build artifact is
 * missing from the Maven mirror Parley is built from, so a small formatter is set
 * on the console handler here, at start-up (the lines logged before it stay
 * plain text).
 */
@ApplicationScoped
public class JsonLogs {

    void start(@Observes StartupEvent event, @ConfigProperty(name = "parley.log.json", defaultValue = "true") boolean json) {
        if (!json) {
            return;
        }
        JsonLogFormatter formatter = new JsonLogFormatter();
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            useJson(handler, formatter);
        }
        Log.info("Logging as JSON lines (parley.log.json=true)");
    }

    private static void useJson(Handler handler, JsonLogFormatter formatter) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(formatter);
        } else if (handler instanceof ExtHandler wrapper) {
            for (Handler nested : wrapper.getHandlers()) {
                useJson(nested, formatter);
            }
        }
    }
}
