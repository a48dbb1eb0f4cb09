package io.rapport.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The merged OpenAPI document as the gateway serves it ({@code GET /openapi}), its operations, and a
 * swagger-request-validator over it (through {@link OpenApi30View}) that checks a request or a response: status
 * declared, content type, body schema, required parameters and headers.
 */
final class ApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** One operation: its method, path template, path parameters, query parameters, body and declared statuses. */
    record Operation(String method, String template, JsonNode node, List<String> pathParams, List<String> queryParams,
                     List<String> headerParams, boolean hasBody, Set<String> statuses) {

        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }

        boolean declares(int status) {
            return statuses.contains(Integer.toString(status));
        }

        String requiredRole() {
            return node.path("x-required-role").asText();
        }

        /** The body's JSON schema node (resolved from components), or null. */
        JsonNode bodySchema(JsonNode document) {
            JsonNode schema = node.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? null : ApiDocument.resolve(document, schema);
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final OpenApiInteractionValidator validator;

    ApiDocument(String json) {
        try {
            document = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET /openapi is not JSON", e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations.add(operation(method, path.getKey(), path.getValue(), op));
                }
            }
        }
        String view = OpenApi30View.of(document).toString();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(view)
            .withLevelResolver(LevelResolver.create()
                // the gateway's own headers (X-Request-Id, CORS, …) are not part of each operation
                .withLevel("validation.response.header.unexpected", ValidationReport.Level.IGNORE)
                .build())
            .build();
    }

    private Operation operation(String method, String template, JsonNode item, JsonNode op) {
        List<String> path = new ArrayList<>();
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode param = resolve(document, p);
            switch (param.path("in").asText()) {
                case "path" -> path.add(param.path("name").asText());
                case "query" -> query.add(param.path("name").asText());
                case "header" -> headers.add(param.path("name").asText());
                default -> { }
            }
        }
        Set<String> statuses = new TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        return new Operation(method, template, op, path, query, headers, op.has("requestBody"), statuses);
    }

    JsonNode document() {
        return document;
    }

    List<Operation> operations() {
        return operations;
    }

    /** A local {@code $ref} followed (once per level), or the node itself. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    /** What the document says is wrong with this response to {@code call}; empty when it conforms. */
    List<String> checkResponse(ApiCall call, ApiCall.Result result) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(result.status());
        if (result.contentType() != null) {
            response.withContentType(result.contentType());
        }
        result.headers().forEach((name, value) -> {
            if (!name.equals("content-type")) {
                response.withHeader(name, value);
            }
        });
        if (!result.body().isEmpty()) {
            response.withBody(result.body());
        }
        return messages(validator.validateResponse(call.path(), Request.Method.valueOf(call.method()), response.build()));
    }

    /** What the document says is wrong with this (meant to be valid) request; empty when it conforms. */
    List<String> checkRequest(ApiCall call) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), call.path());
        call.query().forEach(q -> request.withQueryParam(q.getKey(), q.getValue()));
        call.headers().forEach(request::withHeader);
        if (call.body() != null) {
            request.withBody(call.body());
        }
        return messages(validator.validateRequest(request.build()));
    }

    private static List<String> messages(ValidationReport report) {
        List<String> out = new ArrayList<>();
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .forEach(m -> out.add(m.getKey() + ": " + m.getMessage()));
        return out;
    }
}
