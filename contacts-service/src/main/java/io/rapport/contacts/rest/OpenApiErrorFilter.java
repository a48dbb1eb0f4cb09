package io.rapport.contacts.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adds to every operation the response every endpoint can give: 500 as problem details (with the
 * reference logged on the server; never a stack trace).
 */
public class OpenApiErrorFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
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

    private static Object json(String text) {
        try {
            return new ObjectMapper().readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
