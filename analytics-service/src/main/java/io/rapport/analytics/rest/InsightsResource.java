package io.rapport.analytics.rest;

import static io.rapport.platform.security.Roles.ADMIN;
import static io.rapport.platform.security.Roles.EDITOR;
import static io.rapport.platform.security.Roles.VIEWER;

import jakarta.annotation.security.RolesAllowed;

import io.rapport.platform.rest.QueryParameters;

import java.time.LocalDate;

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

import io.rapport.analytics.mapping.RelationshipMapper;
import io.rapport.analytics.rest.dto.Dtos.CoverageList;
import io.rapport.analytics.rest.dto.Dtos.ExpiringStakeholderPage;
import io.rapport.analytics.rest.dto.Dtos.GoingColdPage;
import io.rapport.analytics.rest.dto.Dtos.Network;
import io.rapport.analytics.rest.dto.Dtos.ValueReport;
import io.rapport.analytics.service.InsightService;
import io.rapport.analytics.service.ReportService;
import io.rapport.platform.problem.ProblemDetail;

/** Coverage, insights, value report and network: thin edges over {@link InsightService} and {@link ReportService}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Coverage of business units, relationships going cold, expiring stakeholders, value, network")
@RolesAllowed({ VIEWER, EDITOR, ADMIN })
public class InsightsResource {

    private static final String PROBLEM_400 = """
        {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
         "detail": "1 parameter is invalid", "instance": "/api/v1/insights/going-cold",
         "errors": [{"field": "withinDays", "message": "must be between 1 and 3650"}]}""";

    private final InsightService insights;
    private final ReportService reports;

    public InsightsResource(InsightService insights, ReportService reports) {
        this.insights = insights;
        this.reports = reports;
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Coverage per business unit", description = "strength = noisy-OR of the unit's ACTIVE contacts' "
        + "scores (never below the strongest); gap = no contact WARM+, singlePoint = exactly one.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = CoverageList.class), examples = @ExampleObject(name = "coverage", value = """
            {"items": [{"businessUnitId": "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22", "code": "HR", "name": "Human Resources",
              "strength": 71.5, "strongestContactId": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "warmContacts": 1,
              "gap": false, "singlePoint": true}]}""")))
    public CoverageList coverage() {
        return new CoverageList(insights.coverage().stream().map(RelationshipMapper::toDto).toList());
    }

    @GET
    @Path("/insights/going-cold")
    @Operation(summary = "Relationships going cold", description = "Every relationship not COLD whose band drops "
        + "within the window if nothing happens, soonest first.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = GoingColdPage.class), examples = @ExampleObject(name = "goingCold", value = """
            {"items": [{"contactId": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "score": 47.3, "band": "WARM",
              "nextBand": "COOL", "dropsOn": "2026-12-04"}], "page": 0, "size": 20, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(name = "invalid", value = PROBLEM_400)))
    public GoingColdPage goingCold(
        @Parameter(description = "Window in days, 1..3650", example = "30") @QueryParam("withinDays") Integer withinDays,
        @Parameter(description = "Page from 0 (an addition: without page and size, the whole list)", example = "0")
        @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200 (an addition)", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        int days = p.range("withinDays", withinDays, 30, 1, 3650);
        int pg = p.page(page);
        Integer sz = page == null && size == null ? null : p.size(size);
        p.throwIfInvalid();
        return RelationshipMapper.toGoingCold(insights.goingCold(days, pg, sz));
    }

    @GET
    @Path("/insights/expiring-stakeholders")
    @Operation(summary = "Stakeholder roles ending soon with a relationship below WARM",
        description = "Roles whose endDate falls within the window (from today, UTC), for contacts below WARM: "
            + "the ones to turn into lasting internal relationships. Ordered by endDate.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ExpiringStakeholderPage.class), examples = @ExampleObject(name = "expiring", value = """
            {"items": [{"contactId": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "projectCode": "ERP-2027",
              "endDate": "2027-01-15", "score": 31.0, "band": "COOL"}], "page": 0, "size": 20, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
    public ExpiringStakeholderPage expiringStakeholders(
        @Parameter(description = "Window in days, 1..3650", example = "60") @QueryParam("withinDays") Integer withinDays,
        @Parameter(description = "Page from 0 (an addition: without page and size, the whole list)", example = "0")
        @QueryParam("page") Integer page,
        @Parameter(description = "Page size 1..200 (an addition)", example = "20") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        int days = p.range("withinDays", withinDays, 60, 1, 3650);
        int pg = p.page(page);
        Integer sz = page == null && size == null ? null : p.size(size);
        p.throwIfInvalid();
        return RelationshipMapper.toExpiring(insights.expiringStakeholders(days, pg, sz));
    }

    @GET
    @Path("/reports/value")
    @Operation(summary = "Value exchanged per business unit", description = "Effort by direction of the ACTIVE or "
        + "COMPLETED engagements that started in [from, to] (UTC dates, inclusive; each bound optional); an engagement "
        + "counts once for each unit among its participants (their unit at the time of the engagement).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ValueReport.class), examples = @ExampleObject(name = "value", value = """
            {"items": [{"businessUnitId": "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22", "hoursGiven": 42, "hoursReceived": 420,
              "hoursMutual": 6, "engagementsByType": {"ONE_TO_ONE": 3, "SECONDMENT": 1}, "secondeeDays": 91}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
    public ValueReport value(
        @Parameter(description = "First day (YYYY-MM-DD)", example = "2026-10-01") @QueryParam("from") String from,
        @Parameter(description = "Last day (YYYY-MM-DD)", example = "2026-12-31") @QueryParam("to") String to,
        @Parameter(description = "Only this unit") @QueryParam("businessUnitId") String businessUnitId) {
        QueryParameters p = new QueryParameters();
        LocalDate f = p.date("from", from);
        LocalDate t = p.date("to", to);
        var unit = p.uuid("businessUnitId", businessUnitId);
        if (f != null && t != null && f.isAfter(t)) {
            p.error("to", "must not be before from");
        }
        p.throwIfInvalid();
        return new ValueReport(reports.value(f, t, unit).stream().map(RelationshipMapper::toDto).toList());
    }

    @GET
    @Path("/network")
    @Operation(summary = "Relationship network", description = "Nodes: units (label = code), contacts (label = id: "
        + "analytics holds no names), PMO owners (label = email, id owner:<email>). Edges contact→unit and owner→contact, "
        + "strength = the contact's score. Additions, for large networks: businessUnitId (that unit and its contacts), "
        + "page and size (a page of contacts, strongest first, with their owners; totalContacts says how many there are).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = Network.class), examples = @ExampleObject(name = "network", value = """
            {"nodes": [{"id": "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22", "kind": "UNIT", "label": "HR"},
                       {"id": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "kind": "CONTACT", "label": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11"},
                       {"id": "owner:sam.lee@example.com", "kind": "OWNER", "label": "sam.lee@example.com"}],
             "edges": [{"source": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "target": "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22", "strength": 63.2},
                       {"source": "owner:sam.lee@example.com", "target": "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11", "strength": 63.2}], "totalContacts": 1}""")))
    @APIResponse(responseCode = "400", description = "Invalid query parameters, each listed in errors", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
    public Network network(
        @Parameter(description = "Only this unit and its contacts (an addition)") @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "Page of contacts from 0 (an addition: without page and size, all contacts)", example = "0")
        @QueryParam("page") Integer page,
        @Parameter(description = "Contacts per page 1..200 (an addition)", example = "50") @QueryParam("size") Integer size) {
        QueryParameters p = new QueryParameters();
        var unit = p.uuid("businessUnitId", businessUnitId);
        int pg = p.page(page);
        Integer sz = page == null && size == null ? null : p.size(size);
        p.throwIfInvalid();
        return RelationshipMapper.toDto(reports.network(unit, pg, sz));
    }
}
