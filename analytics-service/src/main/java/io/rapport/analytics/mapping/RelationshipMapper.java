package io.rapport.analytics.mapping;

import java.util.List;

import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.Factors;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.rest.dto.Dtos.CoverageItem;
import io.rapport.analytics.rest.dto.Dtos.Edge;
import io.rapport.analytics.rest.dto.Dtos.EngagementSummaryDto;
import io.rapport.analytics.rest.dto.Dtos.ExpiringStakeholderItem;
import io.rapport.analytics.rest.dto.Dtos.ExpiringStakeholderPage;
import io.rapport.analytics.rest.dto.Dtos.FactorsDto;
import io.rapport.analytics.rest.dto.Dtos.GoingColdItem;
import io.rapport.analytics.rest.dto.Dtos.GoingColdPage;
import io.rapport.analytics.rest.dto.Dtos.Network;
import io.rapport.analytics.rest.dto.Dtos.Node;
import io.rapport.analytics.rest.dto.Dtos.RelationshipDto;
import io.rapport.analytics.rest.dto.Dtos.RelationshipPage;
import io.rapport.analytics.rest.dto.Dtos.ValueItem;
import io.rapport.analytics.service.Views;

/** The services' views to the API's bodies. */
public final class RelationshipMapper {

    private RelationshipMapper() {
    }

    public static RelationshipDto toDto(Views.Relationship r) {
        RelationshipScore s = r.score();
        Factors f = s.factors();
        List<EngagementSummaryDto> last = r.lastEngagements() == null ? null
            : r.lastEngagements().stream().map(RelationshipMapper::toSummary).toList();
        return new RelationshipDto(r.contactId(), r.businessUnitId(), r.kind(), s.score(), s.band(), s.trend(),
            new FactorsDto(f.recencyDays(), f.frequency90d(), f.depthHours(), f.sentiment(), f.reciprocity(),
                f.hoursGiven(), f.hoursReceived()),
            s.nextBand(), s.dropsOn(), s.coldOn(), s.lastEngagementAt(), r.owner(), last);
    }

    public static RelationshipPage toPage(Views.Page<Views.Relationship> page) {
        return new RelationshipPage(page.items().stream().map(RelationshipMapper::toDto).toList(), page.page(), page.size(),
            page.total());
    }

    /** A stored engagement state as listed in {@code lastEngagements}. */
    public static EngagementSummaryDto toSummary(EngagementSnapshot e) {
        return new EngagementSummaryDto(e.id(), e.type().name(), e.status().name(), e.startAt(), e.endAt(), e.direction().name(),
            e.effortHours(), e.sentiment(), e.completedAt());
    }

    public static CoverageItem toDto(Views.UnitCoverage u) {
        return new CoverageItem(u.businessUnitId(), u.code(), u.name(), u.strength(), u.strongestContactId(), u.warmContacts(),
            u.gap(), u.singlePoint());
    }

    public static GoingColdPage toGoingCold(Views.Page<Views.GoingCold> page) {
        return new GoingColdPage(page.items().stream().map(g -> new GoingColdItem(g.contactId(), g.score(), g.band(),
            g.nextBand(), g.dropsOn())).toList(), page.page(), page.size(), page.total());
    }

    public static ExpiringStakeholderPage toExpiring(Views.Page<Views.ExpiringStakeholder> page) {
        return new ExpiringStakeholderPage(page.items().stream().map(e -> new ExpiringStakeholderItem(e.contactId(),
            e.projectCode(), e.endDate(), e.score(), e.band())).toList(), page.page(), page.size(), page.total());
    }

    public static ValueItem toDto(Views.UnitValue v) {
        return new ValueItem(v.businessUnitId(), v.hoursGiven(), v.hoursReceived(), v.hoursMutual(), v.engagementsByType(),
            v.secondeeDays());
    }

    public static Network toDto(Views.Network n) {
        return new Network(n.nodes().stream().map(x -> new Node(x.id(), x.kind(), x.label())).toList(),
            n.edges().stream().map(e -> new Edge(e.source(), e.target(), e.strength())).toList(), n.totalContacts());
    }
}
