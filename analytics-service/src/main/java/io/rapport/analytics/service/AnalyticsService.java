package io.rapport.analytics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.rapport.analytics.mapping.RelationshipMapper;
import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.ContactRelationship;
import io.rapport.analytics.model.Coverage;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.persistence.BusinessUnitEntity;
import io.rapport.analytics.persistence.ContactEntity;
import io.rapport.analytics.persistence.EngagementEntity;
import io.rapport.analytics.persistence.StakeholderRoleEntity;
import io.rapport.analytics.rest.dto.Dtos.CoverageItem;
import io.rapport.analytics.rest.dto.Dtos.Edge;
import io.rapport.analytics.rest.dto.Dtos.ExpiringStakeholderItem;
import io.rapport.analytics.rest.dto.Dtos.GoingColdItem;
import io.rapport.analytics.rest.dto.Dtos.Network;
import io.rapport.analytics.rest.dto.Dtos.Node;
import io.rapport.analytics.rest.dto.Dtos.RelationshipDto;
import io.rapport.analytics.rest.dto.Dtos.ValueItem;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;

/**
 * The questions the API answers, every number from the model ({@link ContactRelationship#evaluate},
 * {@link Coverage}) over the persisted inputs. Erased contacts are not shown anywhere; contacts that
 * LEFT keep their relationship (it is history) but do not count towards a unit's coverage.
 */
@ApplicationScoped
@Transactional
public class AnalyticsService {

    private final EntityManager em;
    private final ScoreCache cache;

    public AnalyticsService(EntityManager em, ScoreCache cache) {
        this.em = em;
        this.cache = cache;
    }

    public record ListQuery(UUID businessUnitId, Band band, String owner, String kind, String sortField,
                            boolean ascending, int page, int size) {
    }

    public RelationshipDto relationship(UUID contactId, Instant at) {
        ContactEntity contact = em.find(ContactEntity.class, contactId);
        if (contact == null || contact.erased()) {
            throw ProblemException.notFound("Contact", contactId);
        }
        return RelationshipMapper.toDto(contact, evaluate(cache.get(contactId), contactId, at))
            .withLastEngagements(lastEngagements(contactId).stream().map(RelationshipMapper::toSummary).toList());
    }

    /** How many engagements {@code lastEngagements} lists at most. */
    public static final int LAST_ENGAGEMENTS = 5;

    /**
     * The contact's most recent engagements as stored (latest state of each): at most {@link #LAST_ENGAGEMENTS},
     * latest {@code startAt} first, ties by engagement id; cancelled ones excluded. Read-only.
     */
    @SuppressWarnings("unchecked")
    List<EngagementEntity> lastEngagements(UUID contactId) {
        List<UUID> ids = em.createNativeQuery("select e.id from engagement e"
                + " join engagement_participant p on p.engagement_id = e.id"
                + " where p.contact_id = :c and e.cancelled = false and e.status <> 'CANCELLED'"
                + " order by e.start_at desc, e.id limit " + LAST_ENGAGEMENTS, UUID.class)
            .setParameter("c", contactId).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, EngagementEntity> byId = new HashMap<>();
        em.createQuery("select e from EngagementEntity e where e.id in :ids", EngagementEntity.class)
            .setParameter("ids", ids).getResultList().forEach(e -> byId.put(e.id, e));
        return ids.stream().map(byId::get).filter(e -> e != null).toList(); // the query's order
    }

    public PageResponse<RelationshipDto> list(ListQuery q, Instant now) {
        List<RelationshipDto> all = new ArrayList<>();
        for (Map.Entry<ContactEntity, RelationshipScore> e : scored(contacts(q.businessUnitId(), q.owner(), q.kind()), now).entrySet()) {
            if (q.band() == null || e.getValue().band() == q.band()) {
                all.add(RelationshipMapper.toDto(e.getKey(), e.getValue()));
            }
        }
        Comparator<RelationshipDto> order = "lastEngagementAt".equals(q.sortField())
            ? Comparator.comparing(RelationshipDto::lastEngagementAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            : Comparator.comparingDouble(RelationshipDto::score);
        if (!q.ascending()) {
            order = order.reversed();
        }
        all.sort(order.thenComparing(RelationshipDto::contactId)); // stable: ties by id
        int from = (int) Math.min((long) q.page() * q.size(), all.size());
        int to = Math.min(from + q.size(), all.size());
        return new PageResponse<>(List.copyOf(all.subList(from, to)), q.page(), q.size(), all.size());
    }

    public List<CoverageItem> coverage(Instant now) {
        Map<UUID, BusinessUnitEntity> units = new TreeMap<>();
        for (BusinessUnitEntity u : em.createQuery("select u from BusinessUnitEntity u where u.deleted = false",
            BusinessUnitEntity.class).getResultList()) {
            units.put(u.id, u);
        }
        List<ContactEntity> contacts = em.createQuery("select c from ContactEntity c where c.status = 'ACTIVE'",
            ContactEntity.class).getResultList();
        Map<UUID, Map<UUID, Double>> byUnit = new TreeMap<>();
        units.keySet().forEach(id -> byUnit.put(id, new HashMap<>()));
        scored(contacts, now).forEach((c, s) -> byUnit.computeIfAbsent(c.businessUnitId, k -> new HashMap<>()).put(c.id, s.score()));
        ScoringParameters params = cache.parameters();
        List<CoverageItem> items = new ArrayList<>();
        byUnit.forEach((unitId, scores) -> {
            Coverage.UnitCoverage cov = Coverage.of(scores, params);
            BusinessUnitEntity u = units.get(unitId);
            items.add(new CoverageItem(unitId, u == null ? null : u.code, u == null ? null : u.name, cov.strength(),
                cov.strongestContactId(), cov.warmContacts(), cov.gap(), cov.singlePoint()));
        });
        return items;
    }

    public List<GoingColdItem> goingCold(int withinDays, Instant now) {
        LocalDate until = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(withinDays);
        List<RelationshipScore> hits = new ArrayList<>();
        scored(contacts(null, null, null), now).forEach((c, s) -> {
            if (s.band() != Band.COLD && s.dropsOn() != null && !s.dropsOn().isAfter(until)) {
                hits.add(s);
            }
        });
        hits.sort(Comparator.comparing(RelationshipScore::dropsAt).thenComparing(RelationshipScore::contactId));
        return hits.stream().map(s -> new GoingColdItem(s.contactId(), s.score(), s.band(), s.nextBand(), s.dropsOn())).toList();
    }

    public List<ExpiringStakeholderItem> expiringStakeholders(int withinDays, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<StakeholderRoleEntity> roles = em.createQuery("select r from StakeholderRoleEntity r where r.endDate is not null"
                + " and r.endDate >= :from and r.endDate <= :to order by r.endDate, r.contactId, r.projectCode",
                StakeholderRoleEntity.class)
            .setParameter("from", today).setParameter("to", today.plusDays(withinDays)).getResultList();
        Set<UUID> ids = new LinkedHashSet<>();
        roles.forEach(r -> ids.add(r.contactId));
        Map<UUID, ContactEntity> contacts = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select c from ContactEntity c where c.id in :ids and c.status <> 'ERASED'", ContactEntity.class)
                .setParameter("ids", ids).getResultList().forEach(c -> contacts.put(c.id, c));
        }
        Map<UUID, ContactRelationship> rels = cache.getAll(contacts.keySet());
        List<ExpiringStakeholderItem> items = new ArrayList<>();
        for (StakeholderRoleEntity r : roles) {
            if (!contacts.containsKey(r.contactId)) {
                continue;
            }
            RelationshipScore s = evaluate(rels.get(r.contactId), r.contactId, now);
            if (!s.band().warmOrBetter()) {
                items.add(new ExpiringStakeholderItem(r.contactId, r.projectCode, r.endDate, s.score(), s.band()));
            }
        }
        return items;
    }

    public List<ValueItem> value(LocalDate from, LocalDate to, UUID businessUnitId) {
        StringBuilder jpql = new StringBuilder("select e from EngagementEntity e where e.cancelled = false"
            + " and e.status in ('ACTIVE', 'COMPLETED')");
        if (from != null) {
            jpql.append(" and e.startAt >= :from");
        }
        if (to != null) {
            jpql.append(" and e.startAt < :to");
        }
        var query = em.createQuery(jpql.toString(), EngagementEntity.class);
        if (from != null) {
            query.setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            query.setParameter("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        List<EngagementEntity> engagements = query.getResultList();
        Map<UUID, Set<UUID>> unitsOf = new HashMap<>();
        if (!engagements.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select p.engagement_id, coalesce(p.business_unit_id, c.business_unit_id)"
                    + " from engagement_participant p left join contact c on c.id = p.contact_id where p.engagement_id in (:ids)")
                .setParameter("ids", engagements.stream().map(e -> e.id).toList()).getResultList();
            for (Object[] r : rows) {
                if (r[1] != null) {
                    unitsOf.computeIfAbsent((UUID) r[0], k -> new LinkedHashSet<>()).add((UUID) r[1]);
                }
            }
        }
        Map<UUID, double[]> hours = new TreeMap<>();
        Map<UUID, Map<String, Integer>> byType = new HashMap<>();
        Map<UUID, Long> secondee = new HashMap<>();
        for (EngagementEntity e : engagements) {
            for (UUID unit : unitsOf.getOrDefault(e.id, Set.of())) {
                if (businessUnitId != null && !businessUnitId.equals(unit)) {
                    continue;
                }
                double[] h = hours.computeIfAbsent(unit, k -> new double[3]);
                double effort = e.effortHours == null ? 0 : e.effortHours;
                switch (e.direction) {
                    case "PMO_GAVE" -> h[0] += effort;
                    case "PMO_RECEIVED" -> h[1] += effort;
                    default -> h[2] += effort;
                }
                byType.computeIfAbsent(unit, k -> new TreeMap<>()).merge(e.type, 1, Integer::sum);
                if ("SECONDMENT".equals(e.type) && e.endAt != null && e.endAt.isAfter(e.startAt)) {
                    long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(e.startAt, ZoneOffset.UTC),
                        LocalDate.ofInstant(e.endAt, ZoneOffset.UTC)) + 1;
                    secondee.merge(unit, days, Long::sum);
                }
            }
        }
        List<ValueItem> items = new ArrayList<>();
        hours.forEach((unit, h) -> items.add(new ValueItem(unit, h[0], h[1], h[2], byType.get(unit),
            secondee.getOrDefault(unit, 0L))));
        return items;
    }

    public Network network(Instant now) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> unitIds = new LinkedHashSet<>();
        for (BusinessUnitEntity u : em.createQuery("select u from BusinessUnitEntity u where u.deleted = false order by u.code",
            BusinessUnitEntity.class).getResultList()) {
            nodes.add(new Node(u.id.toString(), "UNIT", u.code));
            unitIds.add(u.id.toString());
        }
        Map<String, Boolean> owners = new LinkedHashMap<>();
        Map<ContactEntity, RelationshipScore> scored = scored(contacts(null, null, null), now);
        scored.forEach((c, s) -> {
            String id = c.id.toString();
            // analytics holds no contact names: the label is the id; the frontend resolves names from contacts-service
            nodes.add(new Node(id, "CONTACT", id));
            if (unitIds.contains(c.businessUnitId.toString())) {
                edges.add(new Edge(id, c.businessUnitId.toString(), s.score()));
            }
            if (c.ownerEmail != null) {
                if (owners.putIfAbsent(c.ownerEmail, true) == null) {
                    nodes.add(new Node("owner:" + c.ownerEmail, "OWNER", c.ownerEmail));
                }
                edges.add(new Edge("owner:" + c.ownerEmail, id, s.score()));
            }
        });
        return new Network(nodes, edges);
    }

    private List<ContactEntity> contacts(UUID businessUnitId, String owner, String kind) {
        StringBuilder jpql = new StringBuilder("select c from ContactEntity c where c.status <> 'ERASED'");
        if (businessUnitId != null) {
            jpql.append(" and c.businessUnitId = :unit");
        }
        if (owner != null) {
            jpql.append(" and lower(c.ownerEmail) = lower(:owner)");
        }
        if (kind != null) {
            jpql.append(" and c.kind = :kind");
        }
        jpql.append(" order by c.id");
        var q = em.createQuery(jpql.toString(), ContactEntity.class);
        if (businessUnitId != null) {
            q.setParameter("unit", businessUnitId);
        }
        if (owner != null) {
            q.setParameter("owner", owner);
        }
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        return q.getResultList();
    }

    private Map<ContactEntity, RelationshipScore> scored(List<ContactEntity> contacts, Instant now) {
        Map<UUID, ContactRelationship> rels = cache.getAll(contacts.stream().map(c -> c.id).toList());
        Map<ContactEntity, RelationshipScore> result = new LinkedHashMap<>();
        for (ContactEntity c : contacts) {
            result.put(c, evaluate(rels.get(c.id), c.id, now));
        }
        return result;
    }

    private static RelationshipScore evaluate(ContactRelationship rel, UUID contactId, Instant at) {
        return rel == null ? RelationshipScore.none(contactId, at) : rel.evaluate(at);
    }
}
