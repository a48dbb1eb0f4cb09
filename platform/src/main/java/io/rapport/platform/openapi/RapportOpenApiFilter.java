package io.rapport.platform.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.security.SecurityResponses;

/**
 * Makes a service's OpenAPI document say exactly what the platform does for every operation, so that clients
 * generated from it are right (use it as the service's {@code mp.openapi.filter}):
 * <ul>
 *   <li>401/403 as problem details ({@link SecurityResponses}); 500 problem details on every operation, and 503 (with
 *       {@code Retry-After}) when the service's database cannot be reached;</li>
 *   <li>400 problem details on every operation with parameters (a parameter of the wrong type or out of range is
 *       a 400 naming it: {@code ProblemExceptionMapper}); 406 on every operation, 415 on every one with a body;</li>
 *   <li>a GET whose 200 carries an {@code ETag}: the optional {@code If-None-Match} header and the 304 that
 *       {@code ConditionalGetFilter} answers;</li>
 *   <li>an operation taking {@code Idempotency-Key}: the {@code Idempotent-Replayed} header of its success
 *       responses;</li>
 *   <li>a schema that only responses use and that lists no required properties: every property required (the
 *       services' JSON always writes every field, {@code null} included), so a client never types a field as
 *       optional that is always there;</li>
 *   <li>a nullable reference: the generator writes {@code type: object} next to
 *       {@code anyOf: [$ref, {type: null}]}, which forbids the null the anyOf allows: the type goes.</li>
 * </ul>
 */
public class RapportOpenApiFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        boolean allowsNull = anyOf != null && anyOf.stream()
            .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL));
        if (allowsNull && List.of(Schema.SchemaType.OBJECT).equals(schema.getType())) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                describe(op.getKey(), path.getValue(), op.getValue());
            }
        }
        requireResponseProperties(openAPI);
    }

    private static void describe(PathItem.HttpMethod method, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        SecurityResponses.describe(operation);
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (!parameters.isEmpty() && responses.getAPIResponse("400") == null) {
            responses.addAPIResponse("400", problem("A parameter is invalid: wrong type, format or range (each named)",
                400, "Validation failed", "validation", "1 parameter is invalid",
                List.of(Map.of("field", "page", "message", "must be an integer from -2147483648 to 2147483647"))));
        }
        if (responses.getAPIResponse("406") == null) {
            responses.addAPIResponse("406", problem("The Accept header names no media type this operation answers with",
                406, "Not Acceptable", "http-406", "Not Acceptable", null));
        }
        if (operation.getRequestBody() != null && responses.getAPIResponse("415") == null) {
            responses.addAPIResponse("415", problem("The body's Content-Type is not one this operation takes", 415,
                "Unsupported Media Type", "http-415", "Unsupported Media Type", null));
        }
        if (responses.getAPIResponse("500") == null) {
            responses.addAPIResponse("500", problem("Unexpected failure; the detail carries a reference to the server log",
                500, "Internal error", "internal",
                "an unexpected error occurred; reference 3f2a9c1e-0d4b-4a7e-8c6f-1b2d3e4f5a6b", null));
        }
        if (responses.getAPIResponse("503") == null) {
            responses.addAPIResponse("503", problem("The service's database cannot be reached right now; retry after the "
                + "Retry-After seconds", 503, "Service unavailable", "unavailable",
                "the service's database cannot be reached right now; retry later", null)
                .addHeader("Retry-After", header("Seconds to wait before retrying")));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (method == PathItem.HttpMethod.GET && ok != null && ok.getHeaders() != null && ok.getHeaders().containsKey("ETag")) {
            if (parameters.stream().noneMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()))) {
                operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("The ETag you hold (e.g. \"3\"): while it is still the current version the answer is "
                        + "304 without a body")
                    .example("\"3\"").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if (responses.getAPIResponse("304") == null) {
                responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current version; no body")
                    .addHeader("ETag", header("The current version")));
            }
        }
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (idempotent && responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                if (r.getKey().startsWith("2") && (r.getValue().getHeaders() == null
                    || !r.getValue().getHeaders().containsKey("Idempotent-Replayed"))) {
                    r.getValue().addHeader("Idempotent-Replayed", OASFactory.createHeader()
                        .description("true when this is the stored answer to an earlier request with the same "
                            + "Idempotency-Key (nothing was created again); absent otherwise")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
                }
            }
        }
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static APIResponse problem(String description, int status, String title, String slug, String detail,
        List<Map<String, String>> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemDetail.TYPE_BASE + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/v1/...");
        if (errors != null) {
            example.put("errors", errors);
        }
        Content content = OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE, OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref(PROBLEM_REF))
            .addExample(slug, OASFactory.createExample().value(example)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** Component schemas reachable from responses and not from request bodies get every property required. */
    private static void requireResponseProperties(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inResponses = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null) {
                    reach(op.getRequestBody().getContent(), components, inRequests);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                        reach(r.getContent(), components, inResponses);
                    }
                }
            }
        }
        inResponses.removeAll(inRequests);
        for (String name : inResponses) {
            Schema schema = components.get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()
                && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void reach(Content content, Map<String, Schema> components, Set<String> names) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            reach(media.getSchema(), components, names);
        }
    }

    private static void reach(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_PREFIX)) {
            String name = schema.getRef().substring(SCHEMA_PREFIX.length());
            if (names.add(name)) {
                reach(components.get(name), components, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> reach(s, components, names));
        }
        reach(schema.getItems(), components, names);
        reach(schema.getAdditionalPropertiesSchema(), components, names);
        for (List<Schema> list : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> reach(s, components, names));
            }
        }
    }
}
