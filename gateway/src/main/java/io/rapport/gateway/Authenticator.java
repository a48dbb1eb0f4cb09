package io.rapport.gateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token with SmallRye JWT: RS256 signature against the configured public key
 * ({@code mp.jwt.verify.publickey.location}), issuer ({@code mp.jwt.verify.issuer}), expiry.
 *
 * <p>A token that verified is remembered (keyed by the whole token string) so the next request with
 * the same token skips the JSON parsing and the RSA signature check; the time is checked on every
 * request, so a remembered token stops working exactly when SmallRye would call it expired ({@code exp}
 * plus the clock skew; {@code iat} plus the token age when one is configured), and an entry is never
 * used longer than {@link GatewayConfig.TokenCache#maxAge()} after its verification (a changed key or
 * JWKS then applies within that time). Only successes are remembered: a bad token is verified, and
 * refused, every time. The cache is bounded ({@link GatewayConfig.TokenCache#size()}).
 */
@ApplicationScoped
public class Authenticator {

    /** A verified caller, or the reason there is none (then {@code principal} is null). */
    public record Result(String principal, Set<String> groups, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** A verified token: who, and until when (epoch millis) it may be used without verifying again. */
    record Verified(Result result, long usableUntilMillis) {
    }

    @Inject
    JWTParser parser;

    @Inject
    JWTAuthContextInfo jwtContext;

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private LongSupplier clock = System::currentTimeMillis;
    private long skewMillis;
    private long tokenAgeMillis = -1;
    private long maxAgeMillis;
    private int maxEntries;

    @PostConstruct
    void init() {
        // as SmallRye's DefaultJWTTokenParser: the expiration grace if set, else the clock skew (default 60 s)
        int skew = jwtContext.getExpGracePeriodSecs() > 0 ? jwtContext.getExpGracePeriodSecs()
            : Math.max(0, jwtContext.getClockSkew());
        skewMillis = skew * 1000L;
        Long tokenAge = jwtContext.getTokenAge();
        tokenAgeMillis = tokenAge == null ? -1 : tokenAge * 1000L;
        maxAgeMillis = config.tokenCache().maxAge().toMillis();
        maxEntries = config.tokenCache().size();
    }

    /** Tests only: a fake clock for the cache's time checks. */
    void useClock(LongSupplier millis) {
        this.clock = millis;
    }

    int cachedTokens() {
        return verified.size();
    }

    public Result authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Result(null, Set.of(), "a bearer token is required");
        }
        if (authorizationHeader.length() < 7 || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Result(null, Set.of(), "the Authorization header must be 'Bearer <token>'");
        }
        String token = authorizationHeader.substring(7).trim();
        if (token.isEmpty() || dots(token) != 2) {
            return new Result(null, Set.of(), "the bearer token is not a signed JWT");
        }
        long now = clock.getAsLong();
        if (maxEntries > 0) {
            Verified hit = verified.get(token);
            if (hit != null) {
                if (now < hit.usableUntilMillis()) {
                    return hit.result();
                }
                verified.remove(token, hit); // expired (or too old): verify again, which decides
            }
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            String principal = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            if (principal == null || principal.isBlank()) {
                return new Result(null, Set.of(), "the token names no subject");
            }
            Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
            Result result = new Result(principal, groups, null);
            remember(token, jwt, result, now);
            return result;
        } catch (ParseException e) {
            return new Result(null, Set.of(), expired(e) ? "the token has expired" : "the token is not valid (signature, issuer or format)");
        } catch (RuntimeException e) {
            return new Result(null, Set.of(), "the token is not valid");
        }
    }

    private void remember(String token, JsonWebToken jwt, Result result, long now) {
        if (maxEntries <= 0 || jwt.getExpirationTime() <= 0) {
            return; // no cache, or no exp (SmallRye requires one; never remember a token without)
        }
        long until = Math.min(jwt.getExpirationTime() * 1000L + skewMillis, now + maxAgeMillis);
        if (tokenAgeMillis >= 0) {
            if (jwt.getIssuedAtTime() <= 0) {
                return;
            }
            until = Math.min(until, jwt.getIssuedAtTime() * 1000L + tokenAgeMillis);
        }
        if (until <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            evict(now);
        }
        verified.put(token, new Verified(result, until));
    }

    /** Drops the entries no longer usable; if the cache is still full, empties it (simple and bounded). */
    private void evict(long now) {
        verified.values().removeIf(v -> now >= v.usableUntilMillis());
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }

    private static int dots(String token) {
        int n = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                n++;
            }
        }
        return n;
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
