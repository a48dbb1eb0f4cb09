package io.rapport.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one exception mapper of a service: every failure becomes RFC 9457 problem details. No stack
 * trace, SQL text or class name ever reaches the client; unexpected failures are logged with an
 * id that the response carries.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e, UriInfo uri) {
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(),
            path(uri), e.errors()));
    }

    /**
     * No bearer token where a role is required (a method without one is denied too: deny-unannotated-endpoints).
     * Needs {@code quarkus.http.auth.proactive=false}, so that authentication happens here, in Quarkus REST,
     * and not in the HTTP layer before any mapper.
     */
    @ServerExceptionMapper
    public Response mapUnauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized("a bearer token is required", uri);
    }

    /** A token that is malformed, badly signed, from another issuer or expired. */
    @ServerExceptionMapper
    public Response mapAuthenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("the bearer token is malformed, expired, or not signed by the expected issuer", uri);
    }

    /** A valid token whose groups hold no role this operation allows. */
    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "forbidden", "Forbidden", 403,
            "the token's roles do not allow this operation", path(uri), null));
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        ProblemDetail problem = new ProblemDetail(ProblemDetail.TYPE_BASE + "unauthorized", "Unauthorized", 401,
            detail, path(uri), null);
        return Response.status(401).type(ProblemDetail.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
            .entity(problem).build();
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(jsonPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "validation", "Validation failed", 400,
            errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", path(uri), errors));
    }

    /**
     * A body that is JSON but does not fit the DTO (a bad UUID, date or number). Declared for this
     * exact type because Quarkus brings its own, non-problem mapper for it, which would otherwise win.
     */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mapJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()
                ? "must be one of " + enumValues(invalid.getTargetType())
                : e instanceof InvalidFormatException text && text.getTargetType() == String.class
                ? text.getOriginalMessage()
                : "has a value of the wrong type or format";
            return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "validation", "Validation failed", 400,
                "1 field is invalid", path(uri), List.of(new FieldError(field, message))));
        }
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "malformed-json", "Malformed JSON", 400,
            "the request body is not valid JSON", path(uri), null));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        // Quarkus REST wraps a body that is not JSON at all in a 400 WebApplicationException:
        // describe the Jackson cause ("malformed-json", or the field by JSON path) instead
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return mapJson(json, uri);
            }
        }
        // a query, path or header parameter that does not convert to its type (Quarkus REST: 404 or 400 with the
        // conversion failure as cause, naming nothing): a 400 naming the parameter, like every bad parameter
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null
            && !(e.getCause() instanceof WebApplicationException) && resource != null) {
            List<FieldError> errors = ParameterFailures.of(resource.getResourceMethod(), uri, headers);
            if (errors.isEmpty()) {
                errors = List.of(new FieldError("parameters", "a parameter has a value of the wrong type"));
            }
            return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "validation", "Validation failed", 400,
                errors.size() == 1 ? "1 parameter is invalid" : errors.size() + " parameters are invalid", path(uri),
                errors));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "http-" + status, title, status, title, path(uri), null));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(new ProblemDetail(ProblemDetail.TYPE_BASE + "internal", "Internal error", 500,
            "an unexpected error occurred; reference " + errorId, path(uri), null));
    }

    /** 503 with Retry-After: the database cannot be reached right now. */
    private static Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", path(uri), e);
        ProblemDetail problem = new ProblemDetail(ProblemDetail.TYPE_BASE + "unavailable", "Service unavailable", 503,
            "the service's database cannot be reached right now; retry later", path(uri), null);
        return Response.status(503).type(ProblemDetail.MEDIA_TYPE)
            .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).entity(problem).build();
    }

    static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String enumValues(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object constant : constants) {
            names.add(((Enum<?>) constant).name());
        }
        return String.join(", ", names);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response respond(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }
}
