package dev.parley.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/**
 * POSTs a signed event to {@code parley.webhooks.url}, non-blocking. Any 2xx is a
 * delivery; any other status, a redirect included, a timeout or a connection
 * failure is a failed attempt. The response body is not read.
 */
@ApplicationScoped
class WebhookClient {

    /** A delivery (no error) or a failed attempt and why, in words for the dead-letter list. */
    record Outcome(String error) {
        static final Outcome DELIVERED = new Outcome(null);

        boolean delivered() {
            return error == null;
        }
    }

    private final Vertx vertx;
    private final WebhookConfig config;
    private volatile WebClient client;

    WebhookClient(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    Uni<Outcome> post(String eventId, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client().postAbs(config.url().orElseThrow())
                .timeout(config.requestTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(Signature.HEADER, Signature.of(config.secret().orElseThrow().getBytes(StandardCharsets.UTF_8), bytes))
                .putHeader("X-Parley-Event-Id", eventId)
                .putHeader("X-Parley-Event-Type", type)
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(bytes))
                .map(response -> response.statusCode() / 100 == 2 ? Outcome.DELIVERED
                        : new Outcome("HTTP " + response.statusCode()))
                .onFailure().recoverWithItem(failure -> new Outcome(failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
    }

    private WebClient client() {
        WebClient existing = client;
        if (existing == null) {
            synchronized (this) {
                if (client == null) {
                    client = WebClient.create(vertx, new WebClientOptions()
                            .setConnectTimeout((int) config.requestTimeout().toMillis())
                            .setFollowRedirects(false)
                            .setUserAgent("Parley-Webhooks/1")
                            .setMaxPoolSize(Math.max(config.batchSize(), 1)));
                }
                existing = client;
            }
        }
        return existing;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
