package dev.parley.api;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * Cross-origin access to the REST API ({@code parley.cors.*}), for a front end
 * served from another origin. The WebSocket handshake needs none: browsers do
 * not preflight it, and its token is not a cookie.
 */
@ConfigMapping(prefix = "parley.cors")
public interface CorsConfig {

    /**
     * Origins whose pages may call the REST API, e.g.
     * {@code http://localhost:3000,https://app.example.com}. None by default: only
     * pages served by Parley itself (same origin). Fed to Quarkus' CORS filter
     * ({@code quarkus.http.cors.origins}).
     */
    Optional<List<String>> origins();
}
