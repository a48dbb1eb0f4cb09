package io.rapport.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the CloudEvents envelope with the service's configured Jackson mapper. */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /**
     * Parses an envelope; throws {@link MalformedEventException} (with the reason) when the text
     * is not JSON or lacks a required attribute.
     */
    public CloudEvent read(String json) {
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedEventException("empty message", null);
        }
        return event;
    }

    public JsonNode toTree(Object data) {
        return mapper.valueToTree(data);
    }

    public <T> T dataAs(CloudEvent event, Class<T> type) {
        if (event.data() == null) {
            throw new MalformedEventException("event " + event.id() + " has no data", null);
        }
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " data does not match " + event.type(), e);
        }
    }

    /** The message a parse failure reports. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
