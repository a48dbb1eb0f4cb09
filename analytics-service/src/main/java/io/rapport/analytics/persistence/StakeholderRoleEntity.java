package io.rapport.analytics.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact's stakeholder role on a project. */
@Entity
@Table(name = "stakeholder_role")
public class StakeholderRoleEntity {
    @Id
    public UUID id;
    @Column(name = "contact_id", nullable = false)
    public UUID contactId;
    @Column(name = "project_code", nullable = false, length = 40)
    public String projectCode;
    @Column(nullable = false, length = 30)
    public String role;
    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(nullable = false)
    public boolean ended;
}
