package io.rapport.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for the services' tests, signed (RS256) with a key pair made per test run by
 * {@link RapportInfrastructureResource}, which also points {@code mp.jwt.verify.publickey.location}
 * and {@code mp.jwt.verify.issuer} at it.
 *
 * <p>Every RestAssured request of a test carries {@code Authorization: Bearer <admin token>} unless
 * it sets its own {@code Authorization} header (which then replaces the default). A request that
 * must go without any token starts from {@link #anonymous()} instead of {@code given()}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.rapport.test";
    public static final String VIEWER = "rapport-viewer";
    public static final String EDITOR = "rapport-editor";
    public static final String ADMIN = "rapport-admin";

    /** An {@code Authorization} value the default-token filter removes instead of sending. */
    static final String NO_TOKEN = "Rapport-Test-No-Token";

    private static final Filter DEFAULT_TOKEN = new DefaultToken();

    private static volatile KeyPair keys;
    private static volatile KeyPair otherKeys;
    private static volatile String defaultAuthorization;

    private TestTokens() {
    }

    /** A request without the default admin token (and without any Authorization header). */
    public static RequestSpecification anonymous() {
        return given().header("Authorization", NO_TOKEN);
    }

    public static String viewer() {
        return token("viewer", VIEWER);
    }

    public static String editor() {
        return token("editor", EDITOR);
    }

    public static String admin() {
        return token("admin", ADMIN);
    }

    /** Signed by the right key, expired an hour ago (beyond any clock skew). */
    public static String expired() {
        return sign("expired", Set.of(ADMIN), ISSUER, Instant.now().minusSeconds(3600), keys().getPrivate());
    }

    /** Well formed, admin, but signed by a key the service does not know. */
    public static String badSignature() {
        return sign("forger", Set.of(ADMIN), ISSUER, Instant.now().plusSeconds(3600), otherKeys.getPrivate());
    }

    /** Signed by the right key, admin, but issued by someone else. */
    public static String otherIssuer() {
        return sign("stranger", Set.of(ADMIN), "https://someone-else.test", Instant.now().plusSeconds(3600),
            keys().getPrivate());
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "not-a.jwt";
    }

    /** Signed by the right key for {@code subject} with {@code groups}, valid for a day. */
    public static String token(String subject, String... groups) {
        return sign(subject, Set.of(groups), ISSUER, Instant.now().plusSeconds(86400), keys().getPrivate());
    }

    /** {@code "Bearer " + token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    // ---------------------------------------------------------------- used by the test resource

    /** A fresh key pair; writes the public key as PEM to a temporary file and returns its path. */
    public static synchronized Path newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            otherKeys = generator.generateKeyPair();
            defaultAuthorization = bearer(token("test-admin", ADMIN));
            Path file = Files.createTempFile("rapport-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the default-token filter to RestAssured once. */
    static synchronized void installDefaultToken() {
        if (!RestAssured.filters().contains(DEFAULT_TOKEN)) {
            RestAssured.filters(DEFAULT_TOKEN);
        }
    }

    private static KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            throw new IllegalStateException("no test key pair: the test needs @QuarkusTestResource(RapportInfrastructureResource.class)");
        }
        return k;
    }

    private static String sign(String subject, Set<String> groups, String issuer, Instant expiresAt, PrivateKey key) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(groups)
            .issuedAt(expiresAt.minusSeconds(90000)).expiresAt(expiresAt)
            .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** The admin token on every request that names no Authorization of its own; none for {@link #anonymous()}. */
    private static final class DefaultToken implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext ctx) {
            String given = request.getHeaders().getValue("Authorization");
            if (NO_TOKEN.equals(given)) {
                request.removeHeader("Authorization");
            } else if (given == null && defaultAuthorization != null) {
                request.header("Authorization", defaultAuthorization);
            }
            return ctx.next(request, response);
        }
    }
}
