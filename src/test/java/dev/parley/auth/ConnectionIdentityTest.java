package dev.parley.auth;

import dev.parley.support.TestUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketClientConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A connection's identity lives as long as the connection: it keeps the caller
 * and roles, not the token (docs/performance.md, idle heap). A REST request keeps
 * smallrye-jwt's own identity.
 */
@QuarkusTest
class ConnectionIdentityTest {

    /** Tells a test what the identity of its connection holds. */
    @WebSocket(path = "/test/identity")
    @Authenticated
    public static class IdentityProbe {

        @Inject
        SecurityIdentity identity;

        @OnOpen
        public String open() {
            return identity.getPrincipal().getClass().getSimpleName() + " " + identity.getPrincipal().getName()
                    + " credentials=" + identity.getCredentials().size()
                    + " attributes=" + identity.getAttributes().keySet()
                    + " roles=" + identity.getRoles();
        }
    }

    @TestHTTPResource("/")
    URI base;

    final TestUser user = TestUser.fresh("slim");

    @Test
    void aConnectionKeepsTheCallerNotTheToken() throws Exception {
        String expected = "CallerPrincipal " + user.username() + " credentials=0 attributes=[] roles=[student]";
        assertEquals(expected, probe(BasicWebSocketConnector.create().baseUri(base)
                .path("/test/identity?token=" + user.token())));
        assertEquals(expected, probe(BasicWebSocketConnector.create().baseUri(base).path("/test/identity")
                .addHeader("Authorization", "Bearer " + user.token())));
    }

    @Test
    void aRestRequestStillKnowsItsCaller() {
        given().auth().oauth2(user.token()).get("/api/v1/users/me")
                .then().statusCode(200).body("id", equalTo(user.id()));
    }

    private static String probe(BasicWebSocketConnector connector) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocketClientConnection connection = connector.onTextMessage((c, text) -> first.complete(text))
                .connectAndAwait();
        try {
            return first.get(10, TimeUnit.SECONDS);
        } finally {
            connection.closeAndAwait();
        }
    }
}
