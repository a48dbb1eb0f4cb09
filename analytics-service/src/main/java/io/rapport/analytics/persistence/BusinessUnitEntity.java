package io.rapport.analytics.persistence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A business unit as last seen on rapport.contacts.v1. */
@Entity
@Table(name = "business_unit")
public class BusinessUnitEntity {
    @Id
    public UUID id;
    @Column(nullable = false, length = 20)
    public String code;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(nullable = false)
    public long version;
    @Column(nullable = false)
    public boolean deleted;
}
