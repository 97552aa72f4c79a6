package dev.parley.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The page at / and its modules are served, and no script of it renders markup from strings. */
@QuarkusTest
class WebPageTest {

    @Test
    void thePageAndItsModulesAreServed() {
        given().get("/").then().statusCode(200).body(containsString("/js/app.js"));
        given().get("/js/app.js").then().statusCode(200).body(containsString("ParleyClient"));
        given().get("/js/parley-client.js").then().statusCode(200).body(containsString("export class ParleyClient"));
        given().get("/js/search.js").then().statusCode(200).body(containsString("export function mountSearch"));
        given().get("/css/parley.css").then().statusCode(200);
    }

    @Test
    void messageContentCanOnlyBeRenderedAsText() throws IOException {
        try (Stream<Path> scripts = Files.walk(Path.of("src/main/resources/META-INF/resources/js"))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                String code = Files.readString(script);
                for (String sink : new String[]{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"}) {
                    assertFalse(code.contains(sink), script + " uses " + sink);
                }
            }
        }
    }
}
