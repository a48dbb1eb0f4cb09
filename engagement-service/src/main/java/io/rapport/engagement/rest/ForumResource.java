package io.rapport.engagement.rest;

import static io.rapport.engagement.rest.ApiExamples.PROBLEM_JSON;
import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import io.rapport.engagement.rest.dto.AttendanceResponse;
import io.rapport.engagement.rest.dto.EngagementResponse;
import io.rapport.engagement.rest.dto.ForumRequest;
import io.rapport.engagement.rest.dto.ForumResponse;
import io.rapport.engagement.rest.dto.OccurrenceRequest;
import io.rapport.engagement.service.ForumService;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.idempotency.IdempotentResponse;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.QueryParameters;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

@Path("/api/v1/forums")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Forums", description = "Recurring leadership forums, their occurrences and attendance")
public class ForumResource {

    private final ForumService service;
    private final IdempotencyKeys idempotency;
    private final EngagementConfig config;

    public ForumResource(ForumService service, IdempotencyKeys idempotency, EngagementConfig config) {
        this.service = service;
        this.idempotency = idempotency;
        this.config = config;
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Operation(summary = "Create a forum", description = "Members must be ACTIVE contacts, each once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ForumRequest.class),
        examples = @ExampleObject(name = "forum", value = ApiExamples.FORUM_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
        headers = {@Header(name = "Location", description = "URL of the new forum", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumResponse.class),
            examples = @ExampleObject(name = "forum", value = ApiExamples.FORUM)))
    @APIResponse(responseCode = "400", description = "Invalid request (every bad field)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is still being processed",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Unknown, left or erased members (each named), or an"
        + " Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "idempotency-key", value = ApiExamples.IDEMPOTENCY_MISMATCH)))
    public Response createForum(
        @Parameter(description = "Makes the POST safe to retry", example = "forum-2026-heads-of-function")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        ForumRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/forums", request, () -> {
            ForumResponse created = service.createForum(request);
            return IdempotentResponse.created(
                uri.getBaseUriBuilder().path("api/v1/forums").path(created.id().toString()).build(), created,
                created.version());
        });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Operation(summary = "List forums", description = "Sorted by name unless sort says otherwise.")
    @APIResponse(responseCode = "200", description = "One page",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumPage.class),
            examples = @ExampleObject(name = "page", value = ApiExamples.FORUM_PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter (each one named)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<ForumResponse> listForums(
        @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size, 1 to 200 (default 20)", example = "20") @QueryParam("size") Integer size,
        @Parameter(description = "FIELD,asc|desc with FIELD one of name, createdAt", example = "name,asc")
        @QueryParam("sort") String sort) {
        QueryParameters params = new QueryParameters();
        int pageNumber = params.page(page);
        int pageSize = params.size(size, config.maxPageSize());
        SortSpec sortSpec = params.sort(sort, ForumService.SORTABLE, ForumService.DEFAULT_SORT);
        params.throwIfInvalid();
        return service.listForums(pageNumber, pageSize, sortSpec);
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a forum")
    @APIResponse(responseCode = "200", description = "The forum",
        headers = @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumResponse.class),
            examples = @ExampleObject(name = "forum", value = ApiExamples.FORUM)))
    @APIResponse(responseCode = "404", description = "No such forum",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response findForumById(@Parameter(description = "Forum id") @PathParam("id") UUID id) {
        ForumResponse found = service.findForumById(id).orElseThrow(() -> notFound(id));
        return Response.ok(found).tag(Preconditions.etag(found.version())).build();
    }

    @RolesAllowed({EDITOR, ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a forum",
        description = "Needs If-Match. Members already in the forum may stay even if they have since left; new ones must be ACTIVE.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ForumRequest.class),
        examples = @ExampleObject(name = "forum", value = ApiExamples.FORUM_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced",
        headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForumResponse.class),
            examples = @ExampleObject(name = "forum", value = ApiExamples.FORUM)))
    @APIResponse(responseCode = "400", description = "Invalid request (every bad field)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such forum",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = ApiExamples.STALE)))
    @APIResponse(responseCode = "422", description = "New members unknown, left or erased (each named)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "if-match-required", value = ApiExamples.IF_MATCH_REQUIRED)))
    public Response replaceForum(
        @Parameter(description = "Forum id") @PathParam("id") UUID id,
        @Parameter(description = "The ETag read", required = true, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
        ForumRequest request) {
        ForumResponse replaced = service.replaceForum(id, ifMatch, request).orElseThrow(() -> notFound(id));
        return Response.ok(replaced).tag(Preconditions.etag(replaced.version())).build();
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Path("/{id}/occurrences")
    @Operation(summary = "Record an occurrence of the forum",
        description = "Creates a LEADERSHIP_FORUM engagement (status COMPLETED, title = forum name) with the attendees"
            + " as ATTENDEE participants, and publishes rapport.engagement.logged.v1.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OccurrenceRequest.class),
        examples = @ExampleObject(name = "occurrence", value = ApiExamples.OCCURRENCE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The engagement created",
        headers = {@Header(name = "Location", description = "URL of the engagement", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Its version", schema = @Schema(type = SchemaType.STRING))},
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (every bad field)",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No such forum",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is still being processed",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Attendees unknown, left or erased (each named, as attendeeIds[i]),"
        + " or an Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public Response recordOccurrence(
        @Parameter(description = "Forum id") @PathParam("id") UUID id,
        @Parameter(description = "Makes the POST safe to retry", example = "forum-2026-11-25")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        OccurrenceRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/forums/" + id + "/occurrences", request, () -> {
            EngagementResponse created = service.recordOccurrence(id, request).orElseThrow(() -> notFound(id));
            return IdempotentResponse.created(EngagementResource.location(uri, created.id()), created, created.version());
        });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{id}/attendance")
    @Operation(summary = "Attendance per member",
        description = "For each member (in member order), over the occurrences not cancelled: how many were attended,"
            + " how many were held, the rate (two decimals), the current streak (consecutive attended, counting back"
            + " from the latest occurrence) and missedInARow (consecutive missed, counting back from the latest: who has"
            + " stopped coming).")
    @APIResponse(responseCode = "200", description = "One entry per member",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AttendanceResponse.class),
            examples = @ExampleObject(name = "attendance", value = ApiExamples.ATTENDANCE)))
    @APIResponse(responseCode = "404", description = "No such forum",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public List<AttendanceResponse> attendance(@Parameter(description = "Forum id") @PathParam("id") UUID id) {
        return service.attendance(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("forum", id);
    }

    /** The page schema, for the OpenAPI document only. */
    @Schema(name = "ForumPage", description = "One page of forums", requiredProperties = { "items", "page", "size", "total" })
    public record ForumPage(List<ForumResponse> items, int page, int size, long total) {
    }
}
