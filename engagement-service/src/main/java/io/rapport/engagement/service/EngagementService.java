package io.rapport.engagement.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.Engagement;
import io.rapport.engagement.domain.EngagementRepository;
import io.rapport.engagement.domain.EngagementStatus;
import io.rapport.engagement.domain.EngagementType;
import io.rapport.engagement.domain.Participant;
import io.rapport.engagement.domain.ParticipantRole;
import io.rapport.engagement.events.EngagementEvents;
import io.rapport.engagement.events.EngagementSnapshot;
import io.rapport.engagement.mapping.EngagementMapper;
import io.rapport.engagement.rest.dto.EngagementRequest;
import io.rapport.engagement.rest.dto.EngagementResponse;
import io.rapport.engagement.rest.dto.ParticipantRequest;
import io.rapport.engagement.rest.dto.TransitionRequest;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

/**
 * The rules of engagements: participants must be active contacts (their unit recorded as it is now),
 * long-running types follow their lifecycle, every change bumps the version and writes its event
 * into the outbox in the same transaction.
 */
@ApplicationScoped
public class EngagementService {

    /** API sort field → entity property. */
    public static final Map<String, String> SORTABLE = Map.of(
        "startAt", "startAt", "endAt", "endAt", "createdAt", "createdAt", "updatedAt", "updatedAt",
        "title", "title", "type", "type", "status", "status", "effortHours", "effortHours");
    public static final SortSpec DEFAULT_SORT = new SortSpec("startAt", "startAt", false);

    private final EngagementRepository engagements;
    private final ContactDirectory contacts;
    private final EngagementMapper mapper;
    private final EngagementEvents events;

    public EngagementService(EngagementRepository engagements, ContactDirectory contacts, EngagementMapper mapper,
                             EngagementEvents events) {
        this.engagements = engagements;
        this.contacts = contacts;
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional
    public EngagementResponse createEngagement(@NotNull @Valid EngagementRequest request) {
        Engagement engagement = logEngagement(request, null, i -> "participants[" + i + "].contactId");
        return toResponse(engagement);
    }

    /** Logs an engagement (a forum occurrence names its forum); validation of the request is the caller's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Engagement logEngagement(EngagementRequest request, UUID forumId, IntFunction<String> participantField) {
        Engagement engagement = new Engagement();
        engagement.id = UUID.randomUUID();
        mapper.apply(request, engagement);
        engagement.participants = resolveParticipants(request.participants(), List.of(), participantField);
        engagement.status = EngagementStatus.initial(request.type());
        engagement.forumId = forumId;
        engagement.version = 1;
        engagement.createdAt = now();
        engagement.updatedAt = engagement.createdAt;
        engagements.persist(engagement);
        events.logged(mapper.toSnapshot(engagement));
        return engagement;
    }

    @Transactional
    public Optional<EngagementResponse> findEngagementById(UUID id) {
        return engagements.findByIdOptional(id).map(this::toResponse);
    }

    @Transactional
    public PageResponse<EngagementResponse> listEngagements(EngagementFilter filter, int page, int size, SortSpec sort) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.type() != null) {
            where.append(" and e.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and e.startAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.startAt <= :to");
            params.put("to", filter.to());
        }
        if (filter.forumId() != null) {
            where.append(" and e.forumId = :forumId");
            params.put("forumId", filter.forumId());
        }
        if (filter.contactId() != null) {
            where.append(" and e.id in (select e2.id from Engagement e2 join e2.participants p where p.contactId = :contactId)");
            params.put("contactId", filter.contactId());
        }
        if (filter.businessUnitId() != null) {
            where.append(" and e.id in (select e3.id from Engagement e3 join e3.participants q"
                + " where q.businessUnitId = :businessUnitId)");
            params.put("businessUnitId", filter.businessUnitId());
        }
        var em = engagements.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(e) from Engagement e" + where, Long.class);
        String order = " order by e." + sort.property() + (sort.ascending() ? " asc" : " desc") + ", e.id asc";
        TypedQuery<Engagement> query = em.createQuery("select e from Engagement e" + where + order, Engagement.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            query.setParameter(name, value);
        });
        List<Engagement> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageResponse<>(items.stream().map(mapper::toResponse).toList(), page, size,
            count.getSingleResult());
    }

    @Transactional
    public Optional<EngagementResponse> replaceEngagement(UUID id, String ifMatch, @NotNull @Valid EngagementRequest request) {
        return engagements.findForUpdate(id).map(engagement -> {
            Preconditions.requireIfMatch(ifMatch, engagement.version);
            if (engagement.status == EngagementStatus.CANCELLED) {
                throw ProblemException.conflict("engagement " + id + " is cancelled and can no longer be changed");
            }
            if (engagement.type.longRunning() != request.type().longRunning()) {
                throw ProblemException.conflict("type " + engagement.type + " cannot become " + request.type()
                    + ": their lifecycles differ; cancel this engagement and log a new one");
            }
            if (engagement.forumId != null && request.type() != EngagementType.LEADERSHIP_FORUM) {
                throw ProblemException.conflict("engagement " + id + " is an occurrence of forum " + engagement.forumId
                    + " and stays a LEADERSHIP_FORUM");
            }
            EngagementSnapshot previous = mapper.toSnapshot(engagement);
            List<Participant> participants = resolveParticipants(request.participants(), engagement.participants,
                i -> "participants[" + i + "].contactId");
            mapper.apply(request, engagement);
            engagement.participants = participants; // a new list: the rows are rewritten, not shuffled in place
            touch(engagement);
            events.updated(previous, mapper.toSnapshot(engagement));
            return toResponse(engagement);
        });
    }

    /** DELETE: cancels (idempotent: a cancelled engagement stays as it is, no second event). */
    @Transactional
    public Optional<EngagementResponse> cancelEngagement(UUID id, String ifMatch) {
        return engagements.findForUpdate(id).map(engagement -> {
            if (ifMatch != null) {
                Preconditions.requireIfMatch(ifMatch, engagement.version);
            }
            if (engagement.status != EngagementStatus.CANCELLED) {
                moveTo(engagement, EngagementStatus.CANCELLED);
            }
            return toResponse(engagement);
        });
    }

    @Transactional
    public Optional<EngagementResponse> transitionEngagement(UUID id, String ifMatch, @NotNull @Valid TransitionRequest request) {
        return engagements.findForUpdate(id).map(engagement -> {
            if (ifMatch != null) {
                Preconditions.requireIfMatch(ifMatch, engagement.version);
            }
            if (request.hoursDelivered() != null) {
                if (!engagement.type.longRunning()) {
                    throw ProblemException.badRequest("1 field is invalid", List.of(new FieldError("hoursDelivered",
                        "is only for SECONDMENT, SHADOWING and ON_THE_JOB_TRAINING")));
                }
                engagement.hoursDelivered = request.hoursDelivered();
            }
            moveTo(engagement, request.to());
            return toResponse(engagement);
        });
    }

    private void moveTo(Engagement engagement, EngagementStatus target) {
        EngagementStatus from = engagement.status;
        if (!from.canMoveTo(target, engagement.type)) {
            Set<EngagementStatus> allowed = from.next(engagement.type);
            throw ProblemException.conflict("a " + engagement.type + " engagement cannot go from " + from + " to " + target
                + (allowed.isEmpty() ? "; it cannot change status any more" : "; allowed: " + allowed));
        }
        engagement.status = target;
        touch(engagement);
        if (target == EngagementStatus.COMPLETED) {
            engagement.completedAt = engagement.updatedAt;
        }
        EngagementSnapshot current = mapper.toSnapshot(engagement);
        if (target == EngagementStatus.CANCELLED) {
            events.cancelled(current);
        } else {
            events.statusChanged(from.name(), current);
        }
    }

    private List<Participant> resolveParticipants(List<ParticipantRequest> requested, List<Participant> existing,
                                                  IntFunction<String> field) {
        Map<UUID, Participant> recorded = new HashMap<>();
        existing.forEach(p -> recorded.put(p.contactId, p));
        List<UUID> ids = requested.stream().map(ParticipantRequest::contactId).toList();
        Set<UUID> kept = new HashSet<>(recorded.keySet());
        Map<UUID, ContactRef> refs = contacts.requireActive(ids, kept, field);
        List<Participant> participants = new ArrayList<>(requested.size());
        for (ParticipantRequest p : requested) {
            ParticipantRole role = p.role() == null ? ParticipantRole.ATTENDEE : p.role();
            Participant before = recorded.get(p.contactId());
            UUID unit = before != null ? before.businessUnitId : refs.get(p.contactId()).businessUnitId;
            participants.add(new Participant(p.contactId(), role, unit));
        }
        return participants;
    }

    private static void touch(Engagement engagement) {
        engagement.version++;
        Instant now = now();
        engagement.updatedAt = now.isAfter(engagement.updatedAt) ? now : engagement.updatedAt.plus(1, ChronoUnit.MICROS);
    }

    public EngagementResponse toResponse(Engagement engagement) {
        return mapper.toResponse(engagement);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
