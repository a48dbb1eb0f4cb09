package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * {@code kind} stays true (issue 15): a contact is STAKEHOLDER exactly while it holds an open role (not ended, end
 * date today or later, or none); adding, ending, changing a role and an end date passing all count, in the single
 * read, the {@code kind} filter and the expiring-stakeholder insight (open roles only, ending in the window).
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class StakeholderKindTest {

    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(T, ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    private static String kind(UUID contact) {
        return Scenario.get("/api/v1/relationships/" + contact).get("kind").asText();
    }

    private static List<String> filtered(UUID unit, String kind) {
        List<String> ids = new ArrayList<>();
        Scenario.get("/api/v1/relationships?size=200&businessUnitId=" + unit + "&kind=" + kind).get("items")
            .forEach(i -> ids.add(i.get("contactId").asText()));
        return ids;
    }

    private static List<String> expiring(UUID contact) {
        List<String> projects = new ArrayList<>();
        for (JsonNode i : Scenario.get("/api/v1/insights/expiring-stakeholders?withinDays=30").get("items")) {
            if (i.get("contactId").asText().equals(contact.toString())) {
                projects.add(i.get("projectCode").asText() + "@" + i.get("endDate").asText());
            }
        }
        return projects;
    }

    @Test
    void kindFollowsTheOpenRoles() throws Exception {
        TestClock.pin(T);
        try (Scenario world = new Scenario(bootstrap, em)) {
            UUID a = world.contact(T.minus(Duration.ofDays(100)), "MANAGER", null, null, null, null, List.of());
            UUID b = world.contact(T.minus(Duration.ofDays(100)), "STAFF", null, null, null, null, List.of());
            assertEquals("INTERNAL", kind(a));

            UUID roleA = UUID.randomUUID();
            world.role("added", roleA, a, "ERP-2027", TODAY.plusDays(10));
            assertEquals("STAKEHOLDER", kind(a));
            assertTrue(filtered(world.unit, "STAKEHOLDER").contains(a.toString()));
            assertFalse(filtered(world.unit, "INTERNAL").contains(a.toString()));
            assertEquals(List.of("ERP-2027@" + TODAY.plusDays(10)), expiring(a));

            world.role("ended", roleA, a, "ERP-2027", TODAY.plusDays(10));
            assertEquals("INTERNAL", kind(a), "an ended role is not open");
            assertFalse(filtered(world.unit, "STAKEHOLDER").contains(a.toString()));
            assertTrue(filtered(world.unit, "INTERNAL").contains(a.toString()));
            assertEquals(List.of(), expiring(a), "an ended role is not expiring");

            UUID roleB = UUID.randomUUID();
            world.role("added", roleB, b, "HR-OPS", TODAY.plusDays(5));
            assertEquals("STAKEHOLDER", kind(b));
            assertEquals(List.of("HR-OPS@" + TODAY.plusDays(5)), expiring(b));

            // six days on, its end date has passed: no event, and yet no longer a stakeholder nor expiring
            TestClock.pin(T.plus(Duration.ofDays(6)));
            assertEquals("INTERNAL", kind(b));
            assertTrue(filtered(world.unit, "INTERNAL").contains(b.toString()));
            assertFalse(filtered(world.unit, "STAKEHOLDER").contains(b.toString()));
            assertEquals(List.of(), expiring(b));

            // the role changed to open-ended: a stakeholder again, and not expiring (no end in the window)
            world.role("updated", roleB, b, "HR-OPS", null);
            assertEquals("STAKEHOLDER", kind(b));
            assertTrue(filtered(world.unit, "STAKEHOLDER").contains(b.toString()));
            assertEquals(List.of(), expiring(b));
        }
    }
}
