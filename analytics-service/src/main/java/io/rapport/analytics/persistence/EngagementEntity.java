package io.rapport.analytics.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest known state of an engagement (highest version wins). Its participants are rows of
 * {@code engagement_participant}, written with the engagement by {@code FoldService}.
 */
@Entity
@Table(name = "engagement")
public class EngagementEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public long version;
    @Column(name = "event_id", nullable = false, length = 200)
    public String eventId;
    @Column(nullable = false)
    public boolean cancelled;
    @Column(nullable = false, length = 30)
    public String type;
    @Column(nullable = false, length = 12)
    public String status;
    @Column(name = "start_at", nullable = false)
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    @Column(nullable = false, length = 12)
    public String direction;
    @Column(name = "effort_hours")
    public Double effortHours;
    @Column
    public Integer sentiment;
}
