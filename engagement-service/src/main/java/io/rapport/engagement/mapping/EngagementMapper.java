package io.rapport.engagement.mapping;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.engagement.domain.Engagement;
import io.rapport.engagement.domain.Participant;
import io.rapport.engagement.events.EngagementSnapshot;
import io.rapport.engagement.rest.dto.EngagementRequest;
import io.rapport.engagement.rest.dto.EngagementResponse;
import io.rapport.engagement.rest.dto.Lead;
import io.rapport.engagement.rest.dto.ParticipantResponse;

/** Engagement entity ↔ API DTOs and event snapshots. */
@ApplicationScoped
public class EngagementMapper {

    /** Copies the client-owned fields (not participants, status, version, forum) onto the entity. */
    public void apply(EngagementRequest request, Engagement target) {
        target.type = request.type();
        target.title = request.title().strip();
        target.startAt = micros(request.startAt());
        target.endAt = micros(request.endAt());
        target.direction = request.direction();
        target.effortHours = request.effortHours() == null ? 0 : request.effortHours();
        target.sentiment = request.sentiment();
        target.outcome = request.outcome();
        target.leadName = request.lead() == null ? null : request.lead().name().strip();
        target.leadEmail = request.lead() == null ? null : request.lead().email().strip();
        target.hoursPledged = request.hoursPledged();
        target.hoursDelivered = request.hoursDelivered();
    }

    public EngagementResponse toResponse(Engagement e) {
        List<ParticipantResponse> participants = e.participants.stream()
            .map(p -> new ParticipantResponse(p.contactId, p.role, p.businessUnitId))
            .toList();
        return new EngagementResponse(e.id, e.type, e.title, e.startAt, e.endAt, participants, e.direction,
            e.effortHours, e.sentiment, e.outcome, lead(e), e.status, e.hoursPledged, e.hoursDelivered, e.forumId,
            e.version, e.createdAt, e.updatedAt);
    }

    public EngagementSnapshot toSnapshot(Engagement e) {
        List<EngagementSnapshot.ParticipantData> participants = e.participants.stream()
            .map(p -> new EngagementSnapshot.ParticipantData(p.contactId, p.role.name(), p.businessUnitId))
            .toList();
        EngagementSnapshot.LeadData lead = e.leadName == null ? null : new EngagementSnapshot.LeadData(e.leadName, e.leadEmail);
        return new EngagementSnapshot(e.id, e.version, e.type.name(), e.title, e.startAt, e.endAt, e.status.name(),
            e.direction.name(), e.effortHours, e.sentiment, lead, e.forumId, e.hoursPledged, e.hoursDelivered,
            participants, participants.size(), e.updatedAt, e.completedAt);
    }

    public static Participant copy(Participant p) {
        return new Participant(p.contactId, p.role, p.businessUnitId);
    }

    /** PostgreSQL keeps microseconds: store and answer the same instant. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Lead lead(Engagement e) {
        return e.leadName == null ? null : new Lead(e.leadName, e.leadEmail);
    }
}
