package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ApiDocs.*;
import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.contacts.rest.dto.StakeholderRoleRequest;
import io.rapport.contacts.rest.dto.StakeholderRoleView;
import io.rapport.contacts.service.StakeholderRoleService;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.idempotency.IdempotentResponse;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;

@Path("/api/v1/contacts/{contactId}/stakeholder-roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stakeholder roles", description = "A contact's roles on projects; a contact with an open role is a stakeholder")
public class StakeholderRoleResource {

    private static final String CONTACT_ID_EXAMPLE = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    private static final String ROLE_ID_EXAMPLE = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
    private static final String ROLE_NOT_FOUND_EXAMPLE = """
        {"type": "https://rapport.example/problems/not-found", "title": "Not found", "status": 404,
         "detail": "stakeholder role 5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c does not exist",
         "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6/stakeholder-roles/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c"}""";

    private final StakeholderRoleService service;
    private final IdempotencyKeys idempotencyKeys;

    public StakeholderRoleResource(StakeholderRoleService service, IdempotencyKeys idempotencyKeys) {
        this.service = service;
        this.idempotencyKeys = idempotencyKeys;
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Operation(summary = "Add a stakeholder role", description = "Publishes StakeholderRoleAdded (key: the contact id).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StakeholderRoleRequest.class),
        examples = @ExampleObject(name = "sponsor", value = ROLE_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added; Location names it",
        headers = { @Header(name = "Location", description = "URL of the new role", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)) },
        content = @Content(schema = @Schema(implementation = StakeholderRoleView.class),
            examples = @ExampleObject(name = "role", value = ROLE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed), bad role, endDate before startDate",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The contact was erased, or the Idempotency-Key is still in flight",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "conflict", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "key reused", value = IDEMPOTENCY_MISMATCH_EXAMPLE)))
    public Response addRole(
        @Parameter(description = "Contact id", example = CONTACT_ID_EXAMPLE) @PathParam("contactId") UUID contactId,
        @Parameter(description = IDEMPOTENCY_KEY_DESCRIPTION, example = "role-erp-sponsor")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        StakeholderRoleRequest request) {
        return idempotencyKeys.execute(idempotencyKey, "POST /api/v1/contacts/" + contactId + "/stakeholder-roles",
            request, () -> {
                StakeholderRoleView added = service.addRole(contactId, request)
                    .orElseThrow(() -> ProblemException.notFound("contact", contactId));
                return IdempotentResponse.created(URI.create(StakeholderRoleService.rolePath(contactId, added.id())), added,
                    added.version());
            });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Operation(summary = "List a contact's stakeholder roles", description = "Open and ended, by startDate (ties by "
        + "id); one page, like every list.")
    @APIResponse(responseCode = "200", description = "One page of the roles",
        content = @Content(schema = @Schema(implementation = StakeholderRolePage.class),
            examples = @ExampleObject(name = "roles", value = "{\"items\": [" + ROLE_EXAMPLE
                + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public PageResponse<StakeholderRoleView> listRoles(
        @Parameter(description = "Contact id", example = CONTACT_ID_EXAMPLE) @PathParam("contactId") UUID contactId,
        @Parameter(description = "Page number, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
        @QueryParam("page") String page,
        @Parameter(description = "Page size, 1–200", example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
        @QueryParam("size") String size) {
        return service.listRoles(contactId, page, size).orElseThrow(() -> ProblemException.notFound("contact", contactId));
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{roleId}")
    @Operation(summary = "Read a stakeholder role")
    @APIResponse(responseCode = "200", description = "The role",
        headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = StakeholderRoleView.class),
            examples = @ExampleObject(name = "role", value = ROLE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact or role",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = ROLE_NOT_FOUND_EXAMPLE)))
    public Response findRoleById(
        @Parameter(description = "Contact id", example = CONTACT_ID_EXAMPLE) @PathParam("contactId") UUID contactId,
        @Parameter(description = "Role id", example = ROLE_ID_EXAMPLE) @PathParam("roleId") UUID roleId) {
        return service.findRoleById(contactId, roleId)
            .map(role -> Response.ok(role).tag(Preconditions.etag(role.version())).build())
            .orElseThrow(() -> ProblemException.notFound("stakeholder role", roleId));
    }

    @RolesAllowed({EDITOR, ADMIN})
    @PUT
    @Path("/{roleId}")
    @Operation(summary = "Replace a stakeholder role", description = "Needs If-Match. An ended role cannot change "
        + "(409). Publishes StakeholderRoleUpdated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StakeholderRoleRequest.class),
        examples = @ExampleObject(name = "extended", value = ROLE_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new state",
        headers = @Header(name = "ETag", description = "Its new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = StakeholderRoleView.class),
            examples = @ExampleObject(name = "role", value = ROLE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact or role",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = ROLE_NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The role was ended",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "ended", value = """
                {"type": "https://rapport.example/problems/conflict", "title": "Conflict", "status": 409,
                 "detail": "stakeholder role 5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c was ended and can no longer change",
                 "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6/stakeholder-roles/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c"}""")))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "missing If-Match", value = IF_MATCH_REQUIRED_EXAMPLE)))
    public Response replaceRole(
        @Parameter(description = "Contact id", example = CONTACT_ID_EXAMPLE) @PathParam("contactId") UUID contactId,
        @Parameter(description = "Role id", example = ROLE_ID_EXAMPLE) @PathParam("roleId") UUID roleId,
        @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"1\"", required = true) @HeaderParam("If-Match") String ifMatch,
        StakeholderRoleRequest request) {
        return service.replaceRole(contactId, roleId, ifMatch, request)
            .map(role -> Response.ok(role).tag(Preconditions.etag(role.version())).build())
            .orElseThrow(() -> ProblemException.notFound("stakeholder role", roleId));
    }

    @RolesAllowed({EDITOR, ADMIN})
    @DELETE
    @Path("/{roleId}")
    @Operation(summary = "End a stakeholder role", description = "The role stays as history: endDate becomes today "
        + "(unless already earlier) and it is no longer open. Publishes StakeholderRoleEnded (once).")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "No such contact or role",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = ROLE_NOT_FOUND_EXAMPLE)))
    public Response endRole(
        @Parameter(description = "Contact id", example = CONTACT_ID_EXAMPLE) @PathParam("contactId") UUID contactId,
        @Parameter(description = "Role id", example = ROLE_ID_EXAMPLE) @PathParam("roleId") UUID roleId) {
        if (!service.endRole(contactId, roleId)) {
            throw ProblemException.notFound("stakeholder role", roleId);
        }
        return Response.noContent().build();
    }

    /** The page schema, for the OpenAPI document only. */
    @Schema(name = "StakeholderRolePage", description = "One page of a contact's stakeholder roles",
        requiredProperties = { "items", "page", "size", "total" })
    public record StakeholderRolePage(List<StakeholderRoleView> items, int page, int size, long total) {
    }
}
