package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A verified token is remembered, but every security decision still holds for it. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class TokenCacheTest {

    FakeUpstreams upstreams;

    @Inject
    Authenticator authenticator;

    @Test
    void aRememberedTokenIsRefusedTheMomentItExpires() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(3);
        String token = "Bearer " + upstreams.tokenExpiringAt(expiresAt, "cache-exp", "rapport-viewer");
        given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(200);
        assertTrue(authenticator.cachedTokens() > 0, "the token was remembered");
        // past exp plus the 1 s clock skew of the tests
        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 2200);
        given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(401)
            .header("WWW-Authenticate", "Bearer realm=\"rapport\"")
            .body("detail", equalTo("the token has expired"));
    }

    @Test
    void aRememberedTokenStillNeedsTheRole() {
        String token = "Bearer " + upstreams.token("cache-role", "rapport-viewer");
        given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(200);
        given().header("Authorization", token).contentType("application/json").body("{}")
            .post("/api/v1/contacts").then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(200);
    }

    @Test
    void aTokenThatDiffersFromARememberedOneOnlyInItsSignatureIsRefused() {
        String good = upstreams.token("cache-sig", "rapport-admin");
        given().header("Authorization", "Bearer " + good).get("/api/v1/contacts").then().statusCode(200);
        String[] parts = good.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
            + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().header("Authorization", "Bearer " + forged).get("/api/v1/contacts").then().statusCode(401);
        String otherKey = upstreams.tokenSignedByAnotherKey("cache-sig", "rapport-admin");
        given().header("Authorization", "Bearer " + otherKey).get("/api/v1/contacts").then().statusCode(401);
        given().header("Authorization", "Bearer " + good).get("/api/v1/contacts").then().statusCode(200);
    }

    @Test
    void expiredAndMalformedTokensAreRefusedEveryTime() {
        String expired = "Bearer " + upstreams.expiredToken("cache-old", "rapport-admin");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", expired).get("/api/v1/contacts").then().statusCode(401);
            given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/contacts").then().statusCode(401);
        }
    }
}
