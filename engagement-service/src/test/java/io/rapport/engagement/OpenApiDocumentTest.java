package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;

/** The OpenAPI document lists every endpoint with its parameters, errors (problem details) and examples. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class OpenApiDocumentTest {

    @Inject
    ObjectMapper mapper;

    static final Map<String, List<String>> OPERATIONS = Map.of(
        "/api/v1/engagements", List.of("post", "get"),
        "/api/v1/engagements/{id}", List.of("get", "put", "delete"),
        "/api/v1/engagements/{id}/transitions", List.of("post"),
        "/api/v1/forums", List.of("post", "get"),
        "/api/v1/forums/{id}", List.of("get", "put"),
        "/api/v1/forums/{id}/occurrences", List.of("post"),
        "/api/v1/forums/{id}/attendance", List.of("get"));

    @Test
    void everyOperationDocumentsItsErrorsAsProblemDetails() throws Exception {
        JsonNode doc = mapper.readTree(given().accept("application/json").get("/q/openapi?format=json")
            .then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        OPERATIONS.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = doc.path("paths").path(path).path(method);
            if (operation.isMissingNode()) {
                missing.add(method + " " + path);
                return;
            }
            if (operation.path("summary").asText().isBlank()) {
                missing.add(method + " " + path + ": summary");
            }
            boolean documentsAnError = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                if (response.getKey().startsWith("4")) {
                    documentsAnError = true;
                    if (response.getValue().path("content").path("application/problem+json").isMissingNode()) {
                        missing.add(method + " " + path + ": " + response.getKey() + " as application/problem+json");
                    }
                }
            }
            if (!documentsAnError) {
                missing.add(method + " " + path + ": error responses");
            }
        }));
        assertTrue(missing.isEmpty(), "not documented: " + missing);

        JsonNode create = doc.path("paths").path("/api/v1/engagements").path("post");
        assertFalse(create.path("requestBody").path("content").path("application/json").path("examples").isEmpty(),
            "the create request has an example");
        assertFalse(create.path("responses").path("422").path("content").path("application/problem+json").path("examples")
            .isEmpty(), "the 422 has examples");
        List<String> parameters = new ArrayList<>();
        doc.path("paths").path("/api/v1/engagements").path("get").path("parameters")
            .forEach(p -> parameters.add(p.path("name").asText()));
        assertTrue(parameters.containsAll(List.of("type", "contactId", "businessUnitId", "from", "to", "status", "page",
            "size", "sort")), "list parameters: " + parameters);
        JsonNode engagement = doc.path("components").path("schemas").path("Engagement");
        assertNotNull(engagement.path("properties").get("participants"));
        assertFalse(doc.path("components").path("schemas").path("EngagementType").path("enum").isEmpty());
    }
}
