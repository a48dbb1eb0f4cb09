package io.rapport.analytics.persistence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What analytics holds of a contact: ids, status, kind and the PMO owner's email; no personal field. */
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
    @Column(nullable = false, length = 12)
    public String kind;
    @Column(name = "owner_email", length = 254)
    public String ownerEmail;
    @Column(nullable = false)
    public long version;

    public boolean erased() {
        return ERASED.equals(status);
    }
}
