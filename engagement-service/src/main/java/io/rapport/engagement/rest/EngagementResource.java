package io.rapport.engagement.rest;

import static io.rapport.engagement.rest.ApiExamples.PROBLEM_JSON;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

import io.rapport.engagement.config.EngagementConfig;
import io.rapport.engagement.domain.EngagementStatus;
import io.rapport.engagement.domain.EngagementType;
import io.rapport.engagement.rest.dto.EngagementRequest;
import io.rapport.engagement.rest.dto.EngagementResponse;
import io.rapport.engagement.rest.dto.TransitionRequest;
import io.rapport.engagement.service.EngagementFilter;
import io.rapport.engagement.service.EngagementService;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.idempotency.IdempotentResponse;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.QueryParameters;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

@Path("/api/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "Every way the PMO builds relationships")
public class EngagementResource {

    private final EngagementService service;
    private final IdempotencyKeys idempotency;
    private final EngagementConfig config;

    public EngagementResource(EngagementService service, IdempotencyKeys idempotency, EngagementConfig config) {
        this.service = service;
        this.idempotency = idempotency;
        this.config = config;
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Operation(summary = "Log an engagement",
        description = "Participants must be ACTIVE contacts; each one's business unit is recorded as it is now."
            + " SECONDMENT, SHADOWING and ON_THE_JOB_TRAINING start PROPOSED and need endAt; other types are"
            + " COMPLETED when logged. Publishes rapport.engagement.logged.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EngagementRequest.class),
        examples = @ExampleObject(name = "secondment", value = ApiExamples.ENGAGEMENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Logged",
        headers = {@Header(name = "Location", description = "URL of the new engagement", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class),
            examples = @ExampleObject(name = "logged", value = ApiExamples.ENGAGEMENT)))
    @APIResponse(responseCode = "400", description = "Invalid request: every bad field by JSON path (end before start,"
        + " negative effort, sentiment outside 1–5, unknown type, …)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is still being processed",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Unknown, left or erased contacts (each named), or an"
        + " Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = {@ExampleObject(name = "contacts", value = ApiExamples.UNPROCESSABLE),
                @ExampleObject(name = "idempotency-key", value = ApiExamples.IDEMPOTENCY_MISMATCH)}))
    public Response createEngagement(
        @Parameter(description = "Makes the POST safe to retry: a repeat with the same body returns the first response",
            example = "5d7e1c2a-engagement-1")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        EngagementRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/engagements", request, () -> {
            EngagementResponse created = service.createEngagement(request);
            return IdempotentResponse.created(location(uri, created.id()), created, created.version());
        });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Operation(summary = "List engagements", description = "Filters combine with AND; sorted by startAt descending unless"
        + " sort says otherwise (ties by id).")
    @APIResponse(responseCode = "200", description = "One page",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementPage.class),
            examples = @ExampleObject(name = "page", value = ApiExamples.ENGAGEMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter (each one named)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "parameters", value = ApiExamples.BAD_PARAMETERS)))
    public PageResponse<EngagementResponse> listEngagements(
        @Parameter(description = "Engagement type", schema = @Schema(implementation = EngagementType.class))
        @QueryParam("type") String type,
        @Parameter(description = "Only engagements this contact took part in", example = "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11")
        @QueryParam("contactId") String contactId,
        @Parameter(description = "Only engagements with a participant from this business unit (as recorded at the time)",
            example = "8d2e4b7a-1c3f-4e5d-9a8b-7c6d5e4f3a21")
        @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "startAt on or after this instant, or this date (UTC)", example = "2026-09-01")
        @QueryParam("from") String from,
        @Parameter(description = "startAt on or before this instant, or the end of this date (UTC)", example = "2026-12-31")
        @QueryParam("to") String to,
        @Parameter(description = "Status", schema = @Schema(implementation = EngagementStatus.class))
        @QueryParam("status") String status,
        @Parameter(description = "Only occurrences of this forum", example = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e")
        @QueryParam("forumId") String forumId,
        @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size, 1 to 200 (default 20)", example = "20") @QueryParam("size") Integer size,
        @Parameter(description = "FIELD,asc|desc with FIELD one of startAt, endAt, createdAt, updatedAt, title, type,"
            + " status, effortHours", example = "startAt,desc")
        @QueryParam("sort") String sort) {
        QueryParameters params = new QueryParameters();
        EngagementFilter filter = new EngagementFilter(params.enumValue("type", type, EngagementType.class),
            params.uuid("contactId", contactId), params.uuid("businessUnitId", businessUnitId),
            params.instantOrDate("from", from, false), params.instantOrDate("to", to, true),
            params.enumValue("status", status, EngagementStatus.class), params.uuid("forumId", forumId));
        int pageNumber = params.page(page);
        int pageSize = params.size(size, config.maxPageSize());
        SortSpec sortSpec = params.sort(sort, EngagementService.SORTABLE, EngagementService.DEFAULT_SORT);
        params.require(filter.from() == null || filter.to() == null || !filter.to().isBefore(filter.from()), "to",
            "must not be before from");
        params.throwIfInvalid();
        return service.listEngagements(filter, pageNumber, pageSize, sortSpec);
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read an engagement", description = "The ETag header carries its version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The engagement",
        headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class),
            examples = @ExampleObject(name = "engagement", value = ApiExamples.ENGAGEMENT)))
    @APIResponse(responseCode = "404", description = "No such engagement",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public Response findEngagementById(@Parameter(description = "Engagement id") @PathParam("id") UUID id) {
        EngagementResponse found = service.findEngagementById(id).orElseThrow(() -> notFound(id));
        return Response.ok(found).tag(Preconditions.etag(found.version())).build();
    }

    @RolesAllowed({EDITOR, ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an engagement",
        description = "Needs If-Match with the ETag read. Status is not changed here (see transitions); participants"
            + " already recorded keep their business unit, new ones must be ACTIVE. The type cannot move between"
            + " long-running and other types. Publishes rapport.engagement.updated.v1 with the previous and current state.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = EngagementRequest.class),
        examples = @ExampleObject(name = "secondment", value = ApiExamples.ENGAGEMENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced",
        headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class),
            examples = @ExampleObject(name = "engagement", value = ApiExamples.ENGAGEMENT)))
    @APIResponse(responseCode = "400", description = "Invalid request (every bad field)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such engagement",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Cancelled, or a type change across lifecycles",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = ApiExamples.STALE)))
    @APIResponse(responseCode = "422", description = "New participants unknown, left or erased (each named)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "contacts", value = ApiExamples.UNPROCESSABLE)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "if-match-required", value = ApiExamples.IF_MATCH_REQUIRED)))
    public Response replaceEngagement(
        @Parameter(description = "Engagement id") @PathParam("id") UUID id,
        @Parameter(description = "The ETag read", required = true, example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
        EngagementRequest request) {
        EngagementResponse replaced = service.replaceEngagement(id, ifMatch, request).orElseThrow(() -> notFound(id));
        return Response.ok(replaced).tag(Preconditions.etag(replaced.version())).build();
    }

    @RolesAllowed({EDITOR, ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel an engagement",
        description = "Marks it CANCELLED (it stays readable) and publishes rapport.engagement.cancelled.v1."
            + " Cancelling a cancelled engagement changes nothing. If-Match is optional; when given it must be current.")
    @APIResponse(responseCode = "204", description = "Cancelled",
        headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such engagement",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "A COMPLETED long-running engagement cannot be cancelled",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "412", description = "If-Match given and not the current version",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = ApiExamples.STALE)))
    public Response cancelEngagement(
        @Parameter(description = "Engagement id") @PathParam("id") UUID id,
        @Parameter(description = "Optional: the ETag read", example = "\"2\"") @HeaderParam("If-Match") String ifMatch) {
        EngagementResponse cancelled = service.cancelEngagement(id, ifMatch).orElseThrow(() -> notFound(id));
        return Response.noContent().tag(Preconditions.etag(cancelled.version())).build();
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Move an engagement along its lifecycle",
        description = "PROPOSED → AGREED → ACTIVE → COMPLETED, or CANCELLED from any open state (other types: only"
            + " COMPLETED → CANCELLED). Publishes rapport.engagement.status-changed.v1, or"
            + " rapport.engagement.cancelled.v1 for CANCELLED. If-Match is optional; when given it must be current.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransitionRequest.class),
        examples = @ExampleObject(name = "agree", value = ApiExamples.TRANSITION)))
    @APIResponse(responseCode = "200", description = "Moved",
        headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class),
            examples = @ExampleObject(name = "engagement", value = ApiExamples.ENGAGEMENT)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. an unknown status)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such engagement",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Not a valid transition from the current status",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "invalid-transition", value = ApiExamples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match given and not the current version",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = ApiExamples.STALE)))
    public Response transitionEngagement(
        @Parameter(description = "Engagement id") @PathParam("id") UUID id,
        @Parameter(description = "Optional: the ETag read", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
        TransitionRequest request) {
        EngagementResponse moved = service.transitionEngagement(id, ifMatch, request).orElseThrow(() -> notFound(id));
        return Response.ok(moved).tag(Preconditions.etag(moved.version())).build();
    }

    static URI location(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/v1/engagements").path(id.toString()).build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("engagement", id);
    }

    /** The page schema, for the OpenAPI document only. */
    @Schema(name = "EngagementPage", description = "One page of engagements", requiredProperties = { "items", "page", "size", "total" })
    public record EngagementPage(java.util.List<EngagementResponse> items, int page, int size, long total) {
    }
}
