package io.rapport.contacts.service;

import java.util.ArrayList;
import java.util.List;

import io.rapport.platform.problem.FieldError;

/** Validated {@code page} / {@code size} query parameters (page from 0, size 1–200, default 20). */
record Paging(int page, int size) {

    static final int MAX_SIZE = 200;

    static Paging parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = parse(page, size, errors);
        if (!errors.isEmpty()) {
            throw Problems.fields(errors);
        }
        return paging;
    }

    static Paging parse(String page, String size, List<FieldError> errors) {
        int p = parseInt("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int s = parseInt("size", size, 20, 1, MAX_SIZE, errors);
        return new Paging(p, s);
    }

    private static int parseInt(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
