package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementType;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * Stay in touch, expertise, influence (issue 17; API.md "Stay in touch, expertise, influence"), one endpoint per
 * test, on the real broker and PostgreSQL, with the clock pinned ({@link TestClock}).
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class PeopleInsightsTest {

    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @BeforeEach
    void pin() {
        TestClock.pin(T);
    }

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    private static LocalDate day(int daysFromT) {
        return LocalDate.ofInstant(T.plus(Duration.ofDays(daysFromT)), ZoneOffset.UTC);
    }

    /** Three mutual 8-hour expertise exchanges a day before T make a STRONG relationship, two WARM, one COOL. */
    private static void exchanges(Scenario world, UUID contact, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            world.meet(EngagementType.EXPERTISE_EXCHANGE, T.minus(Duration.ofDays(1)).plusSeconds(i), 8.0, Direction.MUTUAL, contact);
        }
    }

    private static Map<String, JsonNode> byContact(JsonNode items) {
        Map<String, JsonNode> m = new HashMap<>();
        items.forEach(i -> m.put(i.get("contactId").asText(), i));
        return m;
    }

    @Test
    void overdueFollowsCadenceCreationAndEngagements() throws Exception {
        try (Scenario world = new Scenario(bootstrap, em)) {
            Instant longAgo = T.minus(Duration.ofDays(100));
            UUID neverEngaged = world.contact(longAgo, "STAFF", 30, null, null, null, List.of());
            UUID executive = world.contact(T.minus(Duration.ofDays(40)), "EXECUTIVE", null, null, null, null, List.of());
            UUID recentlyMet = world.contact(longAgo, "STAFF", 30, null, null, null, List.of());
            world.meet(EngagementType.NETWORKING, T.minus(Duration.ofDays(10)), 1.0, Direction.MUTUAL, recentlyMet);
            UUID resetByEngagement = world.contact(longAgo, "STAFF", 30, null, null, null, List.of());
            UUID cadenceChanged = world.contact(T.minus(Duration.ofDays(50)), "MANAGER", 60, null, null, null, List.of());
            String path = "/api/v1/insights/overdue?size=200&businessUnitId=" + world.unit;

            Map<String, JsonNode> overdue = byContact(Scenario.get(path).get("items"));
            JsonNode a = overdue.get(neverEngaged.toString());
            assertNotNull(a, "a contact never engaged is overdue from its creation plus its cadence");
            assertEquals(30, a.get("cadenceDays").intValue());
            assertEquals(day(-70).toString(), a.get("dueOn").asText());
            assertEquals(70, a.get("overdueDays").intValue());
            assertTrue(a.get("lastEngagementAt").isNull());
            assertEquals("sam.lee@example.com", a.get("owner").asText());
            JsonNode e = overdue.get(executive.toString());
            assertNotNull(e, "no cadence of its own: the EXECUTIVE default (30 days)");
            assertEquals(30, e.get("cadenceDays").intValue());
            assertEquals(day(-10).toString(), e.get("dueOn").asText());
            assertFalse(overdue.containsKey(recentlyMet.toString()), "met 10 days ago, cadence 30");
            assertTrue(overdue.containsKey(resetByEngagement.toString()));
            assertFalse(overdue.containsKey(cadenceChanged.toString()), "due in 10 days");
            // most overdue first
            List<String> order = new ArrayList<>();
            Scenario.get(path).get("items").forEach(i -> order.add(i.get("contactId").asText()));
            assertTrue(order.indexOf(neverEngaged.toString()) < order.indexOf(executive.toString()));

            // any engagement resets the clock, whatever its type
            world.meet(EngagementType.SME_HOURS, T.minus(Duration.ofDays(1)), 2.0, Direction.PMO_RECEIVED, resetByEngagement);
            // a shorter cadence moves the due date
            world.contact(cadenceChanged, "ACTIVE", T, "MANAGER", 20, null, null, null, List.of());
            overdue = byContact(Scenario.get(path).get("items"));
            assertFalse(overdue.containsKey(resetByEngagement.toString()), "the engagement reset the clock");
            JsonNode d = overdue.get(cadenceChanged.toString());
            assertNotNull(d, "cadence 20 from a creation 50 days ago: overdue");
            assertEquals(day(-30).toString(), d.get("dueOn").asText());
            assertEquals(20, d.get("cadenceDays").intValue());
        }
    }

    @Test
    void expertiseRanksByStrengthAndLeavesOutLeftAndErasedContacts() throws Exception {
        try (Scenario world = new Scenario(bootstrap, em)) {
            String tag = "zz-" + UUID.randomUUID().toString().substring(0, 8);
            Instant created = T.minus(Duration.ofDays(200));
            UUID strong = world.contact(created, "MANAGER", null, null, null, null, List.of(tag));
            UUID warm = world.contact(created, "MANAGER", null, null, null, null, List.of(tag.toUpperCase(Locale.ROOT)));
            UUID cold = world.contact(created, "MANAGER", null, null, null, null, List.of(tag));
            UUID left = world.contact(created, "MANAGER", null, null, null, null, List.of(tag));
            UUID erased = world.contact(created, "MANAGER", null, null, null, null, List.of(tag));
            exchanges(world, strong, 3);
            exchanges(world, warm, 2);
            exchanges(world, left, 3);
            exchanges(world, erased, 3);
            world.contact(left, "LEFT", T, "MANAGER", null, null, null, null, List.of(tag));
            world.contact(erased, "ERASED", T, "MANAGER", null, null, null, null, List.of(tag));

            JsonNode page = Scenario.get("/api/v1/expertise?q=" + tag.substring(0, 7).toUpperCase(Locale.ROOT) + "&size=200");
            JsonNode item = null;
            for (JsonNode i : page.get("items")) {
                if (i.get("tag").asText().equals(tag)) {
                    item = i;
                }
            }
            assertNotNull(item, "found by a case-insensitive prefix: " + page);
            List<String> order = new ArrayList<>();
            item.get("contacts").forEach(c -> order.add(c.get("contactId").asText()));
            assertEquals(List.of(strong.toString(), warm.toString(), cold.toString()), order, "strongest first, ACTIVE only");
            assertEquals("STRONG", item.get("contacts").get(0).get("band").asText());
            assertEquals("WARM", item.get("contacts").get(1).get("band").asText());
            assertEquals("sam.lee@example.com", item.get("contacts").get(0).get("owner").asText());
            assertEquals(2, item.get("warmContacts").intValue());
            assertEquals(3, item.get("holders").intValue());
            assertEquals(1, Scenario.get("/api/v1/expertise?q=" + tag + "&contactsPerTag=1").get("items").get(0).get("contacts").size());
        }
    }

    @Test
    void expertiseGapsListTagsHeldOnlyByColdOrCoolRelationships() throws Exception {
        try (Scenario world = new Scenario(bootstrap, em)) {
            String onlyCool = "zz-cool-" + UUID.randomUUID().toString().substring(0, 8);
            String warmToo = "zz-warm-" + UUID.randomUUID().toString().substring(0, 8);
            Instant created = T.minus(Duration.ofDays(200));
            UUID cool = world.contact(created, "STAFF", null, null, null, null, List.of(onlyCool));
            world.contact(created, "STAFF", null, null, null, null, List.of(onlyCool, warmToo));
            UUID warm = world.contact(created, "STAFF", null, null, null, null, List.of(warmToo));
            exchanges(world, cool, 1);
            exchanges(world, warm, 2);

            Map<String, JsonNode> gaps = new HashMap<>();
            Scenario.get("/api/v1/insights/expertise-gaps").get("items").forEach(i -> gaps.put(i.get("tag").asText(), i));
            JsonNode gap = gaps.get(onlyCool);
            assertNotNull(gap, "held by a COOL and a COLD contact only");
            assertEquals(cool.toString(), gap.get("strongestContactId").asText());
            assertEquals("COOL", gap.get("band").asText());
            assertEquals(2, gap.get("holders").intValue());
            assertFalse(gaps.containsKey(warmToo), "held by a WARM contact");
        }
    }

    @Test
    void theStakeholderMapPutsEachPairInItsQuadrant() throws Exception {
        try (Scenario world = new Scenario(bootstrap, em)) {
            Instant created = T.minus(Duration.ofDays(200));
            UUID closely = world.contact(created, "EXECUTIVE", null, "HIGH", "HIGH", "SUPPORTER", List.of());
            UUID satisfied = world.contact(created, "EXECUTIVE", null, "HIGH", "LOW", null, List.of());
            UUID informed = world.contact(created, "MANAGER", null, "MEDIUM", "HIGH", null, List.of());
            UUID monitor = world.contact(created, "STAFF", null, null, "LOW", null, List.of());
            UUID unassessed = world.contact(created, "STAFF", null, null, null, null, List.of());
            UUID onProject = world.contact(created, "STAFF", null, null, null, null, List.of());
            world.role("added", UUID.randomUUID(), onProject, "MAP-1", null);
            world.role("added", UUID.randomUUID(), closely, "MAP-1", day(30));

            Map<String, JsonNode> map = byContact(Scenario.get("/api/v1/insights/stakeholder-map?businessUnitId=" + world.unit)
                .get("items"));
            assertEquals("MANAGE_CLOSELY", map.get(closely.toString()).get("quadrant").asText());
            assertEquals("SUPPORTER", map.get(closely.toString()).get("stance").asText());
            assertEquals("KEEP_SATISFIED", map.get(satisfied.toString()).get("quadrant").asText());
            assertEquals("KEEP_INFORMED", map.get(informed.toString()).get("quadrant").asText());
            assertEquals("MONITOR", map.get(monitor.toString()).get("quadrant").asText());
            assertTrue(map.get(monitor.toString()).get("influence").isNull());
            assertEquals("MONITOR", map.get(onProject.toString()).get("quadrant").asText(), "a stakeholder, unassessed");
            assertFalse(map.containsKey(unassessed.toString()), "neither assessed nor a stakeholder");
            Map<String, JsonNode> project = byContact(Scenario.get("/api/v1/insights/stakeholder-map?projectCode=MAP-1").get("items"));
            assertEquals(java.util.Set.of(closely.toString(), onProject.toString()), project.keySet());
        }
    }

    @Test
    void influenceGapsListWeakHighInfluenceAndResistorsButNotAStrongSupporter() throws Exception {
        try (Scenario world = new Scenario(bootstrap, em)) {
            Instant created = T.minus(Duration.ofDays(200));
            UUID coolHigh = world.contact(created, "EXECUTIVE", null, "HIGH", "MEDIUM", "NEUTRAL", List.of());
            UUID resistor = world.contact(created, "MANAGER", null, "LOW", "HIGH", "RESISTOR", List.of());
            UUID strongSupporter = world.contact(created, "EXECUTIVE", null, "HIGH", "HIGH", "SUPPORTER", List.of());
            exchanges(world, coolHigh, 1);
            exchanges(world, resistor, 3);
            exchanges(world, strongSupporter, 3);

            Map<String, JsonNode> gaps = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = Scenario.get("/api/v1/insights/influence-gaps?size=200&page=" + page);
                body.get("items").forEach(i -> {
                    gaps.put(i.get("contactId").asText(), i);
                    order.add(i.get("influence").isNull() ? "NONE" : i.get("influence").asText());
                });
                if ((long) (page + 1) * 200 >= body.get("total").asLong()) {
                    break;
                }
            }
            assertEquals(List.of("BELOW_WARM"), reasons(gaps.get(coolHigh.toString())));
            assertEquals("COOL", gaps.get(coolHigh.toString()).get("band").asText());
            assertEquals(List.of("RESISTOR"), reasons(gaps.get(resistor.toString())));
            assertNull(gaps.get(strongSupporter.toString()), "a HIGH-influence STRONG supporter is no gap");
            List<String> ranks = List.of("HIGH", "MEDIUM", "LOW", "NONE");
            for (int i = 1; i < order.size(); i++) {
                assertTrue(ranks.indexOf(order.get(i - 1)) <= ranks.indexOf(order.get(i)), "highest influence first: " + order);
            }
        }
    }

    private static List<String> reasons(JsonNode item) {
        assertNotNull(item);
        List<String> r = new ArrayList<>();
        item.get("reasons").forEach(x -> r.add(x.asText()));
        return r;
    }
}
