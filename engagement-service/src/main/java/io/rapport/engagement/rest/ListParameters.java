package io.rapport.engagement.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;
import io.rapport.platform.rest.SortSpec;

/**
 * Parses query parameters of a list, collecting every bad one, so a 400 names them all (a plain
 * JAX-RS conversion failure would answer 404 without saying why).
 */
final class ListParameters {

    private final List<FieldError> errors = new ArrayList<>();

    UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be a UUID"));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    /** An instant, or a date meaning the start of that day (UTC), or its end when {@code endOfDay}. */
    Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000)
                    : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant (2026-11-25T10:00:00Z) or date (2026-11-25)"));
            return null;
        }
    }

    int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        return page;
    }

    int size(Integer size, int max) {
        if (size == null) {
            return 20;
        }
        if (size < 1 || size > max) {
            errors.add(new FieldError("size", "must be between 1 and " + max));
        }
        return size;
    }

    SortSpec sort(String sort, Map<String, String> allowed, SortSpec fallback) {
        try {
            return SortSpec.parse(sort, allowed, fallback);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return fallback;
        }
    }

    void check(boolean valid, String name, String message) {
        if (!valid) {
            errors.add(new FieldError(name, message));
        }
    }

    /** Throws a 400 naming every bad parameter, if any. */
    void validate() {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1 ? "1 parameter is invalid"
                : errors.size() + " parameters are invalid", errors);
        }
    }
}
