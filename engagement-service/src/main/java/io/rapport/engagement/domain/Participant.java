package io.rapport.engagement.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A contact taking part in an engagement, with the business unit it belonged to at the time. */
@Embeddable
public class Participant {

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ParticipantRole role;

    @Column(name = "business_unit_id")
    public UUID businessUnitId;

    public Participant() {
    }

    public Participant(UUID contactId, ParticipantRole role, UUID businessUnitId) {
        this.contactId = contactId;
        this.role = role;
        this.businessUnitId = businessUnitId;
    }
}
