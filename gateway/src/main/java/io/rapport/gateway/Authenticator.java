package io.rapport.gateway;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token with SmallRye JWT: RS256 signature against the configured public key
 * ({@code mp.jwt.verify.publickey.location}), issuer ({@code mp.jwt.verify.issuer}), expiry.
 */
@ApplicationScoped
public class Authenticator {

    /** A verified caller, or the reason there is none (then {@code principal} is null). */
    public record Result(String principal, Set<String> groups, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    @Inject
    JWTParser parser;

    public Result authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Result(null, Set.of(), "a bearer token is required");
        }
        if (authorizationHeader.length() < 7 || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Result(null, Set.of(), "the Authorization header must be 'Bearer <token>'");
        }
        String token = authorizationHeader.substring(7).trim();
        if (token.isEmpty() || token.chars().filter(c -> c == '.').count() != 2) {
            return new Result(null, Set.of(), "the bearer token is not a signed JWT");
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            String principal = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            if (principal == null || principal.isBlank()) {
                return new Result(null, Set.of(), "the token names no subject");
            }
            Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
            return new Result(principal, groups, null);
        } catch (ParseException e) {
            return new Result(null, Set.of(), expired(e) ? "the token has expired" : "the token is not valid (signature, issuer or format)");
        } catch (RuntimeException e) {
            return new Result(null, Set.of(), "the token is not valid");
        }
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
