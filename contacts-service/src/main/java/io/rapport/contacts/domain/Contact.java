package io.rapport.contacts.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person the PMO knows. Every personal field is nullable because erasure clears them all,
 * leaving only id, business unit and status {@link ContactStatus#ERASED}.
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "full_name", length = 200)
    public String fullName;

    @Column(length = 254)
    public String email;

    @Column(length = 40)
    public String phone;

    @Column(name = "job_title", length = 200)
    public String jobTitle;

    @Column(name = "business_unit_id", nullable = false)
    public UUID businessUnitId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Seniority seniority;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] expertise;

    @Column(name = "owner_name", length = 200)
    public String ownerName;

    @Column(name = "owner_email", length = 254)
    public String ownerEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ContactStatus status;

    @Column(length = 4000)
    public String notes;

    /** How often the PMO means to engage this contact, in days (1–365); null: the seniority's default. */
    @Column(name = "cadence_days")
    public Integer cadenceDays;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Level influence;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Level interest;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Stance stance;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Clears every personal field (right to erasure). */
    public void erase() {
        fullName = null;
        email = null;
        phone = null;
        jobTitle = null;
        seniority = null;
        expertise = null;
        ownerName = null;
        ownerEmail = null;
        notes = null;
        cadenceDays = null;
        influence = null;
        interest = null;
        stance = null;
        status = ContactStatus.ERASED;
    }
}
