package io.rapport.platform.idempotency;

import java.net.URI;

/** What a creating POST answered: status, Location and body, as stored and replayed. */
public record IdempotentResponse(int status, URI location, Object body) {

    public static IdempotentResponse created(URI location, Object body) {
        return new IdempotentResponse(201, location, body);
    }

    public static IdempotentResponse ok(Object body) {
        return new IdempotentResponse(200, null, body);
    }
}
