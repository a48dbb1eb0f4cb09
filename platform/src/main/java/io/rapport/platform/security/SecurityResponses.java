package io.rapport.platform.security;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.rapport.platform.problem.ProblemDetail;

/**
 * Quarkus adds 401 and 403 responses, without a body, to every {@code @RolesAllowed} operation of
 * the OpenAPI document. This describes them as what they are: problem details, with an example.
 * Use it as the service's {@code mp.openapi.filter}, or call {@link #describe} from the service's own filter.
 */
public class SecurityResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        describe(operation);
        return operation;
    }

    public static void describe(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        fill(operation.getResponses().getAPIResponse("401"), 401, "Unauthorized",
            "No valid bearer token (missing, malformed, badly signed, another issuer, expired)",
            "a bearer token is required");
        fill(operation.getResponses().getAPIResponse("403"), 403, "Forbidden",
            "The token's roles (groups claim) do not allow this operation",
            "the token's roles do not allow this operation");
    }

    private static void fill(APIResponse response, int status, String title, String description, String detail) {
        if (response == null) {
            return;
        }
        Map<String, Object> example = Map.of("type", ProblemDetail.TYPE_BASE + title.toLowerCase(),
            "title", title, "status", status, "detail", detail, "instance", "/api/v1/...");
        response.description(description).content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/ProblemDetail"))
                .addExample(title.toLowerCase(), OASFactory.createExample().value(example))));
    }
}
