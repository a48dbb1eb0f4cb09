package io.rapport.contacts.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.rapport.contacts.domain.Contact;
import io.rapport.contacts.domain.ContactRepository;
import io.rapport.contacts.domain.StakeholderRole;
import io.rapport.contacts.domain.StakeholderRoleRepository;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.contacts.mapping.StakeholderRoleMapper;
import io.rapport.contacts.rest.dto.StakeholderRoleRequest;
import io.rapport.contacts.rest.dto.StakeholderRoleView;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;

/**
 * A contact's stakeholder roles. Ending a role (DELETE) keeps it as history: its end date becomes
 * today unless it already ended earlier, and it is no longer open.
 */
@ApplicationScoped
public class StakeholderRoleService {

    private final StakeholderRoleRepository roles;
    private final ContactRepository contacts;
    private final StakeholderRoleMapper mapper;
    private final ContactEvents events;
    private final Clock clock;

    public StakeholderRoleService(StakeholderRoleRepository roles, ContactRepository contacts,
                                  StakeholderRoleMapper mapper, ContactEvents events, Clock clock) {
        this.roles = roles;
        this.contacts = contacts;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    public static String rolePath(UUID contactId, UUID roleId) {
        return ContactService.contactPath(contactId) + "/stakeholder-roles/" + roleId;
    }

    /** One page of the contact's roles (by startDate, then id); empty when there is no such contact. */
    @Transactional
    public Optional<PageResponse<StakeholderRoleView>> listRoles(UUID contactId, String page, String size) {
        Paging paging = Paging.parse(page, size);
        if (contacts.findByIdOptional(contactId).isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = today();
        List<StakeholderRoleView> items = roles.findByContact(contactId, paging.page(), paging.size()).stream()
            .map(r -> mapper.toView(r, today)).toList();
        return Optional.of(new PageResponse<>(items, paging.page(), paging.size(), roles.countByContact(contactId)));
    }

    @Transactional
    public Optional<StakeholderRoleView> findRoleById(UUID contactId, UUID roleId) {
        return roles.findByIdOptional(roleId).filter(r -> r.contactId.equals(contactId))
            .map(r -> mapper.toView(r, today()));
    }

    /** Empty when there is no such contact. */
    @Transactional
    public Optional<StakeholderRoleView> addRole(UUID contactId, @NotNull @Valid StakeholderRoleRequest request) {
        Optional<Contact> contact = contacts.findByIdForUpdate(contactId); // orders this contact's events
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        ContactService.requireNotErased(contact.get());
        requireDatesInOrder(request);
        Instant now = now();
        StakeholderRole role = new StakeholderRole();
        role.id = UUID.randomUUID();
        role.contactId = contactId;
        mapper.apply(request, role);
        role.version = 1;
        role.createdAt = now;
        role.updatedAt = now;
        roles.persist(role);
        events.stakeholderRole(ContactEvents.STAKEHOLDER_ROLE_ADDED, role, now);
        return Optional.of(mapper.toView(role, today()));
    }

    /** Empty when there is no such contact or role. */
    @Transactional
    public Optional<StakeholderRoleView> replaceRole(UUID contactId, UUID roleId, String ifMatch,
                                                    @NotNull @Valid StakeholderRoleRequest request) {
        Optional<Contact> contact = contacts.findByIdForUpdate(contactId);
        Optional<StakeholderRole> found = contact.isEmpty() ? Optional.empty() : roles.findForUpdate(contactId, roleId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StakeholderRole role = found.get();
        Preconditions.requireIfMatch(ifMatch, role.version);
        if (role.endedAt != null) {
            throw ProblemException.conflict("stakeholder role " + roleId + " was ended and can no longer change");
        }
        requireDatesInOrder(request);
        Instant now = now();
        mapper.apply(request, role);
        role.version++;
        role.updatedAt = now;
        events.stakeholderRole(ContactEvents.STAKEHOLDER_ROLE_UPDATED, role, now);
        return Optional.of(mapper.toView(role, today()));
    }

    /** Ends the role; false when there is no such contact or role. Ending an ended role changes nothing. */
    @Transactional
    public boolean endRole(UUID contactId, UUID roleId) {
        Optional<Contact> contact = contacts.findByIdForUpdate(contactId);
        Optional<StakeholderRole> found = contact.isEmpty() ? Optional.empty() : roles.findForUpdate(contactId, roleId);
        if (found.isEmpty()) {
            return false;
        }
        StakeholderRole role = found.get();
        if (role.endedAt == null) {
            Instant now = now();
            LocalDate today = today();
            role.endedAt = now;
            if (role.endDate == null || role.endDate.isAfter(today)) {
                role.endDate = today.isBefore(role.startDate) ? role.startDate : today;
            }
            role.version++;
            role.updatedAt = now;
            events.stakeholderRole(ContactEvents.STAKEHOLDER_ROLE_ENDED, role, now);
        }
        return true;
    }

    private static void requireDatesInOrder(StakeholderRoleRequest request) {
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw Problems.field("endDate", "must not be before startDate");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
