package io.rapport.engagement.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The read model of one contact, from contacts-service's events: only what this service needs (id,
 * business unit, status), deliberately no personal data. An erased contact stays as an ERASED
 * tombstone, so older events arriving late cannot bring it back.
 */
@Entity
@Table(name = "contact_ref")
public class ContactRef {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "business_unit_id")
    public UUID businessUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ContactStatus status;

    /** The contact's version in contacts-service; an event with a lower or equal version is stale. */
    @Column(name = "contact_version", nullable = false)
    public long contactVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
