package io.rapport.analytics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.Forecast;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.persistence.InsightQueries;
import io.rapport.analytics.persistence.InsightQueries.BandRange;

/**
 * Coverage per unit, relationships going cold, stakeholder roles expiring: each from the stored rows
 * with a fixed number of index scans, whatever the history's size.
 */
@ApplicationScoped
@Transactional
public class InsightService {

    private final EntityManager em;
    private final ScoringParameters params;
    private final AnalyticsClock clock;
    private final LogStrength log;

    public InsightService(EntityManager em, ScoringParameters params, AnalyticsClock clock) {
        this.em = em;
        this.params = params;
        this.clock = clock;
        this.log = new LogStrength(params);
    }

    /**
     * Per unit not deleted: the noisy-OR of its ACTIVE contacts' scores (= the score of their summed
     * strength), its strongest contact (lowest id among equals), how many are WARM or better.
     */
    public List<Views.UnitCoverage> coverage() {
        Instant now = clock.now();
        double warmL = log.atLeast(params.warmThreshold(), now);
        return Jdbc.call(em, c -> {
            List<Views.UnitCoverage> items = new ArrayList<>();
            for (InsightQueries.UnitRow u : InsightQueries.units(c, warmL, params.halfLifeSeconds())) {
                double strength = params.score(u.strength().strengthAt(now));
                items.add(new Views.UnitCoverage(u.id(), u.code(), u.name(), strength, u.strongestContactId(), u.warmContacts(),
                    u.warmContacts() == 0, u.warmContacts() == 1));
            }
            return items;
        });
    }

    /**
     * Relationships not COLD whose band drops by the end of day {@code today + withinDays} (UTC) if
     * nothing more happens, soonest first (ties by contact id); {@code size} null: all of them.
     */
    public Views.Page<Views.GoingCold> goingCold(int withinDays, int page, Integer size) {
        Instant now = clock.now();
        LocalDate lastDay = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(withinDays);
        double until = log.halfLives(lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        List<BandRange> bands = new ArrayList<>();
        for (Band b : List.of(Band.COOL, Band.WARM, Band.STRONG)) {
            Double upper = log.upper(b, now);
            bands.add(new BandRange(log.lower(b, now), upper == null ? Double.MAX_VALUE : upper,
                log.log2Threshold(params.lowerThreshold(b))));
        }
        return Jdbc.call(em, c -> {
            List<Views.GoingCold> items = new ArrayList<>();
            for (InsightQueries.ColdRow row : InsightQueries.goingCold(c, bands, until, size, (long) page * (size == null ? 0 : size),
                params.halfLifeSeconds())) {
                double s = row.state().strengthAt(now);
                double score = params.score(s);
                Forecast.Result f = Forecast.of(s, now, params);
                if (f.dropsAt() == null) {
                    continue; // at a band's edge to the last bit: the stored form and the exact sum disagree
                }
                items.add(new Views.GoingCold(row.state().contactId(), score, params.band(score), f.nextBand(),
                    LocalDate.ofInstant(f.dropsAt(), ZoneOffset.UTC), f.dropsAt()));
            }
            long total = size == null ? items.size() : InsightQueries.countGoingCold(c, bands, until);
            return new Views.Page<>(items, page, size == null ? items.size() : size, total);
        });
    }

    /** Open stakeholder roles ending from today to today + {@code withinDays}, of contacts below WARM. */
    public Views.Page<Views.ExpiringStakeholder> expiringStakeholders(int withinDays, int page, Integer size) {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double warmL = log.atLeast(params.warmThreshold(), now);
        return Jdbc.call(em, c -> {
            List<Views.ExpiringStakeholder> items = new ArrayList<>();
            for (InsightQueries.RoleRow r : InsightQueries.expiringRoles(c, today, today.plusDays(withinDays), warmL, size,
                (long) page * (size == null ? 0 : size), params.halfLifeSeconds())) {
                double score = params.score(r.state().strengthAt(now));
                items.add(new Views.ExpiringStakeholder(r.contactId(), r.projectCode(), r.endDate(), score, params.band(score)));
            }
            long total = size == null ? items.size() : InsightQueries.countExpiringRoles(c, today, today.plusDays(withinDays), warmL);
            return new Views.Page<>(items, page, size == null ? items.size() : size, total);
        });
    }
}
