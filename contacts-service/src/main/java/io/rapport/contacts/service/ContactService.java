package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.rapport.contacts.domain.Contact;
import io.rapport.contacts.domain.ContactKind;
import io.rapport.contacts.domain.ContactRepository;
import io.rapport.contacts.domain.ContactSearch;
import io.rapport.contacts.domain.ContactStatus;
import io.rapport.contacts.domain.BusinessUnitRepository;
import io.rapport.contacts.domain.Seniority;
import io.rapport.contacts.domain.StakeholderRoleRepository;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.rest.dto.ContactListParams;
import io.rapport.contacts.rest.dto.ContactRequest;
import io.rapport.contacts.rest.dto.ContactView;
import io.rapport.platform.idempotency.IdempotencyKeys;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

/** The rules of contacts: unique work email, known business unit, status changes, erasure. */
@ApplicationScoped
public class ContactService {

    static final Map<String, String> SORTABLE = Map.of("fullName", "fullName", "email", "email",
        "seniority", "seniority", "status", "status", "createdAt", "createdAt", "updatedAt", "updatedAt");
    private static final SortSpec DEFAULT_SORT = new SortSpec("fullName", "fullName", true);
    private static final String EMAIL_INDEX = "contact_email_unique";

    private final ContactRepository contacts;
    private final BusinessUnitRepository units;
    private final StakeholderRoleRepository roles;
    private final ContactMapper mapper;
    private final ContactEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public ContactService(ContactRepository contacts, BusinessUnitRepository units, StakeholderRoleRepository roles,
                          ContactMapper mapper, ContactEvents events, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.contacts = contacts;
        this.units = units;
        this.roles = roles;
        this.mapper = mapper;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /** Where a contact lives; also the Location its creation answered (as the idempotency store keeps it). */
    public static String contactPath(UUID id) {
        return "/api/v1/contacts/" + id;
    }

    @Transactional
    public Optional<ContactView> findContactById(UUID id) {
        return contacts.findByIdOptional(id).map(c -> mapper.toView(c, kindOf(c.id)));
    }

    @Transactional
    public PageResponse<ContactView> listContacts(ContactListParams params) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.parse(params.page(), params.size(), errors);
        UUID unitId = parseUuid("businessUnitId", params.businessUnitId(), errors);
        Boolean includeSubUnits = parseBoolean("includeSubUnits", params.includeSubUnits(), errors);
        Seniority seniority = parseEnum("seniority", params.seniority(), Seniority.class, errors);
        ContactStatus status = parseEnum("status", params.status(), ContactStatus.class, errors);
        ContactKind kind = parseEnum("kind", params.kind(), ContactKind.class, errors);
        String q = trimToNull(params.q());
        if (q != null && q.length() > 200) {
            errors.add(new FieldError("q", "size must be between 0 and 200"));
        }
        String tag = trimToNull(params.tag());
        if (tag != null && tag.length() > 50) {
            errors.add(new FieldError("tag", "size must be between 0 and 50"));
        }
        String owner = trimToNull(params.owner());
        if (owner != null && owner.length() > 254) {
            errors.add(new FieldError("owner", "size must be between 0 and 254"));
        }
        SortSpec sort = DEFAULT_SORT;
        try {
            sort = SortSpec.parse(params.sort(), SORTABLE, DEFAULT_SORT);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw Problems.fields(errors);
        }
        List<UUID> unitIds = null;
        if (unitId != null) {
            unitIds = Boolean.TRUE.equals(includeSubUnits) ? units.selfAndDescendants(unitId) : List.of(unitId);
        }
        ContactSearch search = new ContactSearch(q, unitIds, tag == null ? null : tag.toLowerCase(Locale.ROOT),
            seniority, owner, status, kind, sort.property(), sort.ascending(), paging.page(), paging.size());
        LocalDate today = today();
        List<Contact> page = contacts.search(search, today);
        Set<UUID> stakeholders = roles.withOpenRole(page.stream().map(c -> c.id).toList(), today);
        List<ContactView> items = page.stream()
            .map(c -> mapper.toView(c, stakeholders.contains(c.id) ? ContactKind.STAKEHOLDER : ContactKind.INTERNAL))
            .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), contacts.countMatching(search, today));
    }

    @Transactional
    public ContactView createContact(@NotNull @Valid ContactRequest request) {
        requireKnownUnit(request.businessUnitId());
        if (contacts.emailTakenByOther(request.email().trim(), null)) {
            throw emailConflict();
        }
        Instant now = now();
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        mapper.apply(request, contact);
        contact.status = ContactStatus.ACTIVE;
        contact.version = 1;
        contact.createdAt = now;
        contact.updatedAt = now;
        contacts.persist(contact);
        Problems.flushOrConflict(contacts::flush, EMAIL_INDEX, ContactService::emailConflict);
        events.contact(ContactEvents.CONTACT_CREATED, contact, ContactKind.INTERNAL, now);
        return mapper.toView(contact, ContactKind.INTERNAL);
    }

    @Transactional
    public Optional<ContactView> replaceContact(UUID id, String ifMatch, @NotNull @Valid ContactRequest request) {
        Optional<Contact> found = contacts.findByIdForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = found.get();
        requireNotErased(contact);
        Preconditions.requireIfMatch(ifMatch, contact.version);
        if (ContactStatus.ERASED.name().equals(request.status())) {
            throw Problems.field("status", "must be ACTIVE or LEFT; erasure is POST /api/v1/contacts/{id}/erasure");
        }
        requireKnownUnit(request.businessUnitId());
        if (contacts.emailTakenByOther(request.email().trim(), id)) {
            throw emailConflict();
        }
        ContactStatus before = contact.status;
        Instant now = now();
        mapper.apply(request, contact);
        if (request.status() != null) {
            contact.status = ContactStatus.valueOf(request.status());
        }
        contact.version++;
        contact.updatedAt = now;
        Problems.flushOrConflict(contacts::flush, EMAIL_INDEX, ContactService::emailConflict);
        ContactKind kind = kindOf(id);
        boolean left = before != ContactStatus.LEFT && contact.status == ContactStatus.LEFT;
        events.contact(left ? ContactEvents.CONTACT_LEFT : ContactEvents.CONTACT_UPDATED, contact, kind, now);
        return Optional.of(mapper.toView(contact, kind));
    }

    /** DELETE: marks the contact LEFT (its history stays). False when there is no such contact. */
    @Transactional
    public boolean markContactLeft(UUID id) {
        Optional<Contact> found = contacts.findByIdForUpdate(id);
        if (found.isEmpty()) {
            return false;
        }
        Contact contact = found.get();
        requireNotErased(contact);
        if (contact.status != ContactStatus.LEFT) {
            Instant now = now();
            contact.status = ContactStatus.LEFT;
            contact.version++;
            contact.updatedAt = now;
            events.contact(ContactEvents.CONTACT_LEFT, contact, kindOf(id), now);
        }
        return true;
    }

    /**
     * Right to erasure, in one transaction:
     * <ol>
     *   <li>the contact row keeps only id, business unit and status ERASED (every personal field null);</li>
     *   <li>its stakeholder roles are deleted (project participation of an identified person);</li>
     *   <li>its events still pending in the outbox are deleted: they are all keyed by the contact id and
     *       carry its personal data. What the relay had already published stays published, in order; what
     *       it had not is never published, so consumers see a prefix of the contact's history followed by
     *       ContactErased, which is a consistent stream (ContactErased is valid after any prefix, even an
     *       empty one: consumers treat it as "forget this id");</li>
     *   <li>stored Idempotency-Key responses of the contact's creation and of its roles' creation are
     *       replaced by the erased shell (resp. nothing), so a replay never returns, nor re-creates, the data;</li>
     *   <li>ContactErased (no personal field) is written to the outbox.</li>
     * </ol>
     * Erasing an erased contact answers the shell again and publishes nothing.
     */
    @Transactional
    public Optional<ContactView> eraseContact(UUID id) {
        Optional<Contact> found = contacts.findByIdForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = found.get();
        if (contact.status == ContactStatus.ERASED) {
            return Optional.of(mapper.toView(contact, ContactKind.INTERNAL));
        }
        Instant now = now();
        contact.erase();
        contact.version++;
        contact.updatedAt = now;
        roles.deleteByContact(id);
        contacts.getEntityManager().createQuery("delete from OutboxEvent where messageKey = :key")
            .setParameter("key", id.toString()).executeUpdate();
        ContactView shell = mapper.toView(contact, ContactKind.INTERNAL);
        idempotencyKeys.redactResponses(contactPath(id), shell);
        idempotencyKeys.redactResponsesUnder(contactPath(id), null);
        events.contactErased(contact, now);
        return Optional.of(shell);
    }

    ContactKind kindOf(UUID contactId) {
        return roles.withOpenRole(List.of(contactId), today()).isEmpty() ? ContactKind.INTERNAL : ContactKind.STAKEHOLDER;
    }

    static void requireNotErased(Contact contact) {
        if (contact.status == ContactStatus.ERASED) {
            throw ProblemException.conflict("contact " + contact.id + " was erased and can no longer change");
        }
    }

    private void requireKnownUnit(UUID unitId) {
        if (units.findByIdOptional(unitId).isEmpty()) {
            throw Problems.field("businessUnitId", "no business unit has this id");
        }
    }

    static ProblemException emailConflict() {
        return ProblemException.conflict("another contact already has this email");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static UUID parseUuid(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be a UUID"));
            return null;
        }
    }

    private static Boolean parseBoolean(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }

    private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            errors.add(new FieldError(name, "must be one of " + String.join(", ", names)));
            return null;
        }
    }
}
