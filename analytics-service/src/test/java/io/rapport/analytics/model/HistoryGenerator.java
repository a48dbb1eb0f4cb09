package io.rapport.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random engagement histories for the property tests: a few contacts, a few engagements each with
 * one to three versions (log, updates), sometimes a cancellation; every type, status, direction,
 * effort and sentiment; instants with nanoseconds, from 400 days before to 60 days after
 * {@link #BASE}, so some long-running engagements still have scheduled slices; one history in ten
 * is large (30 to 150 engagements); three in ten use a random half-life and score scale.
 */
final class HistoryGenerator {

    static final Instant BASE = Instant.parse("2026-11-25T12:00:00Z");

    /** A generated history. */
    record History(ScoringParameters params, List<UUID> contacts, List<EngagementEvent> events) {

        /** The winning event per engagement (latest version; ties: cancellation, then greater event id). */
        Map<UUID, EngagementEvent> finalStates() {
            Map<UUID, EngagementEvent> winners = new LinkedHashMap<>();
            Comparator<EngagementEvent> order = Comparator.comparingLong(EngagementEvent::version)
                    .thenComparing(e -> e.kind() == EngagementEvent.Kind.CANCELLED)
                    .thenComparing(EngagementEvent::eventId);
            for (EngagementEvent e : events) {
                winners.merge(e.engagementId(), e, (a, b) -> order.compare(a, b) >= 0 ? a : b);
            }
            return winners;
        }
    }

    private final Random rnd;

    HistoryGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    Random random() {
        return rnd;
    }

    UUID uuid() {
        return new UUID(rnd.nextLong(), rnd.nextLong());
    }

    String eventId() {
        return "ev-" + uuid();
    }

    History history() {
        List<UUID> contacts = new ArrayList<>();
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
            contacts.add(uuid());
        }
        List<EngagementEvent> events = new ArrayList<>();
        // mostly small histories, sometimes large ones (numerical stress)
        int n = rnd.nextInt(10) == 0 ? 30 + rnd.nextInt(120) : 1 + rnd.nextInt(10);
        for (int i = 0; i < n; i++) {
            UUID id = uuid();
            int versions = 1 + rnd.nextInt(3);
            for (int v = 1; v <= versions; v++) {
                EngagementSnapshot s = snapshot(id, contacts);
                events.add(v == 1 ? EngagementEvent.logged(eventId(), v, s) : EngagementEvent.updated(eventId(), v, s));
            }
            if (rnd.nextDouble() < 0.2) {
                events.add(EngagementEvent.cancelled(eventId(), id, versions + 1));
            }
        }
        return new History(params(), List.copyOf(contacts), List.copyOf(events));
    }

    /** The defaults most of the time, otherwise a random half-life (1 to 400 days) and score scale. */
    ScoringParameters params() {
        if (rnd.nextDouble() < 0.7) {
            return Fixtures.P;
        }
        long halfLifeSeconds = 86400 + (long) (rnd.nextDouble() * 399 * 86400);
        return Fixtures.P.withHalfLife(Duration.ofSeconds(halfLifeSeconds)).withScoreScale(5 + rnd.nextDouble() * 95);
    }

    EngagementSnapshot snapshot(UUID id, List<UUID> contacts) {
        EngagementType type = EngagementType.values()[rnd.nextInt(EngagementType.values().length)];
        boolean longRunning = Fixtures.P.isLongRunning(type);
        EngagementStatus status;
        double p = rnd.nextDouble();
        if (longRunning) {
            status = p < 0.1 ? EngagementStatus.PROPOSED : p < 0.2 ? EngagementStatus.AGREED
                    : p < 0.6 ? EngagementStatus.ACTIVE : EngagementStatus.COMPLETED;
        } else {
            status = p < 0.1 ? EngagementStatus.CANCELLED : EngagementStatus.COMPLETED;
        }
        Instant start = instantAround(-400, 60);
        Instant end = null;
        if (longRunning) {
            end = start.plusSeconds(3600 + (long) (rnd.nextDouble() * 200 * 86400)).plusNanos(rnd.nextInt(1_000_000_000));
        } else if (rnd.nextBoolean()) {
            end = start.plusSeconds((long) (rnd.nextDouble() * 3 * 3600));
        }
        Direction direction = Direction.values()[rnd.nextInt(Direction.values().length)];
        Double hours = rnd.nextDouble() < 0.2 ? null : Math.round(rnd.nextDouble() * 80) / 2.0;
        Integer sentiment = rnd.nextDouble() < 0.3 ? null : 1 + rnd.nextInt(5);
        List<UUID> participants = new ArrayList<>();
        for (UUID c : contacts) {
            if (rnd.nextBoolean()) {
                participants.add(c);
            }
        }
        if (participants.isEmpty()) {
            participants.add(contacts.get(rnd.nextInt(contacts.size())));
        }
        // a COMPLETED long-running engagement is sometimes completed early (or recorded late: after its end)
        Instant completedAt = null;
        if (longRunning && status == EngagementStatus.COMPLETED && rnd.nextBoolean()) {
            completedAt = start.plusSeconds((long) (rnd.nextDouble() * 1.2 * Duration.between(start, end).getSeconds()));
        }
        return new EngagementSnapshot(id, type, status, start, end, direction, hours, sentiment, participants, completedAt);
    }

    /** A random instant between {@code fromDays} and {@code toDays} days after BASE, with nanoseconds. */
    Instant instantAround(int fromDays, int toDays) {
        long span = (long) (toDays - fromDays) * 86400;
        return BASE.plus(Duration.ofDays(fromDays)).plusSeconds((long) (rnd.nextDouble() * span)).plusNanos(rnd.nextInt(1_000_000_000));
    }

    List<Instant> nows(int count) {
        List<Instant> nows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nows.add(instantAround(-30, 300));
        }
        return nows;
    }

    <T> List<T> shuffled(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    /** {@code list} with {@code extra} random copies of its elements inserted at random places. */
    <T> List<T> withDuplicates(List<T> list, int extra) {
        List<T> copy = new ArrayList<>(list);
        for (int i = 0; i < extra; i++) {
            copy.add(rnd.nextInt(copy.size() + 1), list.get(rnd.nextInt(list.size())));
        }
        return copy;
    }
}
