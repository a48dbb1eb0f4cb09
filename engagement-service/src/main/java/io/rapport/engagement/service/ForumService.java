package io.rapport.engagement.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.rapport.engagement.domain.AttendanceTally;
import io.rapport.engagement.domain.Direction;
import io.rapport.engagement.domain.Engagement;
import io.rapport.engagement.domain.EngagementRepository;
import io.rapport.engagement.domain.EngagementStatus;
import io.rapport.engagement.domain.EngagementType;
import io.rapport.engagement.domain.Forum;
import io.rapport.engagement.domain.ForumRepository;
import io.rapport.engagement.domain.ParticipantRole;
import io.rapport.engagement.mapping.ForumMapper;
import io.rapport.engagement.rest.dto.AttendanceResponse;
import io.rapport.engagement.rest.dto.EngagementRequest;
import io.rapport.engagement.rest.dto.EngagementResponse;
import io.rapport.engagement.rest.dto.ForumRequest;
import io.rapport.engagement.rest.dto.ForumResponse;
import io.rapport.engagement.rest.dto.OccurrenceRequest;
import io.rapport.engagement.rest.dto.ParticipantRequest;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.PageResponse;
import io.rapport.platform.rest.Preconditions;
import io.rapport.platform.rest.SortSpec;

/**
 * Leadership forums: members must be active contacts; each occurrence is logged as a
 * LEADERSHIP_FORUM engagement with the attendees as participants (and publishes its event).
 */
@ApplicationScoped
public class ForumService {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");
    public static final SortSpec DEFAULT_SORT = new SortSpec("name", "name", true);

    private final ForumRepository forums;
    private final EngagementRepository engagements;
    private final EngagementService engagementService;
    private final ContactDirectory contacts;
    private final ForumMapper mapper;

    public ForumService(ForumRepository forums, EngagementRepository engagements, EngagementService engagementService,
                        ContactDirectory contacts, ForumMapper mapper) {
        this.forums = forums;
        this.engagements = engagements;
        this.engagementService = engagementService;
        this.contacts = contacts;
        this.mapper = mapper;
    }

    @Transactional
    public ForumResponse createForum(@NotNull @Valid ForumRequest request) {
        requireDistinct(request.memberIds(), "memberIds");
        contacts.requireActive(request.memberIds(), Set.of(), i -> "memberIds[" + i + "]");
        Forum forum = new Forum();
        forum.id = UUID.randomUUID();
        forum.name = request.name().strip();
        forum.cadence = request.cadence();
        forum.memberIds = new ArrayList<>(request.memberIds());
        forum.version = 1;
        forum.createdAt = EngagementService.now();
        forum.updatedAt = forum.createdAt;
        forums.persist(forum);
        return mapper.toResponse(forum);
    }

    @Transactional
    public Optional<ForumResponse> findForumById(UUID id) {
        return forums.findByIdOptional(id).map(mapper::toResponse);
    }

    @Transactional
    public PageResponse<ForumResponse> listForums(int page, int size, SortSpec sort) {
        String order = " order by f." + sort.property() + (sort.ascending() ? " asc" : " desc") + ", f.id asc";
        List<Forum> items = forums.getEntityManager().createQuery("select f from Forum f" + order, Forum.class)
            .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageResponse<>(items.stream().map(mapper::toResponse).toList(), page, size, forums.count());
    }

    /** Members already in the forum stay valid even if they have since left; new ones must be active. */
    @Transactional
    public Optional<ForumResponse> replaceForum(UUID id, String ifMatch, @NotNull @Valid ForumRequest request) {
        return forums.findForUpdate(id).map(forum -> {
            Preconditions.requireIfMatch(ifMatch, forum.version);
            requireDistinct(request.memberIds(), "memberIds");
            contacts.requireActive(request.memberIds(), new HashSet<>(forum.memberIds), i -> "memberIds[" + i + "]");
            forum.name = request.name().strip();
            forum.cadence = request.cadence();
            forum.memberIds = new ArrayList<>(request.memberIds());
            forum.version++;
            forum.updatedAt = EngagementService.now();
            return mapper.toResponse(forum);
        });
    }

    @Transactional
    public Optional<EngagementResponse> recordOccurrence(UUID forumId, @NotNull @Valid OccurrenceRequest request) {
        return forums.findByIdOptional(forumId).map(forum -> {
            requireDistinct(request.attendeeIds(), "attendeeIds");
            List<ParticipantRequest> participants = request.attendeeIds().stream()
                .map(id -> new ParticipantRequest(id, ParticipantRole.ATTENDEE)).toList();
            EngagementRequest engagement = new EngagementRequest(EngagementType.LEADERSHIP_FORUM, forum.name,
                request.occurredAt(), null, participants,
                request.direction() == null ? Direction.MUTUAL : request.direction(), request.effortHours(),
                request.sentiment(), request.outcome(), request.lead(), null, null);
            Engagement logged = engagementService.logEngagement(engagement, forum.id, i -> "attendeeIds[" + i + "]");
            return engagementService.toResponse(logged);
        });
    }

    /** Per member, over the forum's occurrences that were not cancelled: attended, held, rate, streak, missed in a row. */
    @Transactional
    public Optional<List<AttendanceResponse>> attendance(UUID forumId) {
        return forums.findByIdOptional(forumId).map(forum -> {
            List<Engagement> occurrences = engagements.getEntityManager().createQuery(
                    "select e from Engagement e where e.forumId = :forumId and e.status <> :cancelled"
                        + " order by e.startAt asc, e.id asc", Engagement.class)
                .setParameter("forumId", forumId).setParameter("cancelled", EngagementStatus.CANCELLED)
                .getResultList();
            List<Set<UUID>> attendees = occurrences.stream()
                .map(e -> e.participants.stream().map(p -> p.contactId).collect(Collectors.toSet()))
                .toList();
            List<AttendanceResponse> result = new ArrayList<>(forum.memberIds.size());
            for (UUID member : forum.memberIds) {
                result.add(mapper.toAttendance(AttendanceTally.of(member, attendees)));
            }
            return result;
        });
    }

    private static void requireDistinct(List<UUID> ids, String field) {
        Set<UUID> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "names a contact already listed"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors);
        }
    }
}
