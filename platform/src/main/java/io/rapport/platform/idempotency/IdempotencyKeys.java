package io.rapport.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} for creating POSTs. The key, a fingerprint of the request and the first
 * response are stored in the same transaction as the creation: a repeat with the same body gets
 * the first response again (nothing is created twice), a repeat with another body gets 422, and a
 * concurrent repeat still in flight gets 409.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** The request fingerprint of a redacted entry: any repeat of its key replays the redacted response. */
    static final String REDACTED = "redacted";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager entityManager;
    private final ObjectMapper responseMapper;
    private final ObjectMapper canonicalMapper;

    public IdempotencyKeys(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.responseMapper = mapper;
        this.canonicalMapper = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndAddModules()
            .build();
    }

    /**
     * Runs {@code action} once per (scope, key); without a key it just runs it.
     *
     * @param scope   what the key is unique within, e.g. {@code "POST /api/v1/contacts"}
     * @param request the request body (a DTO, or the raw text/bytes), fingerprinted
     */
    @Transactional
    public Response execute(String key, String scope, Object request, Supplier<IdempotentResponse> action) {
        if (key == null) {
            return toResponse(action.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid Idempotency-Key", List.of(
                new FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters")));
        }
        String fingerprint = fingerprint(request);
        List<?> existing = entityManager.createNativeQuery(
                "select request_hash, status, location, response_body, etag from idempotency_key"
                    + " where scope = :scope and idem_key = :key")
            .setParameter("scope", scope).setParameter("key", key).getResultList();
        if (!existing.isEmpty()) {
            Object[] row = (Object[]) existing.get(0);
            if (!fingerprint.equals(row[0]) && !REDACTED.equals(row[0])) {
                throw ProblemException.unprocessable("this Idempotency-Key was used with a different request body", null);
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
            if (row[2] != null) {
                replay.location(URI.create((String) row[2]));
            }
            if (row[3] != null) {
                replay.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (row[4] != null) {
                replay.tag(new EntityTag((String) row[4]));
            }
            return replay.build();
        }
        int claimed = entityManager.createNativeQuery(
                "insert into idempotency_key (scope, idem_key, request_hash, status, created_at)"
                    + " values (:scope, :key, :hash, 0, :at) on conflict do nothing")
            .setParameter("scope", scope).setParameter("key", key).setParameter("hash", fingerprint)
            .setParameter("at", Instant.now()).executeUpdate();
        if (claimed == 0) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still being processed; retry later");
        }
        IdempotentResponse result = action.get();
        entityManager.createNativeQuery(
                "update idempotency_key set status = :status, location = :location, response_body = :body, etag = :etag"
                    + " where scope = :scope and idem_key = :key")
            .setParameter("status", result.status())
            .setParameter("etag", result.etag())
            .setParameter("location", result.location() == null ? null : result.location().toString())
            .setParameter("body", result.body() == null ? null : json(result.body()))
            .setParameter("scope", scope).setParameter("key", key).executeUpdate();
        return toResponse(result);
    }

    /**
     * Right to erasure: replaces the stored response of every key whose response {@code Location} is
     * {@code location} with {@code replacementBody} (null for none) and drops the request fingerprint
     * (a hash of the personal data sent). A repeat of such a key replays the redacted response, so it
     * never re-creates what was erased. Runs in the caller's transaction.
     *
     * @param location the Location the creating POST answered, exactly as it was stored
     * @return the number of entries redacted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactResponses(String location, Object replacementBody) {
        return entityManager.createNativeQuery(
                "update idempotency_key set response_body = :body, request_hash = :redacted, etag = null"
                    + " where location = :location")
            .setParameter("body", replacementBody == null ? null : json(replacementBody))
            .setParameter("redacted", REDACTED)
            .setParameter("location", location)
            .executeUpdate();
    }

    /**
     * Like {@link #redactResponses} for every stored response whose {@code Location} lies under
     * {@code locationPrefix + "/"} (e.g. the sub-resources of an erased resource).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactResponsesUnder(String locationPrefix, Object replacementBody) {
        String escaped = locationPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return entityManager.createNativeQuery(
                "update idempotency_key set response_body = :body, request_hash = :redacted, etag = null"
                    + " where location like :prefix escape '\\'")
            .setParameter("body", replacementBody == null ? null : json(replacementBody))
            .setParameter("redacted", REDACTED)
            .setParameter("prefix", escaped + "/%")
            .executeUpdate();
    }

    private static Response toResponse(IdempotentResponse result) {
        Response.ResponseBuilder builder = Response.status(result.status());
        if (result.location() != null) {
            builder.location(result.location());
        }
        if (result.body() != null) {
            builder.entity(result.body());
        }
        if (result.etag() != null) {
            builder.tag(new EntityTag(result.etag()));
        }
        return builder.build();
    }

    private String json(Object body) {
        try {
            return responseMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored as JSON", e);
        }
    }

    String fingerprint(Object request) {
        byte[] bytes;
        if (request instanceof byte[] raw) {
            bytes = raw;
        } else if (request instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = canonicalMapper.writeValueAsBytes(request);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("request cannot be fingerprinted", e);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
