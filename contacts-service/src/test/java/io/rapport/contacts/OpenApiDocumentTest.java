package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;

/** The OpenAPI document describes every endpoint, parameter and error response, with examples. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class OpenApiDocumentTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void everyOperationParameterAndErrorIsDescribedWithExamples() throws Exception {
        JsonNode doc = mapper.readTree(given().accept("application/json").get("/q/openapi?format=json")
            .then().statusCode(200).extract().asString());
        JsonNode paths = doc.get("paths");
        Map<String, Set<String>> expected = Map.of(
            "/api/v1/business-units", Set.of("get", "post"),
            "/api/v1/business-units/{id}", Set.of("get", "put", "delete"),
            "/api/v1/contacts", Set.of("get", "post"),
            "/api/v1/contacts/{id}", Set.of("get", "put", "delete"),
            "/api/v1/contacts/{id}/erasure", Set.of("post"),
            "/api/v1/contacts/import", Set.of("post"),
            "/api/v1/contacts/{contactId}/stakeholder-roles", Set.of("get", "post"),
            "/api/v1/contacts/{contactId}/stakeholder-roles/{roleId}", Set.of("get", "put", "delete"));
        List<String> problems = new ArrayList<>();
        expected.forEach((path, methods) -> {
            JsonNode item = paths.get(path);
            if (item == null) {
                problems.add("missing path " + path);
                return;
            }
            for (String method : methods) {
                JsonNode op = item.get(method);
                if (op == null) {
                    problems.add("missing " + method + " " + path);
                    continue;
                }
                String where = method.toUpperCase() + " " + path;
                if (!op.hasNonNull("summary")) {
                    problems.add(where + ": no summary");
                }
                for (JsonNode parameter : op.path("parameters")) {
                    if (!parameter.hasNonNull("description") || !parameter.has("example")) {
                        problems.add(where + ": parameter " + parameter.get("name") + " lacks description or example");
                    }
                }
                if (op.has("requestBody") && !hasExample(op.get("requestBody").get("content"))) {
                    problems.add(where + ": request body without example");
                }
                Iterator<Map.Entry<String, JsonNode>> responses = op.get("responses").fields();
                boolean anError = false;
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    int status = Integer.parseInt(response.getKey());
                    JsonNode content = response.getValue().get("content");
                    if (status >= 400) {
                        anError |= status < 500;
                        JsonNode problem = content == null ? null : content.get("application/problem+json");
                        if (problem == null || !problem.path("schema").path("$ref").asText().endsWith("/ProblemDetail")) {
                            problems.add(where + ": " + status + " is not a ProblemDetail as application/problem+json");
                        }
                    }
                    if (status != 204 && status != 304 && !hasExample(content)) {
                        problems.add(where + ": response " + status + " without example");
                    }
                }
                if (!anError || !op.get("responses").has("500") || !op.get("responses").has("503")) {
                    problems.add(where + ": error responses missing");
                }
            }
        });
        assertEquals(List.of(), problems);
        JsonNode schemas = doc.get("components").get("schemas");
        for (String schema : List.of("Contact", "ContactRequest", "BusinessUnit", "BusinessUnitRequest",
            "StakeholderRole", "StakeholderRoleRequest", "ImportReport", "ProblemDetail", "FieldError")) {
            assertTrue(schemas.has(schema), "schema " + schema);
            assertFalse(schemas.get(schema).path("properties").isEmpty(), "schema " + schema + " has properties");
        }
        assertTrue(doc.get("paths").get("/api/v1/contacts/import").get("post").get("description").asText()
            .contains("businessUnitCode"), "the CSV columns are documented");
    }

    private static boolean hasExample(JsonNode content) {
        if (content == null) {
            return false;
        }
        for (JsonNode media : content) {
            if (media.has("example") || media.has("examples")) {
                return true;
            }
        }
        return false;
    }
}
