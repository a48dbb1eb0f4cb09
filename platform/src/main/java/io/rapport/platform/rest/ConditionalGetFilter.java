package io.rapport.platform.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code If-None-Match} on reads (RFC 9110 section 13.1.2): a GET or HEAD whose 200 response carries an
 * {@code ETag} that the request's {@code If-None-Match} names (weak comparison, or {@code *}) becomes
 * {@code 304 Not Modified} with that ETag and no body. Every single resource that sends an ETag gets it; the
 * OpenAPI document declares it ({@link io.rapport.platform.openapi.RapportOpenApiFilter}).
 */
public class ConditionalGetFilter {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200
            || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (ifNoneMatch != null && Preconditions.weakMatch(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
