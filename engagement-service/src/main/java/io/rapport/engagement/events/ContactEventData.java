package io.rapport.engagement.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of contacts-service's contact events this service reads (created / updated / left /
 * erased); the personal data in the body (name, email, phone, job title, …) is deliberately not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactEventData(UUID contactId, UUID businessUnitId, String status, Long version,
                               Instant occurredAt) {
}
