package io.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain unit tests (no Quarkus): bucket and breaker on a fake clock, routing rules, merge without a service. */
class UnitsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void tokenBucketRefillsAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong(0);
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(3, 0.5, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").allowed());
        }
        TokenBucketRateLimiter.Decision refused = limiter.tryAcquire("a");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds());
        assertTrue(limiter.tryAcquire("b").allowed(), "buckets are per principal");
        now.addAndGet(SECOND);
        assertFalse(limiter.tryAcquire("a").allowed(), "half a token after one second");
        now.addAndGet(SECOND);
        assertTrue(limiter.tryAcquire("a").allowed());
        now.addAndGet(100 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").allowed());
        }
        assertFalse(limiter.tryAcquire("a").allowed(), "never more than the capacity");
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() {
        AtomicLong now = new AtomicLong(0);
        CircuitBreaker breaker = new CircuitBreaker(3, 10 * SECOND, now::get);
        for (int i = 0; i < 2; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.failure();
        }
        assertTrue(breaker.tryAcquire());
        breaker.success(); // a success resets the count
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.failure();
        }
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.secondsUntilTrial());
        now.addAndGet(10 * SECOND);
        assertTrue(breaker.tryAcquire(), "one trial after the open period");
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        now.addAndGet(10 * SECOND);
        assertTrue(breaker.tryAcquire());
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void routeTableMatchesWholeSegments() {
        assertEquals("contacts", RouteTable.upstreamFor("/api/v1/contacts"));
        assertEquals("contacts", RouteTable.upstreamFor("/api/v1/business-units/x"));
        assertEquals("engagement", RouteTable.upstreamFor("/api/v1/forums/x/attendance"));
        assertEquals("analytics", RouteTable.upstreamFor("/api/v1/network"));
        assertNull(RouteTable.upstreamFor("/api/v1/network/x"));
        assertEquals("analytics", RouteTable.upstreamFor("/api/v1/expertise"));
        assertNull(RouteTable.upstreamFor("/api/v1/expertise/x"));
        assertNull(RouteTable.upstreamFor("/api/v1/contactsx"));
        assertNull(RouteTable.upstreamFor("/api/v1"));
        assertEquals(Role.ADMIN, RouteTable.requiredRole("POST", "/api/v1/contacts/{id}/erasure"));
        assertEquals(Role.EDITOR, RouteTable.requiredRole("POST", "/api/v1/contacts/a/b/erasure"));
        assertEquals(Role.ADMIN, RouteTable.requiredRole("PATCH", "/api/v1/business-units/x"));
        assertEquals(Role.VIEWER, RouteTable.requiredRole("HEAD", "/api/v1/business-units/x"));
        assertTrue(Role.VIEWER.grantedBy(Set.of("rapport-admin")));
        assertFalse(Role.EDITOR.grantedBy(Set.of("rapport-viewer")));
    }

    @Test
    void mergeNamesTheServicesLeftOutAndStillPublishesTheRest() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("analytics", new ObjectMapper().readTree(FakeOpenApi.document("analytics")));
        JsonNode merged = OpenApiMerger.merge(docs, List.of("contacts", "engagement"), "https://rapport.example", "9");
        assertTrue(merged.path("info").path("description").asText().contains("contacts, engagement"));
        assertTrue(merged.path("paths").has("/api/v1/admin/rebuild"));
        assertEquals("9", merged.path("info").path("version").asText());
        assertEquals("getContactsByIdErasure",
            OpenApiMerger.generatedId("get", "/api/v1/contacts/{id}/erasure"));
    }

    @Test
    void theTemplateOfAPathFoldsIdsAndKeepsWords() {
        String id = "0de36333-29dd-4ae2-a96b-c36f95620c26";
        assertEquals("/api/v1/contacts/{id}", RouteTable.template("/api/v1/contacts/" + id));
        assertEquals("/api/v1/contacts/{id}/stakeholder-roles/{id}",
            RouteTable.template("/api/v1/contacts/" + id + "/stakeholder-roles/" + id));
        assertEquals("/api/v1/insights/going-cold", RouteTable.template("/api/v1/insights/going-cold"));
        assertEquals("/api/v1/contacts/{id}", RouteTable.template("/api/v1/contacts/abcdefab-cdef-abcd-efab-cdefabcdefab"),
            "a UUID of letters only is still an id");
        assertEquals("/api/v1/contacts/{id}", RouteTable.template("/api/v1/contacts/12345"));
        assertEquals("/api/v1/contacts/{id}", RouteTable.template("/api/v1/contacts/Priya%20Shah"));
        assertEquals("/api/v1/contacts/", RouteTable.template("/api/v1/contacts/"));
        assertEquals("/api//v1", RouteTable.template("/api//v1"));
    }
}
