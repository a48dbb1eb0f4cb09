package io.rapport.analytics.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What analytics holds of a contact: ids, status, the PMO owner's email, seniority, the stay-in-touch
 * and influence fields, and until when it holds an open stakeholder role; no name, email or phone.
 * Written only by the contact-topic fold.
 */
@Entity
@Table(name = "contact")
public class ContactEntity {
    public static final String ERASED = "ERASED";

    @Id
    public UUID id;
    @Column(name = "business_unit_id", nullable = false)
    public UUID businessUnitId;
    @Column(nullable = false, length = 10)
    public String status;
    @Column(name = "owner_email", length = 254)
    public String ownerEmail;
    @Column(nullable = false)
    public long version;
    /**
     * Latest end date of an open stakeholder role (9999-12-31 when open-ended); null: none. Read-only
     * here: written by the role fold's statement from the stored roles.
     */
    @Column(name = "stakeholder_until", insertable = false, updatable = false)
    public LocalDate stakeholderUntil;
    @Column(length = 20)
    public String seniority;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "cadence_days")
    public Integer cadenceDays;
    @Column(length = 6)
    public String influence;
    @Column(length = 6)
    public String interest;
    @Column(length = 10)
    public String stance;

    public boolean erased() {
        return ERASED.equals(status);
    }
}
