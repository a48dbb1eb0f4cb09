package io.rapport.contacts.rest;

import static io.rapport.contacts.rest.ApiDocs.*;
import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import java.net.URI;
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

import io.rapport.contacts.rest.dto.BusinessUnitRequest;
import io.rapport.contacts.rest.dto.BusinessUnitView;
import io.rapport.contacts.service.BusinessUnitService;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.idempotency.IdempotentResponse;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;

@Path("/api/v1/business-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Business units", description = "The units of the business (HR, Finance…), a hierarchy")
public class BusinessUnitResource {

    private final BusinessUnitService service;
    private final IdempotencyKeys idempotencyKeys;

    public BusinessUnitResource(BusinessUnitService service, IdempotencyKeys idempotencyKeys) {
        this.service = service;
        this.idempotencyKeys = idempotencyKeys;
    }

    @RolesAllowed(ADMIN)
    @POST
    @Operation(summary = "Create a business unit", description = "Publishes BusinessUnitCreated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BusinessUnitRequest.class),
        examples = @ExampleObject(name = "top-level unit", value = BUSINESS_UNIT_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
        headers = { @Header(name = "Location", description = "URL of the new unit", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)) },
        content = @Content(schema = @Schema(implementation = BusinessUnitView.class),
            examples = @ExampleObject(name = "created", value = BUSINESS_UNIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed) or unknown parentId",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The code is taken, or the Idempotency-Key is still in flight",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "duplicate code", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "key reused", value = IDEMPOTENCY_MISMATCH_EXAMPLE)))
    public Response createBusinessUnit(
        @Parameter(description = IDEMPOTENCY_KEY_DESCRIPTION, example = "3b9e6a52-unit-hr")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        BusinessUnitRequest request) {
        return idempotencyKeys.execute(idempotencyKey, "POST /api/v1/business-units", request, () -> {
            BusinessUnitView created = service.createBusinessUnit(request);
            return IdempotentResponse.created(URI.create("/api/v1/business-units/" + created.id()), created, created.version());
        });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Operation(summary = "List business units", description = "Paged, sorted (default code,asc; ties by id).")
    @APIResponse(responseCode = "200", description = "One page",
        content = @Content(schema = @Schema(implementation = BusinessUnitPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + BUSINESS_UNIT_EXAMPLE
                + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid page, size or sort",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    public PageResponse<BusinessUnitView> listBusinessUnits(
        @Parameter(description = "Page number, from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
        @QueryParam("page") String page,
        @Parameter(description = "Page size, 1–200", example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
        @QueryParam("size") String size,
        @Parameter(description = "FIELD,asc|desc with FIELD one of code, name, createdAt, updatedAt", example = "name,asc")
        @QueryParam("sort") String sort) {
        return service.listBusinessUnits(page, size, sort);
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a business unit")
    @APIResponse(responseCode = "200", description = "The unit",
        headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = BusinessUnitView.class),
            examples = @ExampleObject(name = "unit", value = BUSINESS_UNIT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such unit",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public Response findBusinessUnitById(
        @Parameter(description = "Unit id", example = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f") @PathParam("id") UUID id) {
        return service.findBusinessUnitById(id)
            .map(unit -> Response.ok(unit).tag(Preconditions.etag(unit.version())).build())
            .orElseThrow(() -> ProblemException.notFound("business unit", id));
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a business unit", description = "Needs If-Match. Moving a unit below one of its own "
        + "sub-units (a cycle) is refused with 409. Publishes BusinessUnitUpdated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BusinessUnitRequest.class),
        examples = @ExampleObject(name = "rename", value = BUSINESS_UNIT_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new state",
        headers = @Header(name = "ETag", description = "Its new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = BusinessUnitView.class),
            examples = @ExampleObject(name = "unit", value = BUSINESS_UNIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed) or unknown parentId",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such unit",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Code taken, or the new parent would make a cycle",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "duplicate code", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "missing If-Match", value = IF_MATCH_REQUIRED_EXAMPLE)))
    public Response replaceBusinessUnit(
        @Parameter(description = "Unit id", example = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f") @PathParam("id") UUID id,
        @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"1\"", required = true) @HeaderParam("If-Match") String ifMatch,
        BusinessUnitRequest request) {
        return service.replaceBusinessUnit(id, ifMatch, request)
            .map(unit -> Response.ok(unit).tag(Preconditions.etag(unit.version())).build())
            .orElseThrow(() -> ProblemException.notFound("business unit", id));
    }

    @RolesAllowed(ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a business unit", description = "Refused with 409 while contacts (whatever their "
        + "status) or sub-units reference it. Publishes BusinessUnitDeleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such unit",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Contacts or sub-units still reference the unit",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "unit in use", value = UNIT_IN_USE_EXAMPLE)))
    public Response deleteBusinessUnit(
        @Parameter(description = "Unit id", example = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f") @PathParam("id") UUID id) {
        if (!service.deleteBusinessUnit(id)) {
            throw ProblemException.notFound("business unit", id);
        }
        return Response.noContent().build();
    }

    /** The page schema, for the OpenAPI document only. */
    @Schema(name = "BusinessUnitPage", description = "One page of business units", requiredProperties = { "items", "page", "size", "total" })
    public record BusinessUnitPage(java.util.List<BusinessUnitView> items, int page, int size, long total) {
    }
}
