package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class OpenApiTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void mergedDocumentOfTheThreeServices() throws Exception {
        String body = given().get("/openapi").then().statusCode(200).contentType("application/json")
            .extract().asString();
        JsonNode doc = new ObjectMapper().readTree(body);
        // kept for linting (spectral) of what the merge produces
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-merged-from-fakes.json"), body);

        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals("Rapport API", doc.path("info").path("title").asText());
        assertEquals("http://localhost:" + base.getPort(), doc.path("servers").path(0).path("url").asText());

        JsonNode paths = doc.path("paths");
        assertTrue(paths.has("/api/v1/contacts"));
        assertTrue(paths.has("/api/v1/contacts/{id}/erasure"));
        assertTrue(paths.has("/api/v1/engagements"));
        assertTrue(paths.has("/api/v1/forums/{id}/occurrences"));
        assertTrue(paths.has("/api/v1/admin/rebuild"));
        assertTrue(paths.has("/api/v1/coverage"));
        assertFalse(paths.has("/internal/debug"), "a path the gateway does not route must not be published");

        // a clashing, different schema gets the service prefix and the references follow it
        JsonNode schemas = doc.path("components").path("schemas");
        assertTrue(schemas.path("Problem").path("properties").has("title"));
        assertTrue(schemas.path("EngagementProblem").path("properties").has("detail"));
        assertEquals("#/components/schemas/EngagementProblem", paths.path("/api/v1/engagements").path("get")
            .path("responses").path("400").path("content").path("application/problem+json").path("schema")
            .path("$ref").asText());
        assertEquals("#/components/schemas/Problem", paths.path("/api/v1/contacts").path("post")
            .path("responses").path("400").path("content").path("application/problem+json").path("schema")
            .path("$ref").asText());
        // an identical one is shared
        assertTrue(schemas.has("PageMeta"));
        assertFalse(schemas.has("EngagementPageMeta"));

        // unique operationIds, every operation secured, a role each, every tag defined
        Set<String> ids = new HashSet<>();
        Set<String> definedTags = new HashSet<>();
        doc.path("tags").forEach(t -> definedTags.add(t.path("name").asText()));
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            JsonNode op = m.getValue();
            assertTrue(ids.add(op.path("operationId").asText()), "duplicate operationId " + op.path("operationId"));
            assertFalse(op.path("operationId").asText().isEmpty());
            assertEquals("bearerAuth", op.path("security").path(0).fieldNames().next());
            assertTrue(op.path("x-required-role").asText().startsWith("rapport-"));
            assertTrue(op.path("responses").has("401") && op.path("responses").has("403"));
            op.path("tags").forEach(t -> assertTrue(definedTags.contains(t.asText()), "undefined tag " + t));
        }));
        assertTrue(ids.contains("list") && ids.contains("engagementList"), ids.toString());

        assertEquals("rapport-admin", role(paths, "/api/v1/contacts/{id}/erasure", "post"));
        assertEquals("rapport-editor", role(paths, "/api/v1/contacts", "post"));
        assertEquals("rapport-viewer", role(paths, "/api/v1/contacts", "get"));
        assertEquals("rapport-editor", role(paths, "/api/v1/forums/{id}/occurrences", "post"));
        assertEquals("rapport-admin", role(paths, "/api/v1/admin/rebuild", "post"));
        assertEquals("rapport-viewer", role(paths, "/api/v1/coverage", "get"));

        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals("bearer", schemes.path("bearerAuth").path("scheme").asText());
        assertFalse(schemes.has("jwt"), "the services' own schemes are replaced by the gateway's");
        assertTrue(doc.path("components").path("responses").has("GatewayUnauthorized"));

        // nothing unused: a schema no routed path refers to (even through another unused one) is left out
        assertFalse(schemas.has("NeverUsed") || schemas.has("AlsoNeverUsed"), schemas.toString());
        assertTrue(doc.path("info").path("license").has("name"));
        // what the gateway itself can answer: 413 on operations with a body only, 414/431/503/504 on all
        JsonNode contactsPost = paths.path("/api/v1/contacts").path("post").path("responses");
        for (String status : new String[] {"414", "431", "503", "504"}) {
            assertEquals("#/components/responses/", contactsPost.path(status).path("$ref").asText().substring(0, 23), status);
        }
        assertFalse(paths.path("/api/v1/contacts").path("get").path("responses").has("413"));
    }

    private static String role(JsonNode paths, String path, String method) {
        return paths.path(path).path(method).path("x-required-role").asText();
    }

    @Test
    void swaggerUiServesTheMergedDocument() {
        given().get("/swagger-ui/").then().statusCode(200).body(containsString("/openapi"));
    }
}
