package io.rapport.platform.rest;

import jakarta.ws.rs.core.EntityTag;

import io.rapport.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: single resources carry {@code ETag: "<version>"}; a change needs
 * {@code If-Match} with the current version (missing → 428, stale → 412).
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Returns the version the client read, or throws 428 / 412 problem details. */
    public static long requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("this update needs an If-Match header with the ETag you read");
        }
        Long expected = parseVersion(ifMatch);
        if (expected == null || expected != currentVersion) {
            throw ProblemException.preconditionFailed("the resource changed since you read it (current ETag \""
                + currentVersion + "\"); read it again and retry");
        }
        return expected;
    }

    /** The version in an If-Match value ({@code "3"}, {@code W/"3"} or {@code 3}); null when it is none. */
    static Long parseVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
