package io.rapport.analytics.mapping;

import io.rapport.analytics.model.Factors;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.persistence.ContactEntity;
import io.rapport.analytics.persistence.EngagementEntity;
import io.rapport.analytics.rest.dto.Dtos.EngagementSummaryDto;
import io.rapport.analytics.rest.dto.Dtos.FactorsDto;
import io.rapport.analytics.rest.dto.Dtos.RelationshipDto;

/** Model results and stored rows to API bodies. */
public final class RelationshipMapper {

    private RelationshipMapper() {
    }

    public static RelationshipDto toDto(ContactEntity contact, RelationshipScore s) {
        Factors f = s.factors();
        return new RelationshipDto(contact.id, contact.businessUnitId, contact.kind, s.score(), s.band(), s.trend(),
            new FactorsDto(f.recencyDays(), f.frequency90d(), f.depthHours(), f.sentiment(), f.reciprocity(),
                f.hoursGiven(), f.hoursReceived()),
            s.nextBand(), s.dropsOn(), s.coldOn(), s.lastEngagementAt(), contact.ownerEmail, null);
    }

    /** A stored engagement state as listed in {@code lastEngagements}. */
    public static EngagementSummaryDto toSummary(EngagementEntity e) {
        return new EngagementSummaryDto(e.id, e.type, e.status, e.startAt, e.endAt, e.direction, e.effortHours, e.sentiment);
    }
}
