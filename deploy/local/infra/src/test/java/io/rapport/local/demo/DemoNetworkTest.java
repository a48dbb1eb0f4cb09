package io.rapport.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.rapport.local.demo.DemoPlan.Contact;
import io.rapport.local.demo.DemoPlan.Engagement;
import io.rapport.local.demo.DemoPlan.Profile;
import io.rapport.local.demo.DemoPlan.Unit;

class DemoNetworkTest {

    static final LocalDate ANCHOR = LocalDate.of(2026, 12, 2);
    final DemoPlan plan = DemoNetwork.plan(2026, ANCHOR);

    @Test
    void theSameSeedAndAnchorGiveTheSamePlanAndAnotherSeedAnother() {
        assertEquals(plan, DemoNetwork.plan(2026, ANCHOR));
        assertNotEquals(plan.contacts(), DemoNetwork.plan(7, ANCHOR).contacts());
    }

    @Test
    void twelveUnitsWithSubUnitsAndThreeHundredContacts() {
        assertEquals(12, plan.units().stream().filter(u -> u.parentKey() == null).count());
        assertTrue(plan.units().size() > 12, "sub-units too");
        assertEquals(300, plan.contacts().size());
        assertEquals(300, plan.contacts().stream().map(Contact::email).distinct().count(), "emails are unique");
        assertEquals(plan.units().size(), plan.units().stream().map(Unit::code).distinct().count());
        Set<String> withContacts = plan.contacts().stream().map(Contact::unitKey).collect(Collectors.toSet());
        assertTrue(withContacts.containsAll(plan.units().stream().map(Unit::key).toList()), "every unit has contacts");
        assertTrue(plan.contacts().stream().allMatch(c -> !c.expertise().isEmpty()), "everyone has expertise tags");
        assertTrue(plan.contacts().stream().filter(c -> c.owner() != null).count() > 250, "most have an owner");
    }

    @Test
    void theStayInTouchAndInfluenceFieldsAreFilled() {
        assertEquals(1, plan.contacts().stream().filter(c -> "RESISTOR".equals(c.stance())).count(), "one RESISTOR");
        assertTrue(plan.contacts().stream().filter(c -> "SCEPTIC".equals(c.stance())).count() >= 3);
        assertTrue(plan.contacts().stream().filter(c -> c.cadenceDays() != null).count() >= 30);
        Map<String, Profile> profile = plan.units().stream().collect(Collectors.toMap(Unit::key, Unit::profile));
        assertTrue(plan.contacts().stream().anyMatch(c -> "HIGH".equals(c.influence())
            && (profile.get(c.unitKey()) == Profile.GAP || profile.get(c.unitKey()) == Profile.COOLING)),
            "HIGH-influence contacts where the relationship is weak");
        assertTrue(plan.contacts().stream().allMatch(c -> c.cadenceDays() == null || c.cadenceDays() >= 1 && c.cadenceDays() <= 365));
    }

    @Test
    void fifteenProjectsSomeEndingWithin60Days() {
        assertEquals(15, plan.roles().stream().map(DemoPlan.Role::projectCode).distinct().count());
        Set<String> endingSoon = plan.roles().stream().filter(r -> r.endDate() != null && !r.endDate().isBefore(ANCHOR)
            && !r.endDate().isAfter(ANCHOR.plusDays(60))).map(DemoPlan.Role::projectCode).collect(Collectors.toSet());
        assertEquals(4, endingSoon.size());
        assertTrue(plan.roles().stream().allMatch(r -> r.endDate() == null || !r.endDate().isBefore(r.startDate())));
    }

    @Test
    void twoYearsOfEngagementsOfEveryTypeBothWays() {
        Set<String> types = plan.engagements().stream().map(Engagement::type).collect(Collectors.toSet());
        types.add("LEADERSHIP_FORUM"); // the forums' occurrences
        assertEquals(Set.of("ONE_TO_ONE", "LEADERSHIP_FORUM", "SHADOWING", "ON_THE_JOB_TRAINING", "SECONDMENT",
            "EXPERTISE_EXCHANGE", "SME_HOURS", "NETWORKING"), types);
        Instant twoYearsAgo = ANCHOR.minusDays(731).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertTrue(plan.engagements().stream().allMatch(e -> e.startAt().isAfter(twoYearsAgo)));
        assertTrue(plan.engagements().stream().anyMatch(e -> e.startAt().isBefore(twoYearsAgo.plus(Duration.ofDays(60)))));
        Set<String> directions = plan.engagements().stream().map(Engagement::direction).collect(Collectors.toSet());
        assertEquals(Set.of("PMO_GAVE", "PMO_RECEIVED", "MUTUAL"), directions);
        assertEquals(Set.of("COMPLETED", "ACTIVE", "AGREED", "PROPOSED", "CANCELLED"), plan.engagements().stream()
            .filter(e -> e.type().equals("SECONDMENT")).map(Engagement::status).collect(Collectors.toSet()));
        assertTrue(plan.engagements().size() > 1000 && plan.engagements().size() < 4000, "size " + plan.engagements().size());
        assertEquals(plan.engagements().size(), plan.engagements().stream().map(Engagement::key).distinct().count());
        assertTrue(plan.engagements().stream().allMatch(e -> e.participants().stream().map(DemoPlan.Participant::contactKey)
            .distinct().count() == e.participants().size()), "a contact takes part once");
    }

    @Test
    void coverageDiffersByUnitAndSomeRelationshipsGoCold() {
        Map<String, Profile> profile = plan.units().stream().collect(Collectors.toMap(Unit::key, Unit::profile));
        Map<Profile, Long> recent = plan.engagements().stream()
            .filter(e -> e.startAt().isAfter(ANCHOR.minusDays(120).atStartOfDay().toInstant(ZoneOffset.UTC)))
            .flatMap(e -> e.participants().stream())
            .map(p -> profile.get(plan.contacts().stream().filter(c -> c.key().equals(p.contactKey())).findFirst().orElseThrow()
                .unitKey()))
            .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertTrue(recent.getOrDefault(Profile.STRONG, 0L) > 100, "strong units are engaged lately: " + recent);
        assertTrue(recent.getOrDefault(Profile.COOLING, 0L) < 20, "cooling units hardly lately: " + recent);
        assertTrue(recent.getOrDefault(Profile.GAP, 0L) < 5, "gaps: " + recent);
        // the single point of contact: one Legal contact holds nearly all of Legal's engagements
        Map<String, Long> legal = plan.engagements().stream().flatMap(e -> e.participants().stream())
            .filter(p -> plan.contacts().stream().anyMatch(c -> c.key().equals(p.contactKey()) && c.unitKey().equals("unit-LEG")))
            .collect(Collectors.groupingBy(DemoPlan.Participant::contactKey, Collectors.counting()));
        List<Long> counts = legal.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertTrue(counts.get(0) > 30 && counts.get(1) < 8, "Legal: " + legal);
    }

    @Test
    void twoForumsWithAttendanceAndMembersWhoStoppedComing() {
        assertEquals(2, plan.forums().size());
        for (DemoPlan.Forum f : plan.forums()) {
            assertTrue(f.memberKeys().size() >= 8, f.name());
            Set<String> members = new HashSet<>(f.memberKeys());
            assertTrue(f.occurrences().stream().allMatch(o -> members.containsAll(o.attendeeKeys()) && !o.attendeeKeys().isEmpty()));
        }
        List<DemoPlan.Occurrence> heads = plan.forums().get(0).occurrences();
        Set<String> latest = new HashSet<>();
        heads.subList(heads.size() - 4, heads.size()).forEach(o -> latest.addAll(o.attendeeKeys()));
        assertTrue(plan.forums().get(0).memberKeys().stream().anyMatch(m -> !latest.contains(m)),
            "someone missed the last four meetings");
    }
}
