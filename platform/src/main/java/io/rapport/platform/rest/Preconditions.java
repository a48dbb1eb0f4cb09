package io.rapport.platform.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;

import io.rapport.platform.problem.ProblemException;

/**
 * Optimistic locking and conditional reads over HTTP (RFC 9110 section 13): single resources carry
 * {@code ETag: "<version>"}; a change needs {@code If-Match} with the current version (missing → 428,
 * stale → 412), compared strongly: a weak tag ({@code W/"3"}) never matches. A read with
 * {@code If-None-Match} naming the current version is answered 304 ({@link ConditionalGetFilter}),
 * compared weakly as RFC 9110 asks.
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
        if (!strongMatch(ifMatch, currentVersion)) {
            throw ProblemException.preconditionFailed("the resource changed since you read it (current ETag \""
                + currentVersion + "\"); read it again and retry");
        }
        return currentVersion;
    }

    /**
     * If-Match's strong comparison: true when one of the listed tags is exactly {@code "<version>"} (or the bare
     * number, which older clients send). A weak tag never matches; {@code *} is not accepted either, as it would
     * skip the lost-update check this header exists for.
     */
    static boolean strongMatch(String ifMatch, long version) {
        for (String tag : tags(ifMatch)) {
            if (!tag.startsWith("W/") && Long.valueOf(version).equals(parseVersion(tag))) {
                return true;
            }
        }
        return false;
    }

    /** If-None-Match's weak comparison: true when {@code *} or one of the listed tags, weak or not, is the version. */
    public static boolean weakMatch(String ifNoneMatch, String currentTag) {
        if (ifNoneMatch == null || currentTag == null) {
            return false;
        }
        String current = opaque(currentTag);
        for (String tag : tags(ifNoneMatch)) {
            if (tag.equals("*") || opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The version in one entity tag ({@code "3"}, {@code W/"3"} or {@code 3}); null when it is none. */
    static Long parseVersion(String tag) {
        try {
            return Long.parseLong(opaque(tag));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The opaque part of an entity tag: without {@code W/} and quotes. */
    private static String opaque(String tag) {
        String value = tag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The comma-separated entity tags of an If-Match / If-None-Match value (a quoted tag holds no comma here). */
    private static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                tags.add(part.trim());
            }
        }
        return tags;
    }
}
