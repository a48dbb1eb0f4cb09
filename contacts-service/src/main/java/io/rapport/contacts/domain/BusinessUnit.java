package io.rapport.contacts.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A unit of the business (HR, Finance…), optionally inside a parent unit. */
@Entity
@Table(name = "business_unit")
public class BusinessUnit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 20, unique = true)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "parent_id")
    public UUID parentId;

    /** Optimistic-lock counter behind the ETag; the service bumps it on every change. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
