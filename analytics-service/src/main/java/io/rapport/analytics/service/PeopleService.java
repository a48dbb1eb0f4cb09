package io.rapport.analytics.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.persistence.PeopleQueries;
import io.rapport.analytics.persistence.PeopleQueries.PersonRow;
import io.rapport.analytics.persistence.PeopleQueries.TagRow;

/**
 * Stay in touch, who knows what, where influence is (API.md, "Stay in touch, expertise, influence"):
 * overdue contacts, expertise search and gaps, the stakeholder map and influence gaps. ACTIVE contacts
 * only: erased ones are gone and those who LEFT are no longer someone to meet, ask or win over.
 */
@ApplicationScoped
@Transactional
public class PeopleService {

    public static final String BELOW_WARM = "BELOW_WARM";

    private final EntityManager em;
    private final ScoringParameters params;
    private final AnalyticsClock clock;
    private final LogStrength log;

    public PeopleService(EntityManager em, ScoringParameters params, AnalyticsClock clock) {
        this.em = em;
        this.params = params;
        this.clock = clock;
        this.log = new LogStrength(params);
    }

    /**
     * ACTIVE contacts whose last engagement (any non-cancelled one: its activity's end) or, never engaged, whose
     * creation is older than their cadence; most overdue first.
     */
    public Views.Page<Views.Overdue> overdue(UUID unit, String owner, int page, int size) {
        Instant now = clock.now();
        return Jdbc.call(em, c -> {
            List<Views.Overdue> items = new ArrayList<>();
            for (PersonRow r : PeopleQueries.overdue(c, now, unit, owner, size, (long) page * size, params.halfLifeSeconds())) {
                double score = params.score(r.state().strengthAt(now));
                items.add(new Views.Overdue(r.state().contactId(), r.owner(), r.state().cadenceDays(), r.state().lastTouchAt(),
                    LocalDate.ofInstant(r.dueAt(), ZoneOffset.UTC), Duration.between(r.dueAt(), now).toDays(), score,
                    params.band(score)));
            }
            return new Views.Page<>(items, page, size, PeopleQueries.countOverdue(c, now, unit, owner));
        });
    }

    /**
     * Tags starting with {@code prefix} (lower-cased), in tag order, each with its {@code perTag} strongest ACTIVE
     * holders and how many of them are WARM or better.
     */
    public Views.Page<Views.Expertise> expertise(String prefix, int perTag, int page, int size) {
        Instant now = clock.now();
        double warmL = log.atLeast(params.warmThreshold(), now);
        return Jdbc.call(em, c -> {
            List<TagRow> tags = PeopleQueries.tags(c, prefix, size, (long) page * size);
            List<String> names = tags.stream().map(TagRow::tag).toList();
            Map<String, List<PersonRow>> holders = PeopleQueries.strongestHolders(c, names, perTag, params.halfLifeSeconds());
            Map<String, Integer> warm = PeopleQueries.warmHolders(c, names, warmL);
            List<Views.Expertise> items = new ArrayList<>();
            for (TagRow t : tags) {
                items.add(new Views.Expertise(t.tag(), holders.get(t.tag()).stream().map(r -> holder(r, now)).toList(),
                    warm.getOrDefault(t.tag(), 0), t.holders()));
            }
            return new Views.Page<>(items, page, size, PeopleQueries.countTags(c, prefix));
        });
    }

    /** Tags held only by COLD or COOL relationships, in tag order, each with its strongest holder. */
    public List<Views.ExpertiseGap> expertiseGaps() {
        Instant now = clock.now();
        double warmL = log.atLeast(params.warmThreshold(), now);
        return Jdbc.call(em, c -> {
            List<Views.ExpertiseGap> items = new ArrayList<>();
            for (Map.Entry<TagRow, PersonRow> e : PeopleQueries.expertiseGaps(c, warmL, params.halfLifeSeconds())) {
                Views.Holder best = holder(e.getValue(), now);
                if (!best.band().warmOrBetter()) { // the index range and the exact sum agree except at a band's very edge
                    items.add(new Views.ExpertiseGap(e.getKey().tag(), e.getKey().holders(), best));
                }
            }
            return items;
        });
    }

    /** The power/interest grid of the stakeholders (of a project, of a unit), strongest first. */
    public Views.Page<Views.StakeholderMapEntry> stakeholderMap(UUID unit, String projectCode, int page, Integer size) {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return Jdbc.call(em, c -> {
            List<Views.StakeholderMapEntry> items = new ArrayList<>();
            for (PersonRow r : PeopleQueries.stakeholderMap(c, unit, projectCode, today, size,
                (long) page * (size == null ? 0 : size), params.halfLifeSeconds())) {
                double score = params.score(r.state().strengthAt(now));
                items.add(new Views.StakeholderMapEntry(r.state().contactId(), r.influence(), r.interest(), r.stance(), score,
                    params.band(score), quadrant(r.influence(), r.interest())));
            }
            long total = size == null ? items.size() : PeopleQueries.countStakeholderMap(c, unit, projectCode, today);
            return new Views.Page<>(items, page, size == null ? items.size() : size, total);
        });
    }

    /** Power/interest grid: HIGH is the high half; MEDIUM, LOW and unassessed the low half. */
    public static String quadrant(String influence, String interest) {
        boolean power = "HIGH".equals(influence);
        boolean keen = "HIGH".equals(interest);
        return power ? (keen ? "MANAGE_CLOSELY" : "KEEP_SATISFIED") : (keen ? "KEEP_INFORMED" : "MONITOR");
    }

    /** HIGH-influence contacts below WARM and sceptics or resistors: highest influence, then weakest first. */
    public Views.Page<Views.InfluenceGap> influenceGaps(int page, int size) {
        Instant now = clock.now();
        double warmL = log.atLeast(params.warmThreshold(), now);
        return Jdbc.call(em, c -> {
            List<Views.InfluenceGap> items = new ArrayList<>();
            for (PersonRow r : PeopleQueries.influenceGaps(c, warmL, size, (long) page * size, params.halfLifeSeconds())) {
                double score = params.score(r.state().strengthAt(now));
                Band band = params.band(score);
                List<String> reasons = new ArrayList<>();
                if ("HIGH".equals(r.influence()) && !band.warmOrBetter()) {
                    reasons.add(BELOW_WARM);
                }
                if ("SCEPTIC".equals(r.stance()) || "RESISTOR".equals(r.stance())) {
                    reasons.add(r.stance());
                }
                items.add(new Views.InfluenceGap(r.state().contactId(), r.state().businessUnitId(), r.owner(), r.influence(),
                    r.interest(), r.stance(), score, band, reasons));
            }
            return new Views.Page<>(items, page, size, PeopleQueries.countInfluenceGaps(c, warmL));
        });
    }

    private Views.Holder holder(PersonRow r, Instant now) {
        double score = params.score(r.state().strengthAt(now));
        return new Views.Holder(r.state().contactId(), r.state().businessUnitId(), score, params.band(score), r.owner());
    }
}
