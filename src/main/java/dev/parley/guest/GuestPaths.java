package dev.parley.guest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends seed 002's {@code /ws/{room}/{username}} to its endpoint at
 * {@value #SEED_002_ENDPOINT}, before any route matches. Vert.x gives a request to
 * the first registered route that matches, and {@code /ws/{room}/{username}} would
 * match {@code /ws/rooms/x} and {@code /ws/chat/x} too: Parley's own paths keep
 * them ({@code rooms} and {@code chat} are not seed 002 room names here).
 */
@ApplicationScoped
public class GuestPaths {

    static final String SEED_002_ENDPOINT = "/ws/guests/{room}/{username}";

    private static final Pattern SEED_002 = Pattern.compile("/ws/([^/]+)/([^/]+)");
    private static final Set<String> PARLEY_SEGMENTS = Set.of("rooms", "chat");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            Matcher path = SEED_002.matcher(context.request().path());
            if (path.matches() && !PARLEY_SEGMENTS.contains(path.group(1))) {
                String query = context.request().query();
                context.reroute("/ws/guests/" + path.group(1) + "/" + path.group(2)
                        + (query == null ? "" : "?" + query));
            } else {
                context.next();
            }
        }, 100);
    }
}
