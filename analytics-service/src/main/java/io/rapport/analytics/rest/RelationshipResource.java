package io.rapport.analytics.rest;

import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;

import io.rapport.platform.rest.QueryParameters;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.rest.dto.Dtos.RelationshipDetailDto;
import io.rapport.analytics.mapping.RelationshipMapper;
import io.rapport.analytics.rest.dto.Dtos.RelationshipPage;
import io.rapport.analytics.service.RelationshipService;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.rest.SortSpec;

@Path("/api/v1/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relationships", description = "Relationship strength per contact: score, band, trend, factors, forecast")
@RolesAllowed({ VIEWER, EDITOR, ADMIN })
public class RelationshipResource {

    /** The fields of both examples, without the closing brace. */
    private static final String EXAMPLE_FIELDS = """
        {"contactId": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "businessUnitId": "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22",
         "kind": "INTERNAL", "score": 63.2, "band": "WARM", "trend": 4.1,
         "factors": {"recencyDays": 12, "frequency90d": 5, "depthHours": 14.5, "sentiment": 4.2, "reciprocity": 0.8,
                     "hoursGiven": 8, "hoursReceived": 6.5},
         "nextBand": "COOL", "dropsOn": "2027-01-19", "coldOn": "2027-04-02",
         "lastEngagementAt": "2026-11-13T10:00:00Z", "owner": "sam.lee@example.com\"""";
    /** A relationship as listed. */
    static final String EXAMPLE = EXAMPLE_FIELDS + "}";
    /** The single-relationship response: {@link #EXAMPLE} plus {@code lastEngagements}. */
    static final String DETAIL_EXAMPLE = EXAMPLE_FIELDS + """
        ,
         "lastEngagements": [
           {"engagementId": "6d0e4c8a-2f7b-4a19-8c3e-5b1f9d2a7e44", "type": "ONE_TO_ONE", "status": "COMPLETED",
            "startAt": "2026-11-13T10:00:00Z", "endAt": "2026-11-13T11:00:00Z", "direction": "MUTUAL",
            "effortHours": 1.0, "sentiment": 4, "completedAt": null},
           {"engagementId": "0a7f3b52-9c1d-4e8a-b6f2-3d5e7c9a1b08", "type": "SECONDMENT", "status": "ACTIVE",
            "startAt": "2026-09-01T08:00:00Z", "endAt": "2026-12-18T17:00:00Z", "direction": "PMO_RECEIVED",
            "effortHours": 480.0, "sentiment": 5, "completedAt": null}]}""";
    static final String PROBLEM_400 = """
        {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
         "detail": "1 parameter is invalid", "instance": "/api/v1/relationships",
         "errors": [{"field": "band", "message": "must be one of COLD, COOL, WARM, STRONG"}]}""";

    private static final Map<String, String> SORTS = Map.of("score", "score", "lastEngagementAt", "lastEngagementAt");

    private final RelationshipService service;

    public RelationshipResource(RelationshipService service) {
        this.service = service;
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "A contact's relationship", description = "Score 0–100, band, 30-day trend, factors and the "
        + "forecast (nextBand/dropsOn/coldOn). A known contact without engagements is score 0, COLD. Also "
        + "lastEngagements (only here, not in the list): the contact's 5 most recent engagements, latest start first, "
        + "cancelled ones excluded, as analytics holds them (no titles). With at (an addition): evaluated at that "
        + "instant; before now from the slices credited by then, after now if nothing more happens.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = RelationshipDetailDto.class), examples = @ExampleObject(name = "warm", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid contact id or instant", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
        examples = @ExampleObject(name = "invalid", value = PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "Unknown (or erased) contact", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public RelationshipDetailDto get(
        @Parameter(description = "Contact id (UUID)", example = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") @PathParam("contactId") String contactId,
        @Parameter(description = "Evaluate at this instant instead of now (ISO-8601); an addition to API.md",
            example = "2026-11-25T10:00:00Z") @QueryParam("at") String at) {
        QueryParameters p = new QueryParameters();
        var id = p.uuid("contactId", contactId);
        if (id == null && (contactId == null || contactId.isBlank())) {
            p.error("contactId", "must be a UUID");
        }
        Instant instant = p.instant("at", at);
        p.throwIfInvalid();
        return service.relationship(id, instant).map(RelationshipMapper::toDetail)
            .orElseThrow(() -> ProblemException.notFound("Contact", id));
    }

    @GET
    @Operation(summary = "List relationships", description = "Filters businessUnitId, band, owner (email), kind; "
        + "sort=score,desc (default) or sort=lastEngagementAt,desc; paged. Erased contacts are not listed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = RelationshipPage.class),
        examples = @ExampleObject(name = "page", value = "{\"items\": [" + EXAMPLE + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid parameters, each listed", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
        examples = @ExampleObject(name = "invalid", value = PROBLEM_400)))
    public RelationshipPage list(
        @Parameter(description = "Business unit id") @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "COLD | COOL | WARM | STRONG") @QueryParam("band") String band,
        @Parameter(description = "Owner email", example = "sam.lee@example.com") @QueryParam("owner") String owner,
        @Parameter(description = "INTERNAL | STAKEHOLDER") @QueryParam("kind") String kind,
        @Parameter(description = "score,asc|desc or lastEngagementAt,asc|desc", example = "score,desc") @QueryParam("sort") String sort,
        @Parameter(description = "Page from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        var unit = p.uuid("businessUnitId", businessUnitId);
        Band b = p.enumValue("band", band, Band.class);
        String k = p.oneOf("kind", kind, List.of("INTERNAL", "STAKEHOLDER"));
        if (owner != null && owner.length() > 254) {
            p.error("owner", "must be at most 254 characters");
        }
        int pg = p.page(page);
        int sz = p.size(size);
        p.throwIfInvalid();
        SortSpec s = SortSpec.parse(sort, SORTS, new SortSpec("score", "score", false));
        return RelationshipMapper.toPage(service.list(new RelationshipService.ListRequest(unit, b,
            owner == null || owner.isBlank() ? null : owner.trim(), k, "lastEngagementAt".equals(s.property()), s.ascending(),
            pg, sz)));
    }
}
