package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class ProxyBehaviourTest {

    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URL base;

    private String editor(String subject) {
        return "Bearer " + upstreams.token(subject, "rapport-editor");
    }

    @Test
    void requestHeadersThatMatterReachTheUpstreamAndHopByHopOnesDoNot() {
        String token = editor("headers-1");
        given().header("Authorization", token)
            .header("If-Match", "\"2\"")
            .header("Idempotency-Key", "idem-42")
            .header("Accept", "application/json")
            .header("Accept-Language", "en")
            .header("X-Request-Id", "req-abc-123")
            .header("Proxy-Authorization", "Basic c2VjcmV0")
            .header("Upgrade", "websocket")
            .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .contentType("application/json")
            .body("{\"fullName\":\"Priya Shah\"}")
            .put("/api/v1/contacts/abc?dryRun=true&x=1")
            .then().statusCode(200)
            .body("path", equalTo("/api/v1/contacts/abc"))
            .body("query", equalTo("dryRun=true&x=1"))
            .body("headers.if-match", equalTo("\"2\""))
            .body("headers.idempotency-key", equalTo("idem-42"))
            .body("headers.accept", equalTo("application/json"))
            .body("headers.accept-language", equalTo("en"))
            .body("headers.content-type", matchesPattern("application/json.*"))
            .body("headers.authorization", equalTo(token))
            .body("headers.x-request-id", equalTo("req-abc-123"))
            // same trace, the gateway's own span as parent (TracingTest)
            .body("headers.traceparent", matchesPattern("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01"))
            .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"))
            .body("headers.x-forwarded-user", equalTo("headers-1"))
            .body("headers.proxy-authorization", nullValue())
            .body("headers.upgrade", nullValue())
            .body("bodyBytes", equalTo(25))
            .header("X-Request-Id", "req-abc-123");
    }

    @Test
    void eachRequestGetsAnAccessLogLineWithItsRequestIdAndTraceIdWrittenOffTheEventLoop() throws Exception {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        ExtHandler capture = capturingInto(lines);
        Logger access = Logger.getLogger(AccessLog.CATEGORY);
        access.addHandler(capture);
        try {
            given().header("Authorization", editor("access-1")).header("X-Request-Id", "req-access-ok")
                .header("traceparent", "00-5d41402abc4b2a76b9719d911017c592-b7ad6b7169203331-01")
                .get("/api/v1/contacts/abc").then().statusCode(200);
            given().header("X-Request-Id", "req-access-401").get("/api/v1/engagements").then().statusCode(401);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ExtLogRecord ok = lines.stream().filter(r -> "req-access-ok".equals(r.getMdc("requestId"))).findFirst().orElseThrow(
                () -> new AssertionError("no access line with the request id: " + lines.stream().map(ExtLogRecord::getMdcCopy).toList()));
            assertTrue(ok.getFormattedMessage().matches("GET /api/v1/contacts/abc -> contacts 200 in \\d+ ms"), ok.getFormattedMessage());
            assertEquals("5d41402abc4b2a76b9719d911017c592", ok.getMdc("traceId"), "the trace id of the request");
            assertTrue(ok.getThreadName().startsWith("vert.x-eventloop-thread-"), "made on the request's thread: " + ok.getThreadName());
            ExtLogRecord refused = lines.stream().filter(r -> "req-access-401".equals(r.getMdc("requestId"))).findFirst().orElseThrow();
            assertEquals("GET /api/v1/engagements -> 401 (gateway: a bearer token is required)", refused.getFormattedMessage());
        } finally {
            access.removeHandler(capture);
        }
    }

    @Test
    void responseHeadersThatMatterComeBackAndHopByHopOnesDoNot() {
        Response response = given().header("Authorization", editor("headers-2")).get("/api/v1/contacts/abc");
        response.then().statusCode(200)
            .header("ETag", "\"3\"")
            .header("Retry-After", "7")
            .header("X-Upstream", "contacts")
            .header("Content-Type", "application/json");
        assertEquals(null, response.header("Keep-Alive"));
    }

    @Test
    void requestIdIsGeneratedWhenAbsentOrInvalidAndSentUpstream() {
        Response response = given().header("Authorization", editor("rid-1")).get("/api/v1/engagements");
        String id = response.header("X-Request-Id");
        response.then().statusCode(200).body("headers.x-request-id", equalTo(id));
        assertFalse(id == null || id.isBlank());
        given().header("X-Request-Id", "bad id with spaces\t").header("Authorization", editor("rid-2"))
            .get("/api/v1/engagements").then().statusCode(200)
            .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        // the gateway's own answers carry it too
        given().header("X-Request-Id", "rid-on-401").get("/api/v1/engagements").then().statusCode(401)
            .header("X-Request-Id", "rid-on-401");
    }

    @Test
    void absoluteLocationOfTheUpstreamIsRewrittenToTheGateway() {
        String gateway = "http://localhost:" + base.getPort();
        given().header("Authorization", editor("loc-1")).contentType("application/json").body("{}")
            .post("/api/v1/contacts").then().statusCode(201)
            .header("Location", gateway + "/api/v1/contacts/0000-new");
        given().header("Authorization", editor("loc-2")).contentType("application/json").body("{}")
            .post("/api/v1/engagements").then().statusCode(201)
            .header("Location", gateway + "/api/v1/engagements/0000-new");
    }

    @Test
    void relativeLocationBecomesAnAbsoluteGatewayUrl() {
        given().header("Authorization", editor("loc-3")).contentType("application/json").body("{}")
            .post("/api/v1/contacts/relative-location").then().statusCode(201)
            .header("Location", "http://localhost:" + base.getPort() + "/api/v1/contacts/0000-relative");
    }

    @Test
    void upstreamTimeoutGives504ProblemAndTheGatewayStaysHealthy() {
        given().header("Authorization", editor("slow-1")).get("/api/v1/reports/slow")
            .then().statusCode(504)
            .contentType("application/problem+json")
            .body("status", equalTo(504))
            .body("title", equalTo("Gateway Timeout"));
        ManagementInterface.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", editor("slow-2")).get("/api/v1/coverage").then().statusCode(200)
            .body("service", equalTo("analytics"));
    }

    @Test
    void aBodyTheUpstreamAbandonsHalfWayReachesTheClientAsIncomplete() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(5000);
            send(socket, "GET /api/v1/reports/broken-stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + editor("broken-1") + "\r\n\r\n");
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = readUntilClosed(socket.getInputStream(), received);
            String response = received.toString(StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("{\"first\":\"chunk\""), "the part that came: " + response);
            // a last chunk would tell the client the body is complete; the closed connection tells it it is not
            assertFalse(response.endsWith("0\r\n\r\n"), "the cut-off body was ended as if complete: " + response);
            assertTrue(closed, "the gateway kept the connection open after a cut-off body: " + response);
        }
    }

    @Test
    void aClientLeavingMidBodyStopsTheUpstreamAndLeavesNoNettyErrorsInTheLog() throws Exception {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        ExtHandler capture = capturingInto(records);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            int before = upstreams.openStreams();
            try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
                socket.setSoTimeout(5000);
                send(socket, "GET /api/v1/reports/endless-stream HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: req-leaves"
                    + "\r\nAuthorization: " + editor("leaves-1") + "\r\n\r\n");
                byte[] some = socket.getInputStream().readNBytes(3000);
                assertTrue(new String(some, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
                assertEquals(before + 1, upstreams.openStreams(), "the upstream is streaming");
            } // the client leaves in the middle of the body
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((upstreams.openStreams() > before || aborted(records).isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before, upstreams.openStreams(), "the upstream still streams to a client that is gone");
            assertEquals(List.of("GET /api/v1/reports/endless-stream -> analytics 200, body aborted after N ms: the client went away"),
                aborted(records).stream().map(m -> m.replaceAll("after \\d+ ms", "after N ms")).toList());
            Thread.sleep(200); // anything the abort leaves behind on the event loop
            List<String> errors = records.stream()
                .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .filter(r -> !r.getLoggerName().equals(AccessLog.CATEGORY))
                .filter(r -> r.getLoggerName().startsWith("io.netty") || r.getLoggerName().startsWith("io.vertx")
                    || "req-leaves".equals(r.getMdc("requestId")))
                .map(r -> r.getLoggerName() + ": " + r.getFormattedMessage()).toList();
            assertEquals(List.of(), errors, "Netty or Vert.x warnings, or others about this request besides its access line");
        } finally {
            root.removeHandler(capture);
        }
    }

    /** A log handler that keeps every record it is given. */
    private static ExtHandler capturingInto(List<ExtLogRecord> records) {
        return new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                records.add(record);
            }
        };
    }

    private static List<String> aborted(List<ExtLogRecord> records) {
        return records.stream().filter(r -> r.getLoggerName().equals(AccessLog.CATEGORY))
            .filter(r -> "req-leaves".equals(r.getMdc("requestId"))).map(ExtLogRecord::getFormattedMessage).toList();
    }

    private static void send(Socket socket, String request) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads until the peer closes (true) or nothing comes for the socket's timeout (false). */
    private static boolean readUntilClosed(InputStream in, ByteArrayOutputStream into) throws Exception {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                into.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void nonCanonicalPathsAreRefused() {
        given().urlEncodingEnabled(false).header("Authorization", editor("path-1"))
            .get("/api/v1/contacts/a%2F..%2F..%2Fadmin").then().statusCode(400)
            .contentType("application/problem+json");
    }
}
