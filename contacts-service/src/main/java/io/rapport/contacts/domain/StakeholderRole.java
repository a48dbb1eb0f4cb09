package io.rapport.contacts.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A contact's role on a project. Open while not ended and its end date (if any) is not past. */
@Entity
@Table(name = "stakeholder_role")
public class StakeholderRole extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(name = "project_code", nullable = false, length = 40)
    public String projectCode;

    @Column(name = "project_name", nullable = false, length = 200)
    public String projectName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ProjectRole role;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** When the role was ended through the API (DELETE); null while it has not been. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOpen(LocalDate today) {
        return endedAt == null && (endDate == null || !endDate.isBefore(today));
    }
}
