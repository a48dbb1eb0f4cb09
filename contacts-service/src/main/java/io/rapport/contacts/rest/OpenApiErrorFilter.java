package io.rapport.contacts.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.security.SecurityResponses;

/**
 * Adds to every operation the response every endpoint can give: 500 as problem details (with the
 * reference logged on the server; never a stack trace); describes the 401/403 of secured operations
 * as problem details. Also makes nullable references valid: the
 * generator writes {@code type: object} next to {@code anyOf: [$ref, {type: null}]}, which forbids
 * the null the anyOf allows (an erased contact's {@code owner}).
 */
public class OpenApiErrorFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        // 401/403 are added by Quarkus for @RolesAllowed, without a body: they are problem details too
        SecurityResponses.describe(operation);
        if (operation.getResponses() != null && operation.getResponses().getAPIResponse("500") == null) {
            Content content = OASFactory.createContent().addMediaType(ApiDocs.PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/ProblemDetail"))
                .addExample("internal", OASFactory.createExample().value(json(ApiDocs.INTERNAL_EXAMPLE))));
            APIResponse internal = OASFactory.createAPIResponse()
                .description("Unexpected failure; the detail carries a reference to the server log")
                .content(content);
            operation.getResponses().addAPIResponse("500", internal);
        }
        return operation;
    }

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

    private static Object json(String text) {
        try {
            return new ObjectMapper().readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
