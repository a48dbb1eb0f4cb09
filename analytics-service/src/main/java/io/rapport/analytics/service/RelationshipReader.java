package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.analytics.model.ContributionCalculator;
import io.rapport.analytics.model.EngagementContribution;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.Slice;
import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.persistence.EngagementRows;
import io.rapport.analytics.persistence.RelationshipQueries;
import io.rapport.analytics.persistence.RelationshipQueries.Recent;
import io.rapport.analytics.persistence.RelationshipQueries.Row;
import io.rapport.analytics.persistence.StoredEngagement;

/**
 * Evaluates stored relationship rows at "now": score, band and forecast from the row alone; the trend
 * and {@code frequency90d} from the recent engagements of just these contacts (one query on the
 * participant index, one for the engagements of the last 30 days), never from the whole history.
 */
@ApplicationScoped
public class RelationshipReader {

    private final ScoringParameters params;

    public RelationshipReader(ScoringParameters params) {
        this.params = params;
    }

    public ScoringParameters parameters() {
        return params;
    }

    /** The relationships of the rows, in their order. */
    public List<Views.Relationship> evaluate(Connection c, List<Row> rows, Instant now) throws SQLException {
        List<UUID> ids = rows.stream().map(r -> r.state().contactId()).toList();
        Instant trendFrom = now.minus(ScoringParameters.TREND_WINDOW);
        Map<UUID, List<Recent>> recent = RelationshipQueries.recent(c, ids, now.minus(ScoringParameters.FREQUENCY_WINDOW), now);
        Set<UUID> trendEngagements = new HashSet<>();
        recent.values().forEach(list -> list.forEach(r -> {
            if (r.activityEnd().isAfter(trendFrom)) {
                trendEngagements.add(r.engagementId());
            }
        }));
        Map<UUID, StoredEngagement> engagements = EngagementRows.find(c, trendEngagements);
        Map<UUID, EngagementContribution> contributions = new HashMap<>();
        List<Views.Relationship> result = new ArrayList<>(rows.size());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Row row : rows) {
            RelationshipScore score = evaluate(row.state(), recent.getOrDefault(row.state().contactId(), List.of()),
                engagements, contributions, now, params);
            result.add(new Views.Relationship(row.state().contactId(), row.state().businessUnitId(), kind(row, today),
                row.owner(), score, null));
        }
        return result;
    }

    /**
     * One stored state at {@code now}: {@code recent} are its contributing engagements started by now whose
     * activity reaches into the last 90 days (their count is {@code frequency90d}); the slices of those
     * reaching into the last 30 days, as far as credited, give the trend.
     */
    public static RelationshipScore evaluate(StoredRelationship state, List<Recent> recent, Map<UUID, StoredEngagement> engagements,
        Map<UUID, EngagementContribution> contributions, Instant now, ScoringParameters params) {
        Instant trendFrom = now.minus(ScoringParameters.TREND_WINDOW);
        List<Slice> window = new ArrayList<>();
        for (Recent r : recent) {
            StoredEngagement e = engagements.get(r.engagementId());
            if (e == null || e.creditedUntil() == null || !r.activityEnd().isAfter(trendFrom)) {
                continue;
            }
            Instant credited = e.creditedUntil().isAfter(now) ? now : e.creditedUntil();
            for (Slice s : contributions.computeIfAbsent(e.id(),
                k -> ContributionCalculator.contribution(e.snapshot(), params)).slices()) {
                if (s.at().isAfter(trendFrom) && !s.at().isAfter(credited)) {
                    window.add(s);
                }
            }
        }
        return state.evaluate(now, window, recent.size(), params);
    }

    /** STAKEHOLDER while the contact holds a role not ended whose end date (if any) is today or later. */
    static String kind(Row row, LocalDate today) {
        return row.stakeholderUntil() != null && !row.stakeholderUntil().isBefore(today) ? "STAKEHOLDER" : "INTERNAL";
    }
}
