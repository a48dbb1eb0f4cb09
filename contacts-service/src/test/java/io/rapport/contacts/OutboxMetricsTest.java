package io.rapport.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.BrokerControl;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.Scrape;

/** The outbox metrics on /q/metrics follow real writes and the real relay (README, "Metrics"). */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class OutboxMetricsTest {

    private static final String BACKLOG = "rapport_outbox_backlog";
    private static final String OLDEST = "rapport_outbox_oldest_age_seconds";
    private static final String PUBLISHED = "rapport_outbox_published_total";
    private static final Map<String, String> TOPIC = Map.of("topic", ContactEvents.TOPIC);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void publishedEventsAreCountedAndTheBacklogReturnsToZero() {
        double before = published();
        String unit = Fixtures.createUnit(null);
        Fixtures.createContact(Fixtures.contactBody(unit));

        Scrape.await(PUBLISHED, TOPIC, v -> v >= before + 2, WAIT);
        Scrape.await(BACKLOG, Map.of(), v -> v == 0, WAIT);
        assertEquals(0.0, Scrape.now().value(OLDEST), "no unpublished row, no age");
    }

    @Test
    void whileTheBrokerIsDownTheBacklogAndItsAgeGrowThenReturnToZero() {
        assumeTrue(BrokerControl.available(), "the test infrastructure does not own the broker");
        String unit = Fixtures.createUnit(null);
        Scrape.await(BACKLOG, Map.of(), v -> v == 0, WAIT);
        double before = published();
        BrokerControl.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Fixtures.createContact(Fixtures.contactBody(unit));
            }
            Scrape.await(BACKLOG, Map.of(), v -> v >= 3, WAIT);
            double age = Scrape.await(OLDEST, Map.of(), v -> v > 0, WAIT);
            Scrape.await(OLDEST, Map.of(), v -> v > age, WAIT);
        } finally {
            BrokerControl.start();
        }
        Scrape.await(BACKLOG, Map.of(), v -> v == 0, Duration.ofSeconds(120));
        assertEquals(0.0, Scrape.now().value(OLDEST), "the age goes back to 0 with the backlog");
        Scrape.await(PUBLISHED, TOPIC, v -> v >= before + 3, WAIT);
    }

    private static double published() {
        double value = Scrape.now().value(PUBLISHED, TOPIC);
        return Double.isNaN(value) ? 0 : value;
    }
}
