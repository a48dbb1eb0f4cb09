package io.rapport.analytics.mapping;

import java.util.List;

import io.rapport.analytics.rest.dto.PeopleDtos.ExpertiseGapItem;
import io.rapport.analytics.rest.dto.PeopleDtos.ExpertiseGapList;
import io.rapport.analytics.rest.dto.PeopleDtos.ExpertiseItem;
import io.rapport.analytics.rest.dto.PeopleDtos.ExpertisePage;
import io.rapport.analytics.rest.dto.PeopleDtos.HolderDto;
import io.rapport.analytics.rest.dto.PeopleDtos.InfluenceGapItem;
import io.rapport.analytics.rest.dto.PeopleDtos.InfluenceGapPage;
import io.rapport.analytics.rest.dto.PeopleDtos.OverdueItem;
import io.rapport.analytics.rest.dto.PeopleDtos.OverduePage;
import io.rapport.analytics.rest.dto.PeopleDtos.StakeholderMapItem;
import io.rapport.analytics.rest.dto.PeopleDtos.StakeholderMapPage;
import io.rapport.analytics.service.Views;

/** The people views to the API's bodies. */
public final class PeopleMapper {

    private PeopleMapper() {
    }

    public static OverduePage toOverdue(Views.Page<Views.Overdue> p) {
        return new OverduePage(p.items().stream().map(o -> new OverdueItem(o.contactId(), o.owner(), o.cadenceDays(),
            o.lastEngagementAt(), o.dueOn(), o.overdueDays(), o.score(), o.band())).toList(), p.page(), p.size(), p.total());
    }

    private static HolderDto holder(Views.Holder h) {
        return new HolderDto(h.contactId(), h.businessUnitId(), h.score(), h.band(), h.owner());
    }

    public static ExpertisePage toExpertise(Views.Page<Views.Expertise> p) {
        return new ExpertisePage(p.items().stream().map(e -> new ExpertiseItem(e.tag(),
            e.contacts().stream().map(PeopleMapper::holder).toList(), e.warmContacts(), e.holders())).toList(), p.page(), p.size(),
            p.total());
    }

    public static ExpertiseGapList toGaps(List<Views.ExpertiseGap> gaps) {
        return new ExpertiseGapList(gaps.stream().map(g -> new ExpertiseGapItem(g.tag(), g.holders(), g.strongest().contactId(),
            g.strongest().score(), g.strongest().band(), g.strongest().owner())).toList());
    }

    public static StakeholderMapPage toMap(Views.Page<Views.StakeholderMapEntry> p) {
        return new StakeholderMapPage(p.items().stream().map(e -> new StakeholderMapItem(e.contactId(), e.influence(),
            e.interest(), e.stance(), e.score(), e.band(), e.quadrant())).toList(), p.page(), p.size(), p.total());
    }

    public static InfluenceGapPage toInfluenceGaps(Views.Page<Views.InfluenceGap> p) {
        return new InfluenceGapPage(p.items().stream().map(g -> new InfluenceGapItem(g.contactId(), g.businessUnitId(), g.owner(),
            g.influence(), g.interest(), g.stance(), g.score(), g.band(), g.reasons())).toList(), p.page(), p.size(), p.total());
    }
}
