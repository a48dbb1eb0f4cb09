package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.service.DueSliceJob;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * A secondment as time passes (issue 15): while it runs, only the weeks worked count, in the score and in the
 * factors alike; the due-slice job credits each week as it falls due; completed early, it stops crediting at its
 * completion and the score only decays afterwards. The clock is pinned ({@link TestClock}) and the job run by hand.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class LongRunningEngagementTest {

    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ScoringParameters params;

    @Inject
    DueSliceJob job;

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    private JsonNode relationship(UUID contact) {
        return Scenario.get("/api/v1/relationships/" + contact);
    }

    private RelationshipModel model(EngagementSnapshot s) {
        RelationshipModel m = new RelationshipModel(params);
        m.apply(EngagementEvent.logged("e", 1, s));
        return m;
    }

    @Test
    void aSecondmentCountsWeekByWeekAndStopsAtItsEarlyCompletion() throws Exception {
        TestClock.pin(T);
        try (Scenario world = new Scenario(bootstrap, em)) {
            UUID contact = world.contact(T.minus(Duration.ofDays(400)), "MANAGER", null, null, null, null, List.of());
            // ten weeks, 100 hours, five of them worked by T
            EngagementSnapshot active = new EngagementSnapshot(UUID.randomUUID(), EngagementType.SECONDMENT,
                EngagementStatus.ACTIVE, T.minus(Duration.ofDays(35)), T.plus(Duration.ofDays(35)), Direction.PMO_RECEIVED,
                100.0, 4, List.of(contact));
            world.engagement("rapport.engagement.logged.v1", active, 1);

            JsonNode atT = relationship(contact);
            assertEquals(50.0, atT.get("factors").get("depthHours").doubleValue(), 1e-9, "five of ten weeks worked: 50 of 100 h");
            assertEquals(50.0, atT.get("factors").get("hoursReceived").doubleValue(), 1e-9);
            ModelAgreement.assertSame(model(active).relationship(contact, T), atT, "running secondment at T");

            // two weeks later, the due-slice job credits the two weeks worked since
            Instant later = T.plus(Duration.ofDays(14));
            TestClock.pin(later);
            assertTrue(job.run() >= 1, "the job advanced the secondment");
            JsonNode atLater = relationship(contact);
            assertEquals(70.0, atLater.get("factors").get("depthHours").doubleValue(), 1e-9);
            ModelAgreement.assertSame(model(active).relationship(contact, later), atLater, "running secondment two weeks on");
            assertTrue(atLater.get("score").doubleValue() > atT.get("score").doubleValue(), "it grows while it runs");

            // completed three days after that: 52 of its 70 days happened
            Instant completion = later.plus(Duration.ofDays(3));
            TestClock.pin(completion);
            EngagementSnapshot completed = new EngagementSnapshot(active.id(), active.type(), EngagementStatus.COMPLETED,
                active.startAt(), active.endAt(), active.direction(), active.effortHours(), active.sentiment(), active.participants(),
                completion);
            world.engagement("rapport.engagement.status-changed.v1", completed, 2);
            JsonNode atCompletion = relationship(contact);
            assertEquals(100.0 * 52 / 70, atCompletion.get("factors").get("depthHours").doubleValue(), 1e-6);
            ModelAgreement.assertSame(model(completed).relationship(contact, completion), atCompletion, "at its completion");

            // weeks later, nothing more was credited: the score decayed from the completion, the factors stayed
            Instant end = T.plus(Duration.ofDays(60));
            TestClock.pin(end);
            job.run();
            JsonNode afterwards = relationship(contact);
            assertEquals(atCompletion.get("factors").get("depthHours"), afterwards.get("factors").get("depthHours"));
            ModelAgreement.assertSame(model(completed).relationship(contact, end), afterwards, "after its completion");
            double decayedOnly = params.score(model(completed).strengthAt(contact, completion)
                * Math.pow(2, -Duration.between(completion, end).toSeconds() / (double) params.halfLifeSeconds()));
            assertEquals(decayedOnly, afterwards.get("score").doubleValue(), 1e-9, "only decay since the completion");
            assertTrue(afterwards.get("score").doubleValue() < model(active).scoreAt(contact, end),
                "had it run on, its later weeks would have counted");
        }
    }
}
