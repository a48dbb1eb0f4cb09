package io.rapport.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.rapport.testsupport.TestTokens;
import io.rapport.testsupport.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The suite as a client sees it: every request goes to the gateway, which routes to the three services;
 * the services talk to each other only through Kafka. Each test makes its own data (unique codes and
 * emails), so the tests are independent of each other and of their order.
 */
@ExtendWith(RapportSuite.class)
class SuiteThroughGatewayIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = RapportSuite.get().gatewayUrl();
        RestAssured.port = -1;
    }

    @Test
    void aRecordedEngagementBecomesARelationshipScoreCoverageAndValue() {
        String unitId = createUnit();
        String priya = createContact(unitId, "Priya Shah");
        String omar = createContact(unitId, "Omar Haddad");

        // engagement-service learns of the contacts from rapport.contacts.v1: until then it answers 422
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> engagement = Map.of("type", "ONE_TO_ONE", "title", "Quarterly check-in",
            "startAt", start.toString(), "direction", "PMO_GAVE", "effortHours", 2.5, "sentiment", 5,
            "participants", List.of(Map.of("contactId", priya, "role", "ATTENDEE"), Map.of("contactId", omar, "role", "HOST")));
        Response created = eventually("engagement-service knows both contacts", () -> as(TestTokens.editor())
            .contentType(ContentType.JSON).header("Idempotency-Key", "e2e-" + priya).body(engagement)
            .post("/api/v1/engagements"), r -> r.statusCode() == 201);
        created.then().header("Location", startsWith(RapportSuite.get().gatewayUrl() + "/api/v1/engagements/"))
            .body("participants.businessUnitId", hasItem(unitId)).body("status", equalTo("COMPLETED"));

        // analytics-service folds it from rapport.engagements.v1
        Response relationship = eventually("analytics scored the engagement", () -> as(TestTokens.viewer())
            .get("/api/v1/relationships/" + priya), r -> r.statusCode() == 200 && r.path("lastEngagementAt") != null);
        relationship.then().body("score", greaterThan(0f)).body("businessUnitId", equalTo(unitId))
            .body("factors.frequency90d", equalTo(1)).body("factors.sentiment", equalTo(5.0f))
            .body("factors.hoursGiven", equalTo(2.5f)).body("dropsOn", startsWith("20"));

        Response coverage = as(TestTokens.viewer()).get("/api/v1/coverage");
        coverage.then().statusCode(200);
        List<Map<String, Object>> units = coverage.path("items.findAll { it.businessUnitId == '" + unitId + "' }");
        assertEquals(1, units.size(), coverage.asString());
        assertTrue(List.of(priya, omar).contains(units.get(0).get("strongestContactId")), units.toString());

        as(TestTokens.viewer()).queryParam("from", start.toString().substring(0, 10))
            .queryParam("to", Instant.now().toString().substring(0, 10)).queryParam("businessUnitId", unitId)
            .get("/api/v1/reports/value").then().statusCode(200)
            .body("items[0].businessUnitId", equalTo(unitId)).body("items[0].hoursGiven", equalTo(2.5f))
            .body("items[0].engagementsByType.ONE_TO_ONE", equalTo(1));
    }

    @Test
    void erasureReachesTheOtherServicesThroughKafka() {
        String unitId = createUnit();
        String contactId = createContact(unitId, "Erin Example");
        eventually("analytics knows the contact", () -> as(TestTokens.viewer()).get("/api/v1/relationships/" + contactId),
            r -> r.statusCode() == 200);

        as(TestTokens.editor()).post("/api/v1/contacts/" + contactId + "/erasure").then().statusCode(403);
        as(TestTokens.admin()).post("/api/v1/contacts/" + contactId + "/erasure").then().statusCode(200)
            .body("status", equalTo("ERASED")).body("fullName", equalTo(null)).body("email", equalTo(null));

        Map<String, Object> engagement = Map.of("type", "ONE_TO_ONE", "title", "After erasure",
            "startAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "direction", "MUTUAL",
            "participants", List.of(Map.of("contactId", contactId, "role", "ATTENDEE")));
        eventually("engagement-service refuses the erased contact", () -> as(TestTokens.editor())
            .contentType(ContentType.JSON).body(engagement).post("/api/v1/engagements"),
            r -> r.statusCode() == 422 && r.asString().contains("erased"));
        eventually("analytics no longer shows the erased contact", () -> as(TestTokens.viewer())
            .get("/api/v1/relationships/" + contactId), r -> r.statusCode() == 404);
    }

    @Test
    void theGatewayAuthenticatesAuthorisesAndSpeaksProblemDetails() {
        given().get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json")
            .header("WWW-Authenticate", startsWith("Bearer"));
        as(TestTokens.expired()).get("/api/v1/coverage").then().statusCode(401);
        as(TestTokens.badSignature()).get("/api/v1/engagements").then().statusCode(401);
        as(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("code", "X", "name", "X"))
            .post("/api/v1/business-units").then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.viewer()).post("/api/v1/admin/rebuild").then().statusCode(403);
        as(TestTokens.viewer()).get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404)
            .contentType("application/problem+json").body("status", equalTo(404));
        String requestId = "e2e-" + UUID.randomUUID();
        as(TestTokens.viewer()).header("X-Request-Id", requestId).get("/api/v1/network").then().statusCode(200)
            .header("X-Request-Id", requestId);
    }

    @Test
    void theCallersTraceReachesTheEventOnKafka() {
        String unitId = createUnit();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String email = "trace." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (TopicProbe probe = TopicProbe.atEnd(RapportSuite.get().bootstrap(), "rapport.contacts.v1")) {
            String contactId = as(TestTokens.editor()).contentType(ContentType.JSON).header("traceparent", traceparent)
                .body(Map.of("fullName", "Tracy Trace", "email", email, "businessUnitId", unitId, "seniority", "STAFF"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            List<ConsumerRecord<String, String>> events = probe.await(1, EVENTUALLY, r -> contactId.equals(r.key()));
            assertEquals(1, events.size(), "ContactCreated on rapport.contacts.v1");
            Header header = events.get(0).headers().lastHeader("traceparent");
            assertTrue(header != null, "the event carries a traceparent");
            String sent = new String(header.value(), StandardCharsets.UTF_8);
            assertEquals(traceId, sent.split("-")[1], "same trace as the caller's request: " + sent);
            assertTrue(!sent.split("-")[2].equals("00f067aa0ba902b7"), "a span of the services, not the caller's: " + sent);
        }
    }

    @Test
    void optimisticLockingWorksThroughTheGateway() {
        String unitId = createUnit();
        String contactId = createContact(unitId, "Lock Smith");
        Response read = as(TestTokens.viewer()).get("/api/v1/contacts/" + contactId);
        String etag = read.header("ETag");
        Map<String, Object> replacement = Map.of("fullName", "Lock Smith", "email", read.path("email"),
            "businessUnitId", unitId, "seniority", "SENIOR_MANAGER");
        as(TestTokens.editor()).contentType(ContentType.JSON).body(replacement)
            .put("/api/v1/contacts/" + contactId).then().statusCode(428);
        as(TestTokens.editor()).contentType(ContentType.JSON).header("If-Match", etag).body(replacement)
            .put("/api/v1/contacts/" + contactId).then().statusCode(200).body("seniority", equalTo("SENIOR_MANAGER"));
        as(TestTokens.editor()).contentType(ContentType.JSON).header("If-Match", etag).body(replacement)
            .put("/api/v1/contacts/" + contactId).then().statusCode(412);
    }

    @Test
    void oneMergedOpenApiDocumentAndHealthOnTheManagementPortOnly() {
        given().get("/openapi").then().statusCode(200)
            .body("paths.keySet()", hasItem("/api/v1/contacts"))
            .body("paths.keySet()", hasItem("/api/v1/engagements"))
            .body("paths.keySet()", hasItem("/api/v1/relationships/{contactId}"))
            .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
            .body("paths.'/api/v1/admin/rebuild'.post.x-required-role", equalTo("rapport-admin"));
        // every operation a service documents is in the merged document, and the gateway routes it (not its own 404)
        Map<String, Object> merged = given().get("/openapi?format=json").then().statusCode(200).extract().path("paths");
        for (String module : List.of("contacts-service", "engagement-service", "analytics-service")) {
            Map<String, Object> own = given().baseUri(RapportSuite.get().service(module).url()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
            for (String path : own.keySet()) {
                assertTrue(merged.containsKey(path), module + " documents " + path + " but the merged document lacks it");
                String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                Response routed = as(TestTokens.admin()).get(concrete);
                assertTrue(routed.statusCode() != 404 || !routed.asString().contains("no route for"),
                    "the gateway does not route " + path + ": " + routed.statusCode() + " " + routed.asString());
            }
        }
        given().get("/q/health/ready").then().statusCode(404);
        given().baseUri(RapportSuite.get().gatewayManagementUrl()).get("/q/health/ready").then().statusCode(200)
            .body("status", equalTo("UP"));
    }

    // ---- helpers ----

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String createUnit() {
        String code = "E2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return as(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "name", "Unit " + code))
            .post("/api/v1/business-units").then().statusCode(201)
            .header("Location", startsWith(RapportSuite.get().gatewayUrl() + "/api/v1/business-units/"))
            .extract().path("id");
    }

    private static String createContact(String unitId, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return as(TestTokens.editor()).contentType(ContentType.JSON)
            .body(Map.of("fullName", name, "email", email, "businessUnitId", unitId, "seniority", "MANAGER",
                "owner", Map.of("name", "Sam Lee", "email", "sam.lee@example.com")))
            .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** Repeats the request until the condition holds (the services converge through Kafka), or fails with the last answer. */
    private static Response eventually(String what, Supplier<Response> request, java.util.function.Predicate<Response> done) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            ServiceProcess.sleep(200);
        }
        throw new AssertionError("not within " + EVENTUALLY + ": " + what + "; last answer " + last.statusCode() + " "
            + last.asString());
    }
}
