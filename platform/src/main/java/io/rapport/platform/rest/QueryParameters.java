package io.rapport.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/**
 * Parses a request's query parameters, collecting every bad one, then {@link #throwIfInvalid()}
 * answers 400 naming them all (a plain JAX-RS conversion failure would answer 404 without saying
 * why). Blank values count as absent.
 */
public final class QueryParameters {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    private final List<FieldError> errors = new ArrayList<>();
    private int page = -1;
    private int size = -1;

    public UUID uuid(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return invalid(name, "must be a UUID");
        }
    }

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (absent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public String oneOf(String name, String value, List<String> allowed) {
        if (absent(value)) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            return invalid(name, "must be one of " + String.join(", ", allowed));
        }
        return value.trim();
    }

    /** The value, or the fallback when absent; out of [min, max] is an error. */
    public int range(String name, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            errors.add(new FieldError(name, "must be between " + min + " and " + max));
        }
        return v;
    }

    public LocalDate date(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return invalid(name, "must be a date YYYY-MM-DD");
        }
    }

    /** An ISO-8601 instant with an offset, e.g. {@code 2026-11-25T10:00:00Z}. */
    public Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return invalid(name, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    /** An instant, or a date meaning the start of that day (UTC), or its end when {@code endOfDay}. */
    public Instant instantOrDate(String name, String value, boolean endOfDay) {
        if (absent(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000)
                    : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return invalid(name, "must be an ISO-8601 instant (2026-11-25T10:00:00Z) or date (2026-11-25)");
        }
    }

    /**
     * {@code page}: from 0, default 0. With {@link #size}, {@link #throwIfInvalid()} also refuses a page whose
     * first item ({@code page × size}) lies beyond what an int offset can address.
     */
    public int page(Integer page) {
        this.page = range("page", page, 0, 0, Integer.MAX_VALUE);
        return this.page;
    }

    /** {@code size}: 1 to {@link #MAX_SIZE}, default {@link #DEFAULT_SIZE}. */
    public int size(Integer size) {
        return size(size, MAX_SIZE);
    }

    /** {@code size}: 1 to {@code max}, default {@link #DEFAULT_SIZE}. */
    public int size(Integer size, int max) {
        this.size = range("size", size, DEFAULT_SIZE, 1, max);
        return this.size;
    }

    public SortSpec sort(String sort, Map<String, String> allowed, SortSpec fallback) {
        try {
            return SortSpec.parse(sort, allowed, fallback);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return fallback;
        }
    }

    /** Records an error unless {@code valid}. */
    public void require(boolean valid, String name, String message) {
        if (!valid) {
            errors.add(new FieldError(name, message));
        }
    }

    public void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws a 400 naming every bad parameter, if any. */
    public void throwIfInvalid() {
        if (page > 0 && size > 0 && (long) page * size > Integer.MAX_VALUE) {
            errors.add(new FieldError("page", "must be at most " + Integer.MAX_VALUE / size + " with size " + size));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() == 1 ? "1 parameter is invalid"
                : errors.size() + " parameters are invalid", errors);
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    private <T> T invalid(String name, String message) {
        errors.add(new FieldError(name, message));
        return null;
    }
}
