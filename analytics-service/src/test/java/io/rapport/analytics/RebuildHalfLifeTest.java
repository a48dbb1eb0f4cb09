package io.rapport.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.testsupport.RapportInfrastructureResource;

/** Under a different half-life (30 days), the scores after a rebuild are exactly the model's under that half-life. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
@TestProfile(RebuildHalfLifeTest.HalfLife30Days.class)
class RebuildHalfLifeTest {

    public static class HalfLife30Days implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.scoring.half-life", "P30D");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ScoringParameters params;

    @Test
    void scoresAfterRebuildFollowTheModelUnderTheConfiguredHalfLife() throws Exception {
        ScoringParameters expectedParams = ScoringParameters.defaults().withHalfLife(Duration.ofDays(30));
        assertEquals(expectedParams, params);

        // The database may hold other tests' rows folded under the default half-life: then the service started a
        // rebuild on its own (the stored strengths depend on the half-life). Let it finish first.
        RebuildFixture.await("no rebuild running", Duration.ofMinutes(5),
            () -> !"RUNNING".equals(RebuildFixture.rebuildStatus().get("status").asText()));
        TestClock.pin(RebuildFixture.AT);
        RebuildFixture f = new RebuildFixture(20261127L, 10, 120);
        f.publishAndAwait(bootstrap, em);

        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        RebuildFixture.awaitRebuildDone();

        RelationshipModel model = f.model(expectedParams);
        RelationshipModel defaults = f.model(ScoringParameters.defaults());
        int differ = 0;
        for (UUID c : f.contacts) {
            JsonNode body = RebuildFixture.relationship(c);
            RelationshipScore expected = model.relationship(c, RebuildFixture.AT);
            double score = body.get("score").doubleValue();
            assertEquals(expected.score(), score, 1e-9, "score of " + c);
            assertEquals(expected.trend(), body.get("trend").doubleValue(), 1e-9, "trend of " + c);
            assertEquals(expected.band().name(), body.get("band").asText());
            assertEquals(String.valueOf(expected.dropsOn()), body.get("dropsOn").isNull() ? "null" : body.get("dropsOn").asText());
            if (Math.abs(defaults.relationship(c, RebuildFixture.AT).score() - score) > 1e-6) {
                differ++;
            }
        }
        assertTrue(differ > 0, "the half-life changes some scores");
    }

    @AfterEach
    void unpinClock() {
        TestClock.unpin();
    }
}
