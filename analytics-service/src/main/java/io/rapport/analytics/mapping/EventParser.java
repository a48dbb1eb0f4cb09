package io.rapport.analytics.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.analytics.events.ConsumedEvent.ContactChange;
import io.rapport.analytics.events.ConsumedEvent.ContactTopicEvent;
import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.events.ConsumedEvent.RoleChange;
import io.rapport.analytics.events.ConsumedEvent.UnitChange;
import io.rapport.analytics.events.EventTypes;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;

/**
 * Turns the {@code data} of a consumed CloudEvent into what the fold needs, checking the fields it
 * reads (the producers' JSON Schemas are the contract; fields analytics does not need, such as names,
 * emails of contacts, titles and leads, are not read at all). Any violation is a
 * {@link MalformedEventException} whose message becomes the dead-letter reason.
 */
@ApplicationScoped
public class EventParser {

    /** Width of {@code engagement.event_id} and {@code processed_event.event_id}. */
    public static final int MAX_EVENT_ID = 200;

    /** An event of rapport.engagements.v1; throws {@link MalformedEventException} when it does not fit its type. */
    public EngagementChange engagement(CloudEvent event) {
        JsonNode data = data(checkId(event));
        JsonNode snapshotNode;
        EngagementEvent.Kind kind;
        switch (event.type()) {
            case EventTypes.ENGAGEMENT_LOGGED -> {
                snapshotNode = data;
                kind = EngagementEvent.Kind.LOGGED;
            }
            case EventTypes.ENGAGEMENT_UPDATED -> {
                snapshotNode = object(data, "current");
                kind = EngagementEvent.Kind.UPDATED;
            }
            case EventTypes.ENGAGEMENT_STATUS_CHANGED -> {
                snapshotNode = object(data, "current");
                kind = EngagementEvent.Kind.UPDATED;
            }
            case EventTypes.ENGAGEMENT_CANCELLED -> {
                snapshotNode = data;
                kind = EngagementEvent.Kind.CANCELLED;
            }
            default -> throw unknownType(event);
        }
        String prefix = snapshotNode == data ? "" : "current.";
        try {
            UUID id = uuid(snapshotNode, "engagementId", prefix);
            long version = positiveLong(snapshotNode, "version", prefix);
            EngagementType type = enumValue(EngagementType.class, snapshotNode, "type", prefix);
            EngagementStatus status = enumValue(EngagementStatus.class, snapshotNode, "status", prefix);
            Instant startAt = instant(snapshotNode, "startAt", prefix);
            Instant endAt = optionalInstant(snapshotNode, "endAt", prefix);
            Instant completedAt = optionalInstant(snapshotNode, "completedAt", prefix);
            Direction direction = enumValue(Direction.class, snapshotNode, "direction", prefix);
            JsonNode effort = snapshotNode.get("effortHours");
            Double effortHours = effort == null || effort.isNull() ? null : number(effort, prefix + "effortHours");
            JsonNode sentimentNode = snapshotNode.get("sentiment");
            Integer sentiment = null;
            if (sentimentNode != null && !sentimentNode.isNull()) {
                if (!sentimentNode.canConvertToInt() || !sentimentNode.isIntegralNumber()) {
                    throw malformed(prefix + "sentiment", "must be an integer 1..5 or null");
                }
                sentiment = sentimentNode.intValue();
            }
            JsonNode participants = snapshotNode.get("participants");
            if (participants == null || !participants.isArray() || participants.isEmpty()) {
                throw malformed(prefix + "participants", "must be a non-empty array");
            }
            Map<UUID, UUID> units = new LinkedHashMap<>();
            List<UUID> contacts = new ArrayList<>();
            for (int i = 0; i < participants.size(); i++) {
                JsonNode p = participants.get(i);
                String at = prefix + "participants[" + i + "].";
                UUID contactId = uuid(p, "contactId", at);
                JsonNode unit = p.get("businessUnitId");
                UUID unitId = unit == null || unit.isNull() ? null : uuid(p, "businessUnitId", at);
                contacts.add(contactId);
                units.putIfAbsent(contactId, unitId);
            }
            if (kind == EngagementEvent.Kind.CANCELLED) {
                status = EngagementStatus.CANCELLED;
            }
            EngagementSnapshot snapshot = new EngagementSnapshot(id, type, status, startAt, endAt, direction,
                effortHours, sentiment, contacts, completedAt);
            EngagementEvent modelEvent = new EngagementEvent(event.id(), id, version, kind,
                kind == EngagementEvent.Kind.CANCELLED ? null : snapshot);
            return new EngagementChange(modelEvent, snapshot, units);
        } catch (MalformedEventException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + "): " + e.getMessage(), null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + "): " + e.getMessage(), e);
        }
    }

    /** An event of rapport.contacts.v1; throws {@link MalformedEventException} when it does not fit its type. */
    public ContactTopicEvent contactTopic(CloudEvent event) {
        JsonNode data = data(checkId(event));
        try {
            return switch (event.type()) {
                case EventTypes.CONTACT_CREATED, EventTypes.CONTACT_UPDATED, EventTypes.CONTACT_LEFT -> {
                    JsonNode owner = data.get("owner");
                    String ownerEmail = null;
                    if (owner != null && !owner.isNull()) {
                        ownerEmail = text(owner, "email", "owner.", 254);
                    }
                    yield new ContactChange(event.id(), event.type(), uuid(data, "contactId", ""),
                        uuid(data, "businessUnitId", ""), text(data, "status", "", 10), ownerEmail,
                        positiveLong(data, "version", ""), optionalInstant(data, "occurredAt", ""),
                        optionalEnum(data, "seniority", SENIORITIES), tags(data), optionalCadence(data),
                        optionalEnum(data, "influence", LEVELS), optionalEnum(data, "interest", LEVELS),
                        optionalEnum(data, "stance", STANCES));
                }
                case EventTypes.CONTACT_ERASED -> new ContactChange(event.id(), event.type(), uuid(data, "contactId", ""),
                    uuid(data, "businessUnitId", ""), "ERASED", null, positiveLong(data, "version", ""),
                    optionalInstant(data, "occurredAt", ""), null, List.of(), null, null, null, null);
                case EventTypes.UNIT_CREATED, EventTypes.UNIT_UPDATED, EventTypes.UNIT_DELETED -> {
                    JsonNode parent = data.get("parentId");
                    yield new UnitChange(event.id(), event.type(), uuid(data, "businessUnitId", ""), text(data, "code", "", 20),
                        text(data, "name", "", 200), parent == null || parent.isNull() ? null : uuid(data, "parentId", ""),
                        positiveLong(data, "version", ""));
                }
                case EventTypes.ROLE_ADDED, EventTypes.ROLE_UPDATED, EventTypes.ROLE_ENDED -> {
                    JsonNode end = data.get("endDate");
                    yield new RoleChange(event.id(), event.type(), uuid(data, "roleId", ""), uuid(data, "contactId", ""),
                        text(data, "projectCode", "", 40), text(data, "role", "", 30), date(data, "startDate", ""),
                        end == null || end.isNull() ? null : date(data, "endDate", ""));
                }
                default -> throw unknownType(event);
            };
        } catch (MalformedEventException e) {
            if (e.getMessage().startsWith("unknown event type")) {
                throw e;
            }
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + "): " + e.getMessage(), null);
        }
    }

    private static CloudEvent checkId(CloudEvent event) {
        if (event.id() == null || event.id().isEmpty() || event.id().length() > MAX_EVENT_ID) {
            throw new MalformedEventException("event id must be 1.." + MAX_EVENT_ID + " characters", null);
        }
        return event;
    }

    public static MalformedEventException unknownType(CloudEvent event) {
        return new MalformedEventException("unknown event type " + event.type() + " (event " + event.id() + ")", null);
    }

    private static JsonNode data(CloudEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") has no data object", null);
        }
        return event.data();
    }

    private static final Set<String> SENIORITIES = Set.of("EXECUTIVE", "SENIOR_MANAGER", "MANAGER", "STAFF");
    private static final Set<String> LEVELS = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Set<String> STANCES = Set.of("CHAMPION", "SUPPORTER", "NEUTRAL", "SCEPTIC", "RESISTOR");

    /** An optional enumerated string: absent or null gives null; any other value must be one of {@code values}. */
    private static String optionalEnum(JsonNode node, String field, Set<String> values) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || !values.contains(v.asText())) {
            throw malformed(field, "must be one of " + new TreeSet<>(values) + " or null");
        }
        return v.asText();
    }

    private static Integer optionalCadence(JsonNode node) {
        JsonNode v = node.get("cadenceDays");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1 || v.intValue() > 365) {
            throw malformed("cadenceDays", "must be an integer 1..365 or null");
        }
        return v.intValue();
    }

    /** Expertise tags, lower-cased, without repeats; absent or null: none. */
    private static List<String> tags(JsonNode node) {
        JsonNode v = node.get("expertise");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw malformed("expertise", "must be an array of strings");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            if (!t.isTextual() || t.asText().isBlank() || t.asText().length() > 50) {
                throw malformed("expertise[" + i + "]", "must be a non-blank string of at most 50 characters");
            }
            tags.add(t.asText().strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(tags);
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw malformed(field, "must be an object");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw malformed(prefix + field, "must be a non-empty string");
        }
        return v.asText();
    }

    /** A non-empty string of at most {@code max} characters (the width of the column it is stored in). */
    private static String text(JsonNode node, String field, String prefix, int max) {
        String s = text(node, field, prefix);
        if (s.length() > max) {
            throw malformed(prefix + field, "must be at most " + max + " characters");
        }
        return s;
    }

    private static UUID uuid(JsonNode node, String field, String prefix) {
        String s = text(node, field, prefix);
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw malformed(prefix + field, "must be a UUID");
        }
    }

    private static long positiveLong(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 1) {
            throw malformed(prefix + field, "must be an integer >= 1");
        }
        return v.longValue();
    }

    private static double number(JsonNode v, String field) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw malformed(field, "must be a number >= 0");
        }
        return v.doubleValue();
    }

    private static Instant instant(JsonNode node, String field, String prefix) {
        String s = text(node, field, prefix);
        try {
            // in microseconds, as timestamptz keeps them: the state folded is the state stored, bit for bit
            return java.time.OffsetDateTime.parse(s).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw malformed(prefix + field, "must be an ISO-8601 date-time");
        }
    }

    private static Instant optionalInstant(JsonNode node, String field, String prefix) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : instant(node, field, prefix);
    }

    private static LocalDate date(JsonNode node, String field, String prefix) {
        String s = text(node, field, prefix);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw malformed(prefix + field, "must be a date YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, String prefix) {
        String s = text(node, field, prefix);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw malformed(prefix + field, "unknown value " + s);
        }
    }

    private static MalformedEventException malformed(String field, String message) {
        return new MalformedEventException(field + " " + message, null);
    }
}
