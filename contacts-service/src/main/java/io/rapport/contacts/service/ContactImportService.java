package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.rapport.contacts.config.ContactsConfig;
import io.rapport.contacts.domain.BusinessUnit;
import io.rapport.contacts.domain.BusinessUnitRepository;
import io.rapport.contacts.domain.Contact;
import io.rapport.contacts.domain.ContactKind;
import io.rapport.contacts.domain.ContactRepository;
import io.rapport.contacts.domain.ContactStatus;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.mapping.CsvParser;
import io.rapport.contacts.rest.dto.ContactRequest;
import io.rapport.contacts.rest.dto.ImportReport;
import io.rapport.contacts.rest.dto.OwnerDto;
import io.rapport.platform.outbox.OutboundEvent;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/**
 * CSV import of contacts: every row is checked like a POST (same constraints, known business unit
 * code, email unique among existing contacts and within the file); valid rows are created, each
 * with its ContactCreated event, in one transaction; the others are reported with their line
 * numbers and reasons (never their values).
 */
@ApplicationScoped
public class ContactImportService {

    public static final List<String> COLUMNS = List.of("fullName", "email", "phone", "jobTitle", "businessUnitCode",
        "seniority", "expertise", "ownerName", "ownerEmail", "cadenceDays", "influence", "interest", "stance");
    static final List<String> REQUIRED_COLUMNS = List.of("fullName", "email", "businessUnitCode", "seniority");
    private static final Map<String, String> COLUMN_OF_PROPERTY = Map.of("businessUnitId", "businessUnitCode",
        "owner.name", "ownerName", "owner.email", "ownerEmail", "owner", "ownerEmail");

    private final ContactRepository contacts;
    private final BusinessUnitRepository units;
    private final ContactMapper mapper;
    private final ContactEvents events;
    private final Validator validator;
    private final ContactsConfig config;
    private final Clock clock;

    public ContactImportService(ContactRepository contacts, BusinessUnitRepository units, ContactMapper mapper,
                                ContactEvents events, Validator validator, ContactsConfig config, Clock clock) {
        this.contacts = contacts;
        this.units = units;
        this.mapper = mapper;
        this.events = events;
        this.validator = validator;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importContacts(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Problems.field("body", "must be CSV text with a header row");
        }
        List<CsvParser.Row> rows = CsvParser.parse(csv);
        Map<String, Integer> header = header(rows.get(0));
        if (rows.size() - 1 > config.importMaxRows()) {
            throw new ProblemException(413, "too-many-rows", "Payload too large",
                "an import may hold at most " + config.importMaxRows() + " rows; split the file", null);
        }
        Map<String, UUID> unitIds = new HashMap<>();
        for (BusinessUnit unit : units.listAll()) {
            unitIds.put(unit.code, unit.id);
        }

        Map<Integer, List<String>> rejected = new LinkedHashMap<>();
        Map<String, Integer> lineOfEmail = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (CsvParser.Row row : rows.subList(1, rows.size())) {
            List<String> errors = new ArrayList<>();
            if (row.error() != null) {
                errors.add("row: " + row.error());
            } else if (row.fields().size() != header.size()) {
                errors.add("row: has " + row.fields().size() + " columns, the header " + header.size());
            } else {
                ContactRequest request = toRequest(row.fields(), header, unitIds, errors);
                if (errors.isEmpty()) {
                    String email = request.email().trim().toLowerCase(Locale.ROOT);
                    Integer first = lineOfEmail.putIfAbsent(email, row.line());
                    if (first != null) {
                        errors.add("email: the same email is on line " + first);
                    } else {
                        candidates.add(new Candidate(row.line(), email, request));
                    }
                }
            }
            if (!errors.isEmpty()) {
                rejected.put(row.line(), errors);
            }
        }

        Set<String> taken = new HashSet<>();
        List<String> emails = candidates.stream().map(Candidate::lowerEmail).toList();
        for (int from = 0; from < emails.size(); from += 1000) {
            taken.addAll(contacts.existingEmails(emails.subList(from, Math.min(emails.size(), from + 1000))));
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int imported = 0;
        List<OutboundEvent> pending = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (taken.contains(candidate.lowerEmail())) {
                rejected.put(candidate.line(), List.of("email: another contact already has this email"));
                continue;
            }
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            mapper.apply(candidate.request(), contact);
            contact.status = ContactStatus.ACTIVE;
            contact.version = 1;
            contact.createdAt = now;
            contact.updatedAt = now;
            contacts.persist(contact);
            pending.add(events.contactEvent(ContactEvents.CONTACT_CREATED, contact, ContactKind.INTERNAL, now));
            if (++imported % config.importFlushEvery() == 0) {
                flushChunk(pending);
            }
        }
        flushChunk(pending);

        List<ImportReport.RejectedRow> report = new ArrayList<>();
        new TreeSet<>(rejected.keySet()).forEach(line -> report.add(new ImportReport.RejectedRow(line, rejected.get(line))));
        return new ImportReport(imported, report);
    }

    /** Writes the chunk's contacts (batched inserts), then their events, and empties the persistence context. */
    private void flushChunk(List<OutboundEvent> pending) {
        Problems.flushOrConflict(contacts::flush, "contact_email_unique", ContactService::emailConflict);
        events.publishAll(pending);
        pending.clear();
        contacts.getEntityManager().clear();
    }

    private static Map<String, Integer> header(CsvParser.Row row) {
        Map<String, Integer> header = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).trim();
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError("header", "unknown column '" + truncate(name) + "'; columns are "
                    + String.join(",", COLUMNS)));
            } else if (header.putIfAbsent(name, i) != null) {
                errors.add(new FieldError("header", "column " + name + " appears twice"));
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!header.containsKey(required)) {
                errors.add(new FieldError("header", "column " + required + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.fields(errors);
        }
        return header;
    }

    private ContactRequest toRequest(List<String> fields, Map<String, Integer> header, Map<String, UUID> unitIds,
                                     List<String> errors) {
        String unitCode = value(fields, header, "businessUnitCode");
        UUID unitId = unitCode == null ? null : unitIds.get(unitCode.trim());
        if (unitCode != null && unitId == null) {
            errors.add("businessUnitCode: no business unit has this code");
        }
        String tags = value(fields, header, "expertise");
        List<String> expertise = tags == null ? null
            : Arrays.stream(tags.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        String ownerName = value(fields, header, "ownerName");
        String ownerEmail = value(fields, header, "ownerEmail");
        OwnerDto owner = ownerName == null && ownerEmail == null ? null : new OwnerDto(ownerName, ownerEmail);
        ContactRequest request = new ContactRequest(value(fields, header, "fullName"), value(fields, header, "email"),
            value(fields, header, "phone"), value(fields, header, "jobTitle"), unitId,
            value(fields, header, "seniority"), expertise, owner, null, null,
            cadenceDays(value(fields, header, "cadenceDays"), errors), value(fields, header, "influence"),
            value(fields, header, "interest"), value(fields, header, "stance"));
        Set<String> messages = new TreeSet<>();
        for (ConstraintViolation<ContactRequest> violation : validator.validate(request)) {
            String property = violation.getPropertyPath().toString().replaceAll("\\[\\d*]\\.?.*$", "")
                .replaceAll("<.*>", "");
            if (property.equals("businessUnitId") && unitCode != null) {
                continue; // already reported as an unknown code
            }
            messages.add(COLUMN_OF_PROPERTY.getOrDefault(property, property) + ": " + violation.getMessage());
        }
        errors.addAll(messages);
        return request;
    }

    /** The cadenceDays column: empty is none; anything but a whole number is reported (the range by validation). */
    private static Integer cadenceDays(String text, List<String> errors) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,9}")) {
            errors.add("cadenceDays: must be a whole number of days from 1 to 365");
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String value(List<String> fields, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null;
        }
        String value = fields.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static String truncate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private record Candidate(int line, String lowerEmail, ContactRequest request) {
    }
}
