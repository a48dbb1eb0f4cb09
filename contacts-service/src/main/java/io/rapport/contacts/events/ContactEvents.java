package io.rapport.contacts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rapport.contacts.domain.BusinessUnit;
import io.rapport.contacts.domain.Contact;
import io.rapport.contacts.domain.ContactKind;
import io.rapport.contacts.domain.StakeholderRole;
import io.rapport.platform.outbox.OutboundEvent;
import io.rapport.platform.outbox.Outbox;

/**
 * The events of {@code rapport.contacts.v1}, written to the outbox in the caller's transaction.
 * Key: the business unit id for unit events, the contact id for contact and stakeholder-role
 * events (so one contact's events, roles included, stay in order). Bodies follow the JSON Schemas
 * in {@code src/main/resources/schemas/events/}.
 */
@ApplicationScoped
public class ContactEvents {

    public static final String TOPIC = "rapport.contacts.v1";
    public static final String SCHEMA_BASE = "https://rapport.example/schemas/events/";

    public static final String BUSINESS_UNIT_CREATED = "rapport.business-unit.created.v1";
    public static final String BUSINESS_UNIT_UPDATED = "rapport.business-unit.updated.v1";
    public static final String BUSINESS_UNIT_DELETED = "rapport.business-unit.deleted.v1";
    /** Version 2 (cadenceDays, influence, interest, stance added): published since 2026-12-02. */
    public static final String CONTACT_CREATED = "rapport.contact.created.v2";
    public static final String CONTACT_UPDATED = "rapport.contact.updated.v2";
    public static final String CONTACT_LEFT = "rapport.contact.left.v2";
    public static final String CONTACT_ERASED = "rapport.contact.erased.v1";
    public static final String STAKEHOLDER_ROLE_ADDED = "rapport.stakeholder-role.added.v1";
    public static final String STAKEHOLDER_ROLE_UPDATED = "rapport.stakeholder-role.updated.v1";
    public static final String STAKEHOLDER_ROLE_ENDED = "rapport.stakeholder-role.ended.v1";

    public static final List<String> ALL_TYPES = List.of(BUSINESS_UNIT_CREATED, BUSINESS_UNIT_UPDATED,
        BUSINESS_UNIT_DELETED, CONTACT_CREATED, CONTACT_UPDATED, CONTACT_LEFT, CONTACT_ERASED, STAKEHOLDER_ROLE_ADDED,
        STAKEHOLDER_ROLE_UPDATED, STAKEHOLDER_ROLE_ENDED);

    /**
     * Types published before and no longer: version 1 of created / updated / left (without the four fields of
     * version 2). They may still be on the topic, so their schemas stay, and consumers accept both versions.
     */
    public static final List<String> EARLIER_TYPES = List.of("rapport.contact.created.v1", "rapport.contact.updated.v1",
        "rapport.contact.left.v1");

    private final Outbox outbox;

    public ContactEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The schema file of a type: {@code contact.created.v1.schema.json} for {@code rapport.contact.created.v1}. */
    public static String schemaFile(String type) {
        return type.substring("rapport.".length()) + ".schema.json";
    }

    public void businessUnit(String type, BusinessUnit unit, Instant occurredAt) {
        publish(type, unit.id, "business-units/" + unit.id, new BusinessUnitBody(unit.id, unit.code, unit.name,
            unit.parentId, unit.version, occurredAt));
    }

    public void contact(String type, Contact contact, ContactKind kind, Instant occurredAt) {
        outbox.publish(contactEvent(type, contact, kind, occurredAt));
    }

    /** Bulk operations: the events of many contacts, written at once. */
    public void publishAll(List<OutboundEvent> events) {
        outbox.publishAll(events);
    }

    public OutboundEvent contactEvent(String type, Contact contact, ContactKind kind, Instant occurredAt) {
        OwnerBody owner = contact.ownerEmail == null ? null : new OwnerBody(contact.ownerName, contact.ownerEmail);
        return outbound(type, contact.id, "contacts/" + contact.id, new ContactBody(contact.id, contact.businessUnitId,
            contact.status.name(), contact.fullName, contact.email, contact.phone, contact.jobTitle,
            contact.seniority == null ? null : contact.seniority.name(),
            contact.expertise == null ? List.of() : List.of(contact.expertise), owner, kind.name(), contact.cadenceDays,
            nameOf(contact.influence), nameOf(contact.interest), nameOf(contact.stance), contact.version, occurredAt));
    }

    public void contactErased(Contact contact, Instant occurredAt) {
        publish(CONTACT_ERASED, contact.id, "contacts/" + contact.id, new ContactErasedBody(contact.id,
            contact.businessUnitId, contact.status.name(), contact.version, occurredAt));
    }

    public void stakeholderRole(String type, StakeholderRole role, Instant occurredAt) {
        publish(type, role.contactId, "contacts/" + role.contactId + "/stakeholder-roles/" + role.id,
            new StakeholderRoleBody(role.id, role.contactId, role.projectCode, role.projectName, role.role.name(),
                role.startDate, role.endDate, occurredAt));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void publish(String type, UUID key, String subject, Object body) {
        outbox.publish(outbound(type, key, subject, body));
    }

    private static OutboundEvent outbound(String type, UUID key, String subject, Object body) {
        return new OutboundEvent(TOPIC, key.toString(), type, subject, SCHEMA_BASE + schemaFile(type), body);
    }

    public record BusinessUnitBody(UUID businessUnitId, String code, String name, UUID parentId, long version,
                                   Instant occurredAt) {
    }

    public record OwnerBody(String name, String email) {
    }

    /** The body of contact created / updated / left, version 2. Nulls are written (the schema requires every field). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContactBody(UUID contactId, UUID businessUnitId, String status, String fullName, String email,
                              String phone, String jobTitle, String seniority, List<String> expertise, OwnerBody owner,
                              String kind, Integer cadenceDays, String influence, String interest, String stance,
                              long version, Instant occurredAt) {
    }

    public record ContactErasedBody(UUID contactId, UUID businessUnitId, String status, long version, Instant occurredAt) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StakeholderRoleBody(UUID roleId, UUID contactId, String projectCode, String projectName, String role,
                                      LocalDate startDate, LocalDate endDate, Instant occurredAt) {
    }
}
