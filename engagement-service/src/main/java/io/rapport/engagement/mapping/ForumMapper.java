package io.rapport.engagement.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.engagement.domain.AttendanceTally;
import io.rapport.engagement.domain.Forum;
import io.rapport.engagement.rest.dto.AttendanceResponse;
import io.rapport.engagement.rest.dto.ForumResponse;

@ApplicationScoped
public class ForumMapper {

    public ForumResponse toResponse(Forum forum) {
        return new ForumResponse(forum.id, forum.name, forum.cadence, List.copyOf(forum.memberIds), forum.version,
            forum.createdAt, forum.updatedAt);
    }

    public AttendanceResponse toAttendance(AttendanceTally t) {
        return new AttendanceResponse(t.contactId(), t.attended(), t.held(), t.rate(), t.streak(), t.missedInARow());
    }
}
