package io.rapport.engagement.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.rapport.platform.problem.ProblemExceptionMapper;

/**
 * Quarkus REST wraps a body that is not JSON at all (a parse error) in a 400
 * {@link WebApplicationException}, which the platform mapper answers as a generic "http-400"
 * (the platform handles a body that is JSON but does not fit the DTO). This mapper, preferred for
 * that exception, unwraps a Jackson cause and lets the platform mapper describe it
 * ("malformed-json", or the field by JSON path); anything else goes to the platform mapper unchanged.
 *
 * <p>Belongs in {@code platform/ProblemExceptionMapper}; kept here until the platform handles it.
 */
public class JsonBodyExceptionMapper {

    private final ProblemExceptionMapper platform = new ProblemExceptionMapper();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return platform.mapJson(json, uri);
            }
        }
        return platform.mapWebApplication(e, uri);
    }
}
