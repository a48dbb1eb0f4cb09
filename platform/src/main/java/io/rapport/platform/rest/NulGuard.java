package io.rapport.platform.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one would fail deep in the driver
 * (a 500). It is refused at the edge instead, as a 400 naming where it was: in a query or path parameter (this
 * request filter) or in a JSON string (the {@code String} deserializer this customizer installs; the mapper
 * names the field by its JSON path).
 */
@Singleton
public class NulGuard implements ObjectMapperCustomizer {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @ServerRequestFilter
    public void refuseNulInParameters(UriInfo uri) {
        for (Map.Entry<String, List<String>> q : uri.getQueryParameters().entrySet()) {
            if (q.getKey().indexOf('\0') >= 0 || q.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw ProblemException.badRequest("1 parameter is invalid", List.of(new FieldError(q.getKey(), MESSAGE)));
            }
        }
        if (uri.getPath().indexOf('\0') >= 0) {
            throw ProblemException.badRequest("the path is invalid", List.of(new FieldError("path", MESSAGE)));
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rapport-nul-free-strings").addDeserializer(String.class, new NulFreeStrings()));
    }

    /** Jackson's own String deserializer, refusing a value that holds U+0000. */
    static final class NulFreeStrings extends StdScalarDeserializer<String> {

        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
