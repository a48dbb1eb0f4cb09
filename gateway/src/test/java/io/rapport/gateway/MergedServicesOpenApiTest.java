package io.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Merges the OpenAPI documents the three real services wrote at build time
 * ({@code quarkus.smallrye-openapi.store-schema-directory}) exactly as {@code GET /openapi} does,
 * checks the contract's paths are there, and writes {@code target/openapi-merged.json}, which the
 * {@code verify} phase lints with Spectral and turns into TypeScript ({@code deploy/api-contract}).
 * The root build builds the services before the gateway, so their documents exist.
 */
class MergedServicesOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SERVICES = Map.of(
        "contacts", "contacts-service", "engagement", "engagement-service", "analytics", "analytics-service");

    @Test
    void mergesTheRealServicesDocumentsForTheFrontendTeam() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String name : List.of("contacts", "engagement", "analytics")) {
            Path stored = Path.of("..", SERVICES.get(name), "target", "openapi", "openapi.json");
            assertTrue(Files.exists(stored), stored + " is missing: build the services first (./mvnw install from the root)");
            documents.put(name, JSON.readTree(stored.toFile()));
        }
        JsonNode merged = OpenApiMerger.merge(documents, List.of(), "http://127.0.0.1:8080", "1.0.0");

        JsonNode paths = merged.path("paths");
        for (String path : List.of("/api/v1/business-units", "/api/v1/business-units/{id}", "/api/v1/contacts",
            "/api/v1/contacts/{id}", "/api/v1/contacts/{id}/erasure", "/api/v1/contacts/{contactId}/stakeholder-roles",
            "/api/v1/contacts/{contactId}/stakeholder-roles/{roleId}", "/api/v1/contacts/import",
            "/api/v1/engagements", "/api/v1/engagements/{id}", "/api/v1/engagements/{id}/transitions",
            "/api/v1/forums", "/api/v1/forums/{id}", "/api/v1/forums/{id}/occurrences", "/api/v1/forums/{id}/attendance",
            "/api/v1/relationships", "/api/v1/relationships/{contactId}", "/api/v1/coverage",
            "/api/v1/insights/going-cold", "/api/v1/insights/expiring-stakeholders", "/api/v1/reports/value",
            "/api/v1/network")) {
            assertTrue(paths.has(path), "merged document lacks " + path);
        }
        assertTrue(merged.path("components").path("securitySchemes").has(OpenApiMerger.SECURITY_SCHEME));

        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : OpenApiMerger.METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                assertTrue(op.hasNonNull("x-required-role"), method + " " + path.getKey() + " names no role");
                assertTrue(operationIds.add(op.path("operationId").asText()),
                    "duplicate operationId " + op.path("operationId").asText());
            }
        }
        assertEquals(operations, operationIds.size());

        Path out = Path.of("target", "openapi-merged.json");
        Files.createDirectories(out.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merged);
    }
}
