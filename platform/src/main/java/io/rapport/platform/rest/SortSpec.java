package io.rapport.platform.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/**
 * A parsed {@code sort=field,asc|desc} parameter, restricted to the fields a list allows; an
 * unknown field or direction is a 400 naming the {@code sort} parameter.
 *
 * @param property the persistent property the API field maps to
 */
public record SortSpec(String field, String property, boolean ascending) {

    /**
     * @param allowed API field name → persistent property
     */
    public static SortSpec parse(String sort, Map<String, String> allowed, SortSpec fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String[] parts = sort.split(",", -1);
        String field = parts[0].trim();
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2 || !allowed.containsKey(field) || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ProblemException.badRequest("invalid sort parameter", List.of(new FieldError("sort",
                "must be FIELD,asc or FIELD,desc with FIELD one of " + String.join(", ", allowed.keySet().stream().sorted().toList()))));
        }
        return new SortSpec(field, allowed.get(field), direction.equals("asc"));
    }
}
