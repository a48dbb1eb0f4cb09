package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.analytics.model.Factors;
import io.rapport.analytics.model.RelationshipScore;

/** Asserts that a relationship as the API answers it is the model's, to summation order. */
final class ModelAgreement {

    private ModelAgreement() {
    }

    static void assertSame(RelationshipScore expected, JsonNode body, String what) {
        double score = body.get("score").doubleValue();
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected.score()));
        assertEquals(expected.score(), score, tolerance, "score of " + what);
        assertEquals(expected.trend(), body.get("trend").doubleValue(), 1e-9, "trend of " + what);
        assertEquals(expected.band().name(), body.get("band").asText(), "band of " + what);
        assertEquals(String.valueOf(expected.nextBand()), text(body, "nextBand"), "nextBand of " + what);
        assertEquals(String.valueOf(expected.dropsOn()), text(body, "dropsOn"), "dropsOn of " + what);
        assertEquals(String.valueOf(expected.coldOn()), text(body, "coldOn"), "coldOn of " + what);
        assertEquals(String.valueOf(expected.lastEngagementAt()), text(body, "lastEngagementAt"), "lastEngagementAt of " + what);
        Factors f = expected.factors();
        JsonNode a = body.get("factors");
        assertEquals(String.valueOf(f.recencyDays()), text(a, "recencyDays"), "recencyDays of " + what);
        assertEquals(f.frequency90d(), a.get("frequency90d").intValue(), "frequency90d of " + what);
        assertEquals(f.depthHours(), a.get("depthHours").doubleValue(), 0.0, "depthHours of " + what);
        assertEquals(f.hoursGiven(), a.get("hoursGiven").doubleValue(), 0.0, "hoursGiven of " + what);
        assertEquals(f.hoursReceived(), a.get("hoursReceived").doubleValue(), 0.0, "hoursReceived of " + what);
        assertNullableClose(f.sentiment(), a.get("sentiment"), "sentiment of " + what);
        assertNullableClose(f.reciprocity(), a.get("reciprocity"), "reciprocity of " + what);
    }

    private static void assertNullableClose(Double expected, JsonNode actual, String what) {
        if (expected == null) {
            assertTrue(actual == null || actual.isNull(), what + " is null, got " + actual);
        } else {
            assertEquals(expected, actual.doubleValue(), 1e-12, what);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "null" : v.asText();
    }
}
