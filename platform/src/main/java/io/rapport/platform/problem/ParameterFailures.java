package io.rapport.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which typed parameters of a resource method the request's raw values do not convert to. Quarkus REST
 * answers a failed conversion of a query or path parameter with a bare {@code NotFoundException} (and of a
 * header with {@code BadRequestException}), naming nothing; the mapper asks this class which parameter it was,
 * so the client gets a 400 naming it, like every other bad parameter.
 */
final class ParameterFailures {

    private ParameterFailures() {
    }

    /** Every parameter of {@code method} whose value in this request does not convert to its type. */
    static List<FieldError> of(Method method, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        if (method == null) {
            return errors;
        }
        for (Parameter parameter : method.getParameters()) {
            String name;
            List<String> values;
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                name = parameter.getAnnotation(QueryParam.class).value();
                values = uri == null ? null : uri.getQueryParameters().get(name);
            } else if (parameter.isAnnotationPresent(PathParam.class)) {
                name = parameter.getAnnotation(PathParam.class).value();
                values = uri == null ? null : uri.getPathParameters().get(name);
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                name = parameter.getAnnotation(HeaderParam.class).value();
                values = headers == null ? null : headers.getRequestHeader(name);
            } else {
                continue;
            }
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String problem = problem(parameter.getType(), value);
                if (problem != null) {
                    errors.add(new FieldError(name, problem));
                    break;
                }
            }
        }
        return errors;
    }

    /** Why {@code value} is not a {@code type}, or null when it converts (or the type is not one checked here). */
    static String problem(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value.trim());
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value.trim());
            } else if (type == Double.class || type == double.class) {
                Double.parseDouble(value.trim());
            } else if (type == UUID.class) {
                UUID parsed = UUID.fromString(value.trim());
                if (!parsed.toString().equalsIgnoreCase(value.trim())) {
                    return "must be a UUID";
                }
            } else if (type == LocalDate.class) {
                LocalDate.parse(value.trim());
            } else if (type == Instant.class) {
                OffsetDateTime.parse(value.trim());
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value)) ? null
                    : "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
            }
            return null;
        } catch (RuntimeException e) {
            return describe(type);
        }
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return "must be a date YYYY-MM-DD";
        }
        return "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z";
    }
}
