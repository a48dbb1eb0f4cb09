package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementType;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.Scrape;

/**
 * The metrics operations watch (issue 19), scraped from the management interface after real work: records folded
 * per topic, the consumer lag back to 0, a poison message moving the dead-letter counter, the rebuild progress.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class AnalyticsMetricsTest {

    static final Map<String, String> ENGAGEMENTS = Map.of("group", "analytics-service", "topic", TestEvents.ENGAGEMENTS);
    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void foldDeadLettersLagAndRebuildProgressMove() throws Exception {
        double folded = Scrape.now().value("rapport_fold_records_total", ENGAGEMENTS);
        folded = Double.isNaN(folded) ? 0 : folded;
        try (Scenario world = new Scenario(bootstrap, em)) {
            UUID contact = world.contact(Instant.now().minus(Duration.ofDays(10)), "MANAGER", null, null, null, null, List.of());
            world.meet(EngagementType.ONE_TO_ONE, Instant.now().minus(Duration.ofDays(1)), 1.0, Direction.MUTUAL, contact);
        }
        double before = folded;
        Scrape.await("rapport_fold_records_total", ENGAGEMENTS, v -> v >= before + 1, WAIT);
        Scrape.await("rapport_consumer_lag", ENGAGEMENTS, v -> v == 0, WAIT);

        Map<String, String> malformed = Map.of("group", "analytics-service", "topic", TestEvents.ENGAGEMENTS, "reason", "malformed");
        double dead = Scrape.now().value("rapport_dead_letters_total", malformed);
        try (TestEvents out = new TestEvents(bootstrap)) {
            out.send(TestEvents.ENGAGEMENTS, "poison-" + UUID.randomUUID(), "{ not json");
        }
        Scrape.await("rapport_dead_letters_total", malformed, v -> v >= dead + 1, WAIT);

        double progress = Scrape.now().value("rapport_rebuild_progress");
        assertFalse(Double.isNaN(progress), "the rebuild progress gauge is registered");
        assertTrue(progress >= 0 && progress <= 1, "a share: " + progress);
        String status = RebuildFixture.rebuildStatus().get("status").asText();
        if ("DONE".equals(status)) {
            assertEquals(1.0, Scrape.await("rapport_rebuild_progress", Map.of(), v -> v == 1.0, Duration.ofSeconds(10)));
        }
    }
}
