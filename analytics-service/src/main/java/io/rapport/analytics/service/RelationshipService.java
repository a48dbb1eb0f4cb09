package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.persistence.EngagementRows;
import io.rapport.analytics.persistence.RelationshipQueries;
import io.rapport.analytics.persistence.RelationshipQueries.ListQuery;
import io.rapport.analytics.persistence.RelationshipQueries.Row;
import io.rapport.analytics.persistence.StoredEngagement;

/**
 * Relationships, one or a page of them, from the stored rows ({@link RelationshipReader}). Erased and
 * unknown contacts are not shown; contacts that LEFT keep their relationship (it is history).
 */
@ApplicationScoped
@Transactional
public class RelationshipService {

    /** How many engagements {@code lastEngagements} lists at most. */
    public static final int LAST_ENGAGEMENTS = 5;

    /** The list's filters, order and page, as the API gives them. */
    public record ListRequest(UUID businessUnitId, Band band, String owner, String kind, boolean byLastEngagement,
                              boolean ascending, int page, int size) {
    }

    private final EntityManager em;
    private final RelationshipReader reader;
    private final AnalyticsClock clock;
    private final LogStrength log;

    public RelationshipService(EntityManager em, RelationshipReader reader, AnalyticsClock clock) {
        this.em = em;
        this.reader = reader;
        this.clock = clock;
        this.log = new LogStrength(reader.parameters());
    }

    /**
     * The contact's relationship at {@code at} (null: now) with its last engagements. At or after now it
     * is the stored state, decaying if nothing more happens; before now it is recomputed by the model
     * from the contact's stored engagements, counting the slices credited by then.
     */
    public Optional<Views.Relationship> relationship(UUID contactId, Instant at) {
        return Jdbc.call(em, c -> {
            Optional<Row> row = RelationshipQueries.one(c, contactId, reader.parameters().halfLifeSeconds());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.now();
            Views.Relationship r = at == null || !at.isBefore(now)
                ? reader.evaluate(c, List.of(row.get()), at == null ? now : at).get(0)
                : inThePast(c, row.get(), at, now);
            return Optional.of(new Views.Relationship(r.contactId(), r.businessUnitId(), r.kind(), r.owner(), r.score(),
                lastEngagements(c, contactId)));
        });
    }

    private Views.Relationship inThePast(Connection c, Row row, Instant at, Instant now) throws SQLException {
        UUID contactId = row.state().contactId();
        List<StoredEngagement> all = new ArrayList<>(EngagementRows.find(c, RelationshipQueries.allEngagements(c, contactId)).values());
        all.sort(Comparator.comparing(StoredEngagement::id));
        RelationshipModel model = new RelationshipModel(reader.parameters());
        for (StoredEngagement e : all) {
            if (!e.cancelled() && e.snapshot().status().contributes()) {
                model.apply(EngagementEvent.logged(e.eventId(), e.version(), e.snapshot()));
            }
        }
        RelationshipScore score = model.relationship(contactId, at);
        return new Views.Relationship(contactId, row.state().businessUnitId(),
            RelationshipReader.kind(row, java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)), row.owner(), score, null);
    }

    /** The contact's latest engagements as stored: latest start first, ties by id, cancelled ones excluded. */
    private static List<EngagementSnapshot> lastEngagements(Connection c, UUID contactId) throws SQLException {
        List<UUID> ids = RelationshipQueries.latestEngagements(c, contactId, LAST_ENGAGEMENTS);
        Map<UUID, StoredEngagement> rows = EngagementRows.find(c, ids);
        List<EngagementSnapshot> result = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            StoredEngagement e = rows.get(id);
            if (e != null) {
                result.add(e.snapshot());
            }
        }
        return result;
    }

    public Views.Page<Views.Relationship> list(ListRequest request) {
        Instant now = clock.now();
        ListQuery q = new ListQuery(request.businessUnitId(), request.owner(),
            request.kind() == null ? null : "STAKEHOLDER".equals(request.kind()),
            java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC),
            request.band() == null ? null : log.lower(request.band(), now),
            request.band() == null ? null : log.upper(request.band(), now),
            request.band() == Band.COLD, request.byLastEngagement(), request.ascending(), request.page(), request.size());
        return Jdbc.call(em, c -> {
            List<Row> rows = RelationshipQueries.page(c, q, reader.parameters().halfLifeSeconds());
            long total = RelationshipQueries.count(c, q);
            return new Views.Page<>(reader.evaluate(c, rows, now), request.page(), request.size(), total);
        });
    }
}
