package io.rapport.analytics.rest;

import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import io.rapport.analytics.mapping.PeopleMapper;
import io.rapport.analytics.rest.dto.PeopleDtos.ExpertiseGapList;
import io.rapport.analytics.rest.dto.PeopleDtos.ExpertisePage;
import io.rapport.analytics.rest.dto.PeopleDtos.InfluenceGapPage;
import io.rapport.analytics.rest.dto.PeopleDtos.OverduePage;
import io.rapport.analytics.rest.dto.PeopleDtos.StakeholderMapPage;
import io.rapport.analytics.service.PeopleService;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.rest.QueryParameters;

/** Whom to meet, who knows what, where influence is (API.md, "Stay in touch, expertise, influence"). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "Stay in touch, expertise, influence: ACTIVE contacts only")
@RolesAllowed({ VIEWER, EDITOR, ADMIN })
public class PeopleInsightsResource {

    private static final String C1 = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11";
    private static final String U1 = "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22";

    private final PeopleService service;

    public PeopleInsightsResource(PeopleService service) {
        this.service = service;
    }

    @GET
    @Path("/insights/overdue")
    @Operation(summary = "Contacts overdue for their stay-in-touch cadence", description = "ACTIVE contacts whose last engagement "
        + "(any type, cancelled ones excluded: the end of its activity) is older than their cadence (cadenceDays, else the "
        + "default for their seniority); a contact never engaged counts from its creation. Most overdue first.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = OverduePage.class), examples = @ExampleObject(name = "overdue", value = "{\"items\": "
        + "[{\"contactId\": \"" + C1 + "\", \"owner\": \"sam.lee@example.com\", \"cadenceDays\": 30, \"lastEngagementAt\": "
        + "\"2026-10-01T10:00:00Z\", \"dueOn\": \"2026-10-31\", \"overdueDays\": 32, \"score\": 41.5, \"band\": \"COOL\"}], "
        + "\"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public OverduePage overdue(
        @Parameter(description = "Owner email", example = "sam.lee@example.com") @QueryParam("owner") String owner,
        @Parameter(description = "Only this unit") @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "Page from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        var unit = p.uuid("businessUnitId", businessUnitId);
        if (owner != null && owner.length() > 254) {
            p.error("owner", "must be at most 254 characters");
        }
        int pg = p.page(page);
        int sz = p.size(size);
        p.throwIfInvalid();
        return PeopleMapper.toOverdue(service.overdue(unit, owner == null || owner.isBlank() ? null : owner.trim(), pg, sz));
    }

    @GET
    @Path("/expertise")
    @Operation(summary = "Who holds an expertise", description = "Tags starting with q (case-insensitive), in tag order; each "
        + "with its strongest holders (ACTIVE contacts), strongest relationship first, their PMO owner (who can make the "
        + "introduction), and how many are WARM or better.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ExpertisePage.class), examples = @ExampleObject(name = "expertise", value = "{\"items\": "
        + "[{\"tag\": \"payroll\", \"contacts\": [{\"contactId\": \"" + C1 + "\", \"businessUnitId\": \"" + U1 + "\", \"score\": "
        + "72.4, \"band\": \"STRONG\", \"owner\": \"sam.lee@example.com\"}], \"warmContacts\": 1, \"holders\": 3}], "
        + "\"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ExpertisePage expertise(
        @Parameter(description = "Tag prefix (case-insensitive); empty: every tag", example = "pay") @QueryParam("q") String q,
        @Parameter(description = "Holders listed per tag, 1..50 (an addition; default 5)", example = "5")
        @QueryParam("contactsPerTag") Integer contactsPerTag,
        @Parameter(description = "Page from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        if (q != null && q.length() > 50) {
            p.error("q", "must be at most 50 characters");
        }
        int perTag = p.range("contactsPerTag", contactsPerTag, 5, 1, 50);
        int pg = p.page(page);
        int sz = p.size(size);
        p.throwIfInvalid();
        String prefix = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return PeopleMapper.toExpertise(service.expertise(prefix, perTag, pg, sz));
    }

    @GET
    @Path("/insights/expertise-gaps")
    @Operation(summary = "Expertise held only by cold or cool relationships", description = "Tags whose ACTIVE holders are all "
        + "COLD or COOL, in tag order, each with its strongest holder: the relationship to warm up.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ExpertiseGapList.class), examples = @ExampleObject(name = "gaps", value = "{\"items\": "
        + "[{\"tag\": \"treasury\", \"holders\": 3, \"strongestContactId\": \"" + C1 + "\", \"score\": 31.0, \"band\": \"COOL\", "
        + "\"owner\": \"sam.lee@example.com\"}]}")))
    public ExpertiseGapList expertiseGaps() {
        return PeopleMapper.toGaps(service.expertiseGaps());
    }

    @GET
    @Path("/insights/stakeholder-map")
    @Operation(summary = "The stakeholder map", description = "ACTIVE contacts holding an open stakeholder role on projectCode "
        + "when given, else every ACTIVE contact with an influence or interest assessment or an open role; each with its "
        + "quadrant of the power/interest grid (HIGH is the high half; MEDIUM, LOW and null the low half). Strongest "
        + "first. Additions: page and size (without them, the whole map).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = StakeholderMapPage.class), examples = @ExampleObject(name = "map", value = "{\"items\": "
        + "[{\"contactId\": \"" + C1 + "\", \"influence\": \"HIGH\", \"interest\": \"HIGH\", \"stance\": \"SUPPORTER\", "
        + "\"score\": 55.0, \"band\": \"WARM\", \"quadrant\": \"MANAGE_CLOSELY\"}], \"page\": 0, \"size\": 1, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public StakeholderMapPage stakeholderMap(
        @Parameter(description = "Only this unit") @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "Only stakeholders of this project (open roles)", example = "ERP-2027")
        @QueryParam("projectCode") String projectCode,
        @Parameter(description = "Page from 0 (an addition)", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200 (an addition)", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        var unit = p.uuid("businessUnitId", businessUnitId);
        if (projectCode != null && (projectCode.isBlank() || projectCode.length() > 40)) {
            p.error("projectCode", "must be 1..40 characters");
        }
        int pg = p.page(page);
        Integer sz = page == null && size == null ? null : p.size(size);
        p.throwIfInvalid();
        return PeopleMapper.toMap(service.stakeholderMap(unit, projectCode, pg, sz));
    }

    @GET
    @Path("/insights/influence-gaps")
    @Operation(summary = "Where influence is at risk", description = "ACTIVE contacts with HIGH influence whose relationship is "
        + "below WARM, or whose stance is SCEPTIC or RESISTOR: highest influence first, then weakest relationship first.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = InfluenceGapPage.class), examples = @ExampleObject(name = "gaps", value = "{\"items\": "
        + "[{\"contactId\": \"" + C1 + "\", \"businessUnitId\": \"" + U1 + "\", \"owner\": \"sam.lee@example.com\", "
        + "\"influence\": \"HIGH\", \"interest\": \"MEDIUM\", \"stance\": \"SCEPTIC\", \"score\": 28.0, \"band\": \"COOL\", "
        + "\"reasons\": [\"BELOW_WARM\", \"SCEPTIC\"]}], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public InfluenceGapPage influenceGaps(
        @Parameter(description = "Page from 0", example = "0") @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        int pg = p.page(page);
        int sz = p.size(size);
        p.throwIfInvalid();
        return PeopleMapper.toInfluenceGaps(service.influenceGaps(pg, sz));
    }
}
