package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * W3C trace context through the gateway: the upstream request carries a traceparent whose parent is a span
 * of the gateway (not the caller's), in the caller's trace when the caller sent one, in a new trace otherwise.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    FakeUpstreams upstreams;

    private String viewer(String subject) {
        return "Bearer " + upstreams.token(subject, "rapport-viewer");
    }

    private static Matcher parse(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent == null ? "" : traceparent);
        assertTrue(m.matches(), "not a W3C traceparent: " + traceparent);
        return m;
    }

    @Test
    void anIncomingTraceContinuesUpstreamWithTheGatewaysServerSpanAsParent() {
        String incoming = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";
        String upstream = given().header("Authorization", viewer("trace-1"))
            .header("traceparent", incoming)
            .header("tracestate", "vendor=abc")
            .get("/api/v1/contacts/traced")
            .then().statusCode(200)
            .extract().path("headers.traceparent");
        Matcher m = parse(upstream);
        assertEquals(CALLER_TRACE, m.group(1), "same trace id upstream");
        String parent = m.group(2);
        assertNotEquals(CALLER_SPAN, parent, "the upstream's parent is the gateway's span, not the caller's");
        assertNotEquals("0000000000000000", parent);
        assertEquals("01", m.group(3), "the caller's sampling decision is kept");
    }

    @Test
    void theTraceStateTravelsWithTheTrace() {
        given().header("Authorization", viewer("trace-2"))
            .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
            .header("tracestate", "vendor=abc,other=xyz")
            .get("/api/v1/engagements")
            .then().statusCode(200)
            .body("headers.tracestate", org.hamcrest.Matchers.equalTo("vendor=abc,other=xyz"));
    }

    @Test
    void withoutATraceparentTheUpstreamGetsAFreshTrace() {
        String first = given().header("Authorization", viewer("trace-3")).get("/api/v1/coverage")
            .then().statusCode(200).extract().path("headers.traceparent");
        String second = given().header("Authorization", viewer("trace-3")).get("/api/v1/coverage")
            .then().statusCode(200).extract().path("headers.traceparent");
        Matcher a = parse(first);
        Matcher b = parse(second);
        assertNotEquals("00000000000000000000000000000000", a.group(1));
        assertNotEquals("0000000000000000", a.group(2));
        assertNotEquals(a.group(1), b.group(1), "each request without a trace starts its own");
    }

    @Test
    void anInvalidTraceparentIsReplacedByAFreshTrace() {
        String upstream = given().header("Authorization", viewer("trace-4"))
            .header("traceparent", "00-not-a-trace-01")
            .header("tracestate", "vendor=stale")
            .get("/api/v1/forums")
            .then().statusCode(200).extract().path("headers.traceparent");
        parse(upstream);
        given().header("Authorization", viewer("trace-4"))
            .header("traceparent", "00-not-a-trace-01")
            .header("tracestate", "vendor=stale")
            .get("/api/v1/forums")
            .then().statusCode(200)
            .body("headers.tracestate", org.hamcrest.Matchers.nullValue());
    }
}
