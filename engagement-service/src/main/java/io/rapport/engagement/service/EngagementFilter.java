package io.rapport.engagement.service;

import java.time.Instant;
import java.util.UUID;

import io.rapport.engagement.domain.EngagementStatus;
import io.rapport.engagement.domain.EngagementType;

/** The list filters of {@code GET /api/v1/engagements}; null means "any". {@code from}/{@code to} bound startAt, inclusive. */
public record EngagementFilter(EngagementType type, UUID contactId, UUID businessUnitId, Instant from, Instant to,
                               EngagementStatus status, UUID forumId) {
}
