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

import io.rapport.contacts.rest.dto.ContactListParams;
import io.rapport.contacts.rest.dto.ContactRequest;
import io.rapport.contacts.rest.dto.ContactView;
import io.rapport.contacts.rest.dto.ImportReport;
import io.rapport.contacts.service.ContactImportService;
import io.rapport.contacts.service.ContactService;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.idempotency.IdempotentResponse;
import io.rapport.platform.problem.ProblemDetail;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "People the PMO knows: internal relationships and stakeholders")
public class ContactResource {

    private static final String ID_EXAMPLE = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

    private final ContactService service;
    private final ContactImportService importService;
    private final IdempotencyKeys idempotencyKeys;

    public ContactResource(ContactService service, ContactImportService importService, IdempotencyKeys idempotencyKeys) {
        this.service = service;
        this.importService = importService;
        this.idempotencyKeys = idempotencyKeys;
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Operation(summary = "Create a contact", description = "Status ACTIVE, version 1. Publishes ContactCreated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactRequest.class),
        examples = @ExampleObject(name = "contact", value = CONTACT_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
        headers = { @Header(name = "Location", description = "URL of the new contact", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)) },
        content = @Content(schema = @Schema(implementation = ContactView.class),
            examples = @ExampleObject(name = "created", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed by JSON path), bad enum value, "
        + "oversized string or unknown businessUnitId",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Another contact has this email (case-insensitive), or the "
        + "Idempotency-Key is still in flight",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "duplicate email", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "key reused", value = IDEMPOTENCY_MISMATCH_EXAMPLE)))
    public Response createContact(
        @Parameter(description = IDEMPOTENCY_KEY_DESCRIPTION, example = "b0c6a7e2-priya")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        ContactRequest request) {
        return idempotencyKeys.execute(idempotencyKey, "POST /api/v1/contacts", request, () -> {
            ContactView created = service.createContact(request);
            return IdempotentResponse.created(URI.create(ContactService.contactPath(created.id())), created, created.version());
        });
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Operation(summary = "Search contacts", description = "Filters combine with AND. Sorted by fullName,asc unless "
        + "sort says otherwise; ties by id, so pages are stable.")
    @APIResponse(responseCode = "200", description = "One page",
        content = @Content(schema = @Schema(implementation = ContactPage.class),
            examples = @ExampleObject(name = "page", value = "{\"items\": [" + CONTACT_EXAMPLE
                + "], \"page\": 0, \"size\": 20, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid parameters (all listed by name)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = """
                {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
                 "detail": "2 fields are invalid", "instance": "/api/v1/contacts",
                 "errors": [{"field": "kind", "message": "must be one of INTERNAL, STAKEHOLDER"},
                            {"field": "size", "message": "must be an integer from 1 to 200"}]}""")))
    public PageResponse<ContactView> listContacts(
        @Parameter(description = "Text contained in the name, email or job title (case-insensitive), ≤ 200 characters",
            example = "shah") @QueryParam("q") String q,
        @Parameter(description = "Only contacts of this business unit", example = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("businessUnitId") String businessUnitId,
        @Parameter(description = "With businessUnitId: also the contacts of every unit below it", example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("includeSubUnits") String includeSubUnits,
        @Parameter(description = "Only contacts with this expertise tag (case-insensitive)", example = "recruitment")
        @QueryParam("tag") String tag,
        @Parameter(description = "Only this seniority", example = "MANAGER", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "EXECUTIVE", "SENIOR_MANAGER", "MANAGER", "STAFF" })) @QueryParam("seniority") String seniority,
        @Parameter(description = "Only contacts whose relationship owner has this email (case-insensitive)",
            example = "sam.lee@example.com") @QueryParam("owner") String owner,
        @Parameter(description = "Only this status", example = "ACTIVE", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "ACTIVE", "LEFT", "ERASED" })) @QueryParam("status") String status,
        @Parameter(description = "STAKEHOLDER: holds an open stakeholder role; INTERNAL: holds none", example = "STAKEHOLDER",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "INTERNAL", "STAKEHOLDER" })) @QueryParam("kind") String kind,
        @Parameter(description = "Page number, from 0", example = "0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
        @Parameter(description = "Page size, 1–200", example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size,
        @Parameter(description = "FIELD,asc|desc with FIELD one of fullName, email, seniority, status, createdAt, updatedAt",
            example = "createdAt,desc") @QueryParam("sort") String sort) {
        return service.listContacts(new ContactListParams(q, businessUnitId, includeSubUnits, tag, seniority, owner,
            status, kind, page, size, sort));
    }

    @RolesAllowed({VIEWER, EDITOR, ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a contact", description = "An erased contact reads as its shell: id, businessUnitId, "
        + "status ERASED, every personal field null.")
    @APIResponse(responseCode = "200", description = "The contact",
        headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = ContactView.class),
            examples = { @ExampleObject(name = "contact", value = CONTACT_EXAMPLE),
                @ExampleObject(name = "erased", value = ERASED_EXAMPLE) }))
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public Response findContactById(@Parameter(description = "Contact id", example = ID_EXAMPLE) @PathParam("id") UUID id) {
        return service.findContactById(id)
            .map(contact -> Response.ok(contact).tag(Preconditions.etag(contact.version())).build())
            .orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    @RolesAllowed({EDITOR, ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a contact", description = "Needs If-Match. Every field is replaced; status may be "
        + "ACTIVE or LEFT (omitted: unchanged). Publishes ContactUpdated, or ContactLeft when the status becomes LEFT.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactRequest.class),
        examples = @ExampleObject(name = "contact", value = CONTACT_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The new state",
        headers = @Header(name = "ETag", description = "Its new version", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = ContactView.class),
            examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed) or unknown businessUnitId",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "validation", value = VALIDATION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Email taken by another contact, or the contact was erased",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "duplicate email", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "stale", value = STALE_EXAMPLE)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "missing If-Match", value = IF_MATCH_REQUIRED_EXAMPLE)))
    public Response replaceContact(
        @Parameter(description = "Contact id", example = ID_EXAMPLE) @PathParam("id") UUID id,
        @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3\"", required = true) @HeaderParam("If-Match") String ifMatch,
        ContactRequest request) {
        return service.replaceContact(id, ifMatch, request)
            .map(contact -> Response.ok(contact).tag(Preconditions.etag(contact.version())).build())
            .orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    @RolesAllowed({EDITOR, ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Mark a contact LEFT", description = "The contact and its history stay; status becomes LEFT. "
        + "Publishes ContactLeft (once: repeating changes nothing).")
    @APIResponse(responseCode = "204", description = "Marked LEFT")
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The contact was erased",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "erased", value = """
                {"type": "https://rapport.example/problems/conflict", "title": "Conflict", "status": 409,
                 "detail": "contact 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6 was erased and can no longer change",
                 "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"}""")))
    public Response markContactLeft(@Parameter(description = "Contact id", example = ID_EXAMPLE) @PathParam("id") UUID id) {
        if (!service.markContactLeft(id)) {
            throw ProblemException.notFound("contact", id);
        }
        return Response.noContent().build();
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Erase a contact (right to erasure)", description = "Removes every personal field (name, "
        + "email, phone, title, notes, tags, owner) from every table, the outbox and stored idempotent responses "
        + "included; deletes the contact's stakeholder roles; keeps id, businessUnitId and status ERASED. Publishes "
        + "ContactErased. Repeating it answers the shell again.")
    @APIResponse(responseCode = "200", description = "The erased shell",
        content = @Content(schema = @Schema(implementation = ContactView.class),
            examples = @ExampleObject(name = "erased", value = ERASED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such contact",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public Response eraseContact(@Parameter(description = "Contact id", example = ID_EXAMPLE) @PathParam("id") UUID id) {
        return service.eraseContact(id)
            .map(shell -> Response.ok(shell).build())
            .orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    @RolesAllowed({EDITOR, ADMIN})
    @POST
    @Path("/import")
    @Consumes("text/csv")
    @Operation(summary = "Import contacts from CSV", description = """
        UTF-8 CSV (RFC 4180: quotes around fields holding commas, quotes or line breaks; a quote inside is doubled). \
        The first row is the header, naming columns in any order: fullName, email, businessUnitCode, seniority \
        (required) and phone, jobTitle, expertise (tags separated by ';'), ownerName, ownerEmail, cadenceDays (1-365), \
        influence, interest (LOW, MEDIUM, HIGH), stance (CHAMPION, SUPPORTER, NEUTRAL, SCEPTIC, RESISTOR) (optional). \
        Each row is checked like POST /api/v1/contacts (businessUnitCode must be an existing unit's code; the email \
        must be new and appear once in the file). Valid rows are created (one ContactCreated each), the others \
        reported with their line number (header = line 1) and one 'column: reason' per problem. At most 50,000 rows \
        (rapport.contacts.import.max-rows).""")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
        schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "two rows", value = IMPORT_CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was imported and what was not",
        content = @Content(schema = @Schema(implementation = ImportReport.class),
            examples = @ExampleObject(name = "report", value = IMPORT_REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty body, or a header with unknown, repeated or missing columns",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "bad header", value = """
                {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
                 "detail": "1 field is invalid", "instance": "/api/v1/contacts/import",
                 "errors": [{"field": "header", "message": "column email is required"}]}""")))
    @APIResponse(responseCode = "413", description = "More rows than an import may hold",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "too many rows", value = """
                {"type": "https://rapport.example/problems/too-many-rows", "title": "Payload too large", "status": 413,
                 "detail": "an import may hold at most 50000 rows; split the file", "instance": "/api/v1/contacts/import"}""")))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(name = "key reused", value = IDEMPOTENCY_MISMATCH_EXAMPLE)))
    public Response importContacts(
        @Parameter(description = IDEMPOTENCY_KEY_DESCRIPTION, example = "import-2026-11-25-hr")
        @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
        String csv) {
        return idempotencyKeys.execute(idempotencyKey, "POST /api/v1/contacts/import", csv == null ? "" : csv,
            () -> IdempotentResponse.ok(importService.importContacts(csv)));
    }

    /** The page schema, for the OpenAPI document only. */
    @Schema(name = "ContactPage", description = "One page of contacts", requiredProperties = { "items", "page", "size", "total" })
    public record ContactPage(List<ContactView> items, int page, int size, long total) {
    }
}
