package io.rapport.gateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drops the components of a merged document that nothing uses: a service may define schemas that none of
 * the paths the gateway routes to it refer to, and an operation that declares its own 401/403 leaves the
 * gateway's unused. A client generated from the document then only holds types it can meet.
 */
final class OpenApiPruner {

    private static final String PREFIX = "#/components/";

    private OpenApiPruner() {
    }

    /** Removes every component (schemas, responses, parameters, …) not reachable from the paths or the security. */
    static void removeUnused(ObjectNode document) {
        if (!(document.get("components") instanceof ObjectNode components)) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(document.path("paths"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            for (String ref : refs(node)) {
                if (ref.startsWith(PREFIX) && used.add(ref)) {
                    String[] parts = ref.substring(PREFIX.length()).split("/", 2);
                    if (parts.length == 2) {
                        JsonNode target = components.path(parts[0]).get(unescape(parts[1]));
                        if (target != null) {
                            pending.add(target);
                        }
                    }
                }
            }
        }
        for (Iterator<String> sections = components.fieldNames(); sections.hasNext();) {
            String section = sections.next();
            if (section.equals("securitySchemes") || !(components.get(section) instanceof ObjectNode entries)) {
                continue;
            }
            List<String> unused = new ArrayList<>();
            entries.fieldNames().forEachRemaining(name -> {
                if (!used.contains(PREFIX + section + "/" + escape(name))) {
                    unused.add(name);
                }
            });
            entries.remove(unused);
        }
        List<String> empty = new ArrayList<>();
        components.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && e.getValue().isEmpty()) {
                empty.add(e.getKey());
            }
        });
        components.remove(empty);
    }

    /** Every {@code $ref} and discriminator mapping value under {@code node}. */
    private static List<String> refs(JsonNode node) {
        List<String> found = new ArrayList<>();
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            JsonNode n = stack.pop();
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                        found.add(e.getValue().asText());
                    } else if (e.getKey().equals("mapping") && e.getValue().isObject()) {
                        e.getValue().forEach(v -> found.add(v.asText()));
                    } else {
                        stack.push(e.getValue());
                    }
                });
            } else if (n.isArray()) {
                n.forEach(stack::push);
            }
        }
        return found;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String name) {
        return name.replace("~1", "/").replace("~0", "~");
    }
}
