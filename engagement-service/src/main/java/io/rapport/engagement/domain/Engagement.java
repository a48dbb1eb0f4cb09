package io.rapport.engagement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * Something the PMO did with one or more contacts. {@code version} is the optimistic-lock version
 * the API shows as ETag; the service increments it under a row lock on every change.
 */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public EngagementType type;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    /** When it moved to COMPLETED; null before (a long-running engagement completed early stops there). */
    @Column(name = "completed_at")
    public Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Direction direction;

    @Column(name = "effort_hours", nullable = false)
    public double effortHours;

    public Integer sentiment;

    @Column(columnDefinition = "text")
    public String outcome;

    @Column(name = "lead_name", length = 200)
    public String leadName;

    @Column(name = "lead_email", length = 320)
    public String leadEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public EngagementStatus status;

    @Column(name = "hours_pledged")
    public Double hoursPledged;

    @Column(name = "hours_delivered")
    public Double hoursDelivered;

    @Column(name = "forum_id")
    public UUID forumId;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "engagement_participant", joinColumns = @JoinColumn(name = "engagement_id"))
    @OrderColumn(name = "position")
    public List<Participant> participants = new ArrayList<>();
}
