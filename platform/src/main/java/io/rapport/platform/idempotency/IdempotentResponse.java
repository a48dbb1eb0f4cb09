package io.rapport.platform.idempotency;

import java.net.URI;

/**
 * What a creating POST answered: status, Location, body and ETag (the created resource's version, null when it
 * has none), as stored and replayed.
 */
public record IdempotentResponse(int status, URI location, Object body, String etag) {

    public IdempotentResponse(int status, URI location, Object body) {
        this(status, location, body, null);
    }

    public static IdempotentResponse created(URI location, Object body) {
        return new IdempotentResponse(201, location, body);
    }

    /** A 201 whose {@code ETag} is {@code "<version>"} of the created resource. */
    public static IdempotentResponse created(URI location, Object body, long version) {
        return new IdempotentResponse(201, location, body, Long.toString(version));
    }

    public static IdempotentResponse ok(Object body) {
        return new IdempotentResponse(200, null, body);
    }
}
