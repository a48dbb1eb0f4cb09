package io.rapport.analytics.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.Slice;
import io.rapport.analytics.persistence.RelationshipQueries;
import io.rapport.analytics.persistence.RelationshipQueries.ListQuery;
import io.rapport.analytics.persistence.RelationshipQueries.Row;
import io.rapport.analytics.persistence.ValueQueries;

/** The value report (from the roll-ups) and the relationship network (a page of contacts at a time). */
@ApplicationScoped
@Transactional
public class ReportService {

    private final EntityManager em;
    private final ScoringParameters params;
    private final AnalyticsClock clock;

    public ReportService(EntityManager em, ScoringParameters params, AnalyticsClock clock) {
        this.em = em;
        this.params = params;
        this.clock = clock;
    }

    /**
     * Effort by direction, engagements by type and secondee days of the ACTIVE/COMPLETED engagements that
     * started in {@code [from, to]} (UTC days, inclusive; null: unbounded), per unit among their
     * participants; units without any such engagement are not listed.
     */
    public List<Views.UnitValue> value(LocalDate from, LocalDate to, UUID businessUnitId) {
        return Jdbc.call(em, c -> {
            List<Views.UnitValue> items = new ArrayList<>();
            for (ValueQueries.UnitSums u : ValueQueries.sums(c, ValueQueries.split(from, to), businessUnitId)) {
                Map<String, Integer> byType = new TreeMap<>();
                for (EngagementType t : EngagementType.values()) {
                    long n = u.byType()[t.ordinal()];
                    if (n != 0) {
                        byType.put(t.name(), (int) n);
                    }
                }
                items.add(new Views.UnitValue(u.businessUnitId(), Slice.hours(u.givenMicros()), Slice.hours(u.receivedMicros()),
                    Slice.hours(u.mutualMicros()), byType, u.secondeeDays()));
            }
            return items;
        });
    }

    /**
     * The network: every unit not deleted, the listed contacts (of {@code businessUnitId} only, when
     * given; strongest first, one page when {@code size} is given, else all) and their PMO owners; edges
     * contact → unit and owner → contact, weighted with the contact's score.
     */
    public Views.Network network(UUID businessUnitId, int page, Integer size) {
        Instant now = clock.now();
        ListQuery q = new ListQuery(businessUnitId, null, null, LocalDate.ofInstant(now, ZoneOffset.UTC), null, null, false,
            false, false, size == null ? 0 : page, size == null ? Integer.MAX_VALUE : size);
        return Jdbc.call(em, c -> {
            List<Views.NetworkNode> nodes = new ArrayList<>();
            List<Views.NetworkEdge> edges = new ArrayList<>();
            Set<UUID> units = new LinkedHashSet<>();
            try (PreparedStatement s = c.prepareStatement("select id, code from business_unit where not deleted"
                + (businessUnitId == null ? "" : " and id = ?") + " order by code, id")) {
                if (businessUnitId != null) {
                    s.setObject(1, businessUnitId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        units.add(id);
                        nodes.add(new Views.NetworkNode(id.toString(), "UNIT", rs.getString(2)));
                    }
                }
            }
            Set<String> owners = new LinkedHashSet<>();
            for (Row r : RelationshipQueries.page(c, q, params.halfLifeSeconds())) {
                String id = r.state().contactId().toString();
                double score = params.score(r.state().strengthAt(now));
                // analytics holds no contact names: the label is the id; the frontend resolves names from contacts-service
                nodes.add(new Views.NetworkNode(id, "CONTACT", id));
                if (r.state().businessUnitId() != null && units.contains(r.state().businessUnitId())) {
                    edges.add(new Views.NetworkEdge(id, r.state().businessUnitId().toString(), score));
                }
                if (r.owner() != null) {
                    if (owners.add(r.owner())) {
                        nodes.add(new Views.NetworkNode("owner:" + r.owner(), "OWNER", r.owner()));
                    }
                    edges.add(new Views.NetworkEdge("owner:" + r.owner(), id, score));
                }
            }
            Long total = size == null ? null : RelationshipQueries.count(c, q);
            return new Views.Network(nodes, edges, total);
        });
    }
}
