package io.rapport.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the services' OpenAPI documents into the one the gateway serves: only the paths the
 * gateway routes to that service, component names made unique (a clashing, different component
 * gets the service name as a prefix, references rewritten), unique operationIds, every tag defined,
 * the bearer scheme, and per operation the role it needs ({@code x-required-role}, the description,
 * 401/403/429 responses).
 */
public final class OpenApiMerger {

    public static final String SECURITY_SCHEME = "bearerAuth";
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OpenApiMerger() {
    }

    public static ObjectNode merge(Map<String, JsonNode> documents, List<String> missing, String serverUrl,
        String version) {
        ObjectNode out = F.objectNode();
        String openapi = documents.values().stream().map(d -> d.path("openapi").asText(""))
            .filter(v -> !v.isEmpty()).findFirst().orElse("3.1.0");
        out.put("openapi", openapi);
        ObjectNode info = out.putObject("info");
        info.put("title", "Rapport API");
        info.put("version", version);
        info.putObject("contact").put("name", "Rapport (PMO)");
        info.putObject("license").put("name", "Proprietary: internal use only").put("identifier", "LicenseRef-Rapport-Internal");
        StringBuilder description = new StringBuilder(
            "Rapport, relationship intelligence for the PMO: contacts, engagements and analytics, served by the gateway. "
                + "Every operation needs `Authorization: Bearer <JWT>` (RS256); roles come from the `groups` claim: "
                + "`rapport-viewer` reads, `rapport-editor` also changes contacts, stakeholder roles, engagements and "
                + "forums, `rapport-admin` also business units, erasure and rebuild. Each operation names its role in "
                + "`x-required-role`. Errors are `application/problem+json` (RFC 9457).");
        if (!missing.isEmpty()) {
            description.append(" Not included because the service did not answer: ").append(String.join(", ", missing))
                .append('.');
        }
        info.put("description", description.toString());
        out.putArray("servers").addObject().put("url", serverUrl).put("description", "Rapport gateway");
        ArrayNode tagsOut = out.putArray("tags");
        out.putArray("security").addObject().putArray(SECURITY_SCHEME);
        ObjectNode paths = out.putObject("paths");
        ObjectNode components = out.putObject("components");

        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        String problem = uniqueName(components, documents, "schemas", "GatewayProblem");
        Map<String, String> gatewayResponses = new LinkedHashMap<>();
        gatewayResponses.put("401", uniqueName(components, documents, "responses", "GatewayUnauthorized"));
        gatewayResponses.put("403", uniqueName(components, documents, "responses", "GatewayForbidden"));
        gatewayResponses.put("429", uniqueName(components, documents, "responses", "GatewayTooManyRequests"));
        gatewayResponses.put("413", uniqueName(components, documents, "responses", "GatewayContentTooLarge"));
        gatewayResponses.put("414", uniqueName(components, documents, "responses", "GatewayUriTooLong"));
        gatewayResponses.put("431", uniqueName(components, documents, "responses", "GatewayHeadersTooLarge"));
        gatewayResponses.put("503", uniqueName(components, documents, "responses", "GatewayServiceUnavailable"));
        gatewayResponses.put("504", uniqueName(components, documents, "responses", "GatewayTimeout"));

        for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
            mergeOne(e.getKey(), e.getValue().deepCopy(), paths, components, tags, operationIds, gatewayResponses);
        }

        components.with("securitySchemes").putObject(SECURITY_SCHEME)
            .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
            .put("description", "RS256 JWT from the configured issuer; roles in the `groups` claim.");
        ObjectNode problemSchema = components.with("schemas").putObject(problem);
        problemSchema.put("type", "object");
        problemSchema.put("description", "RFC 9457 problem details written by the gateway.");
        ObjectNode props = problemSchema.putObject("properties");
        props.putObject("type").put("type", "string").put("format", "uri");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer").put("format", "int32");
        props.putObject("detail").put("type", "string");
        props.putObject("instance").put("type", "string");
        problemSchema.putArray("required").add("type").add("title").add("status").add("detail").add("instance");
        ObjectNode responses = components.with("responses");
        addProblemResponse(responses, gatewayResponses.get("401"), problem,
            "No, malformed, badly signed or expired bearer token.", false);
        addProblemResponse(responses, gatewayResponses.get("403"), problem,
            "The token's groups do not grant the role this operation needs.", false);
        addProblemResponse(responses, gatewayResponses.get("429"), problem,
            "Rate limit of the caller exceeded; retry after `Retry-After` seconds.", true);
        addProblemResponse(responses, gatewayResponses.get("413"), problem,
            "The request body is larger than the gateway accepts (1 MiB; 20 MiB for the CSV import).", false);
        addProblemResponse(responses, gatewayResponses.get("414"), problem,
            "The request URI is longer than the gateway accepts.", false);
        addProblemResponse(responses, gatewayResponses.get("431"), problem,
            "The request headers are larger than the gateway accepts.", false);
        addProblemResponse(responses, gatewayResponses.get("503"), problem,
            "The service behind this path is unavailable (down, or its circuit is open: then `Retry-After` says when "
                + "the gateway tries it again).", true);
        addProblemResponse(responses, gatewayResponses.get("504"), problem,
            "The service behind this path did not answer in time.", false);
        OpenApiPruner.removeUnused(out);

        for (ObjectNode tag : tags.values()) {
            tagsOut.add(tag);
        }
        return out;
    }

    private static void addProblemResponse(ObjectNode responses, String name, String schema, String description,
        boolean retryAfter) {
        ObjectNode r = responses.putObject(name);
        r.put("description", description);
        if (retryAfter) {
            ObjectNode h = r.putObject("headers").putObject("Retry-After");
            h.put("description", "Seconds to wait before the next request.");
            h.putObject("schema").put("type", "integer");
        }
        r.putObject("content").putObject("application/problem+json").putObject("schema")
            .put("$ref", "#/components/schemas/" + schema);
    }

    private static String uniqueName(ObjectNode components, Map<String, JsonNode> documents, String section,
        String wanted) {
        String name = wanted;
        int i = 2;
        while (taken(components, documents, section, name)) {
            name = wanted + i++;
        }
        return name;
    }

    private static boolean taken(ObjectNode components, Map<String, JsonNode> documents, String section, String name) {
        if (components.path(section).has(name)) {
            return true;
        }
        for (JsonNode d : documents.values()) {
            if (d.path("components").path(section).has(name)) {
                return true;
            }
        }
        return false;
    }

    private static void mergeOne(String service, JsonNode doc, ObjectNode paths, ObjectNode components,
        Map<String, ObjectNode> tags, Set<String> operationIds, Map<String, String> gatewayResponses) {
        String prefix = capitalize(service);
        JsonNode comps = doc.path("components");

        // 1. decide renames: a component whose name is taken by a different one gets the service prefix;
        //    repeat after rewriting references, as a shared name may now point at a renamed one.
        Map<String, Map<String, String>> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            JsonNode rewritten = rewriteRefs(comps.deepCopy(), renames);
            for (Iterator<String> sections = comps.fieldNames(); sections.hasNext();) {
                String section = sections.next();
                if (section.equals("securitySchemes") || !comps.get(section).isObject()) {
                    continue;
                }
                Map<String, String> sectionRenames = renames.computeIfAbsent(section, k -> new HashMap<>());
                for (Iterator<String> names = comps.get(section).fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (sectionRenames.containsKey(name)) {
                        continue;
                    }
                    JsonNode existing = components.path(section).get(name);
                    if (existing != null && !existing.equals(rewritten.get(section).get(name))) {
                        String target = prefix + name;
                        int i = 2;
                        while (components.path(section).has(target) || comps.get(section).has(target)) {
                            target = prefix + name + i++;
                        }
                        sectionRenames.put(name, target);
                        changed = true;
                    }
                }
            }
        }
        doc = rewriteRefs(doc, renames);
        comps = doc.path("components");

        // 2. components
        for (Iterator<String> sections = comps.fieldNames(); sections.hasNext();) {
            String section = sections.next();
            if (section.equals("securitySchemes") || !comps.get(section).isObject()) {
                continue;
            }
            ObjectNode target = components.with(section);
            Map<String, String> sectionRenames = renames.getOrDefault(section, Map.of());
            comps.get(section).fields().forEachRemaining(c -> {
                String name = sectionRenames.getOrDefault(c.getKey(), c.getKey());
                if (!target.has(name)) {
                    target.set(name, c.getValue());
                }
            });
        }

        // 3. tags the service defines
        for (JsonNode tag : doc.path("tags")) {
            String name = tag.path("name").asText("");
            if (!name.isEmpty() && !tags.containsKey(name)) {
                ObjectNode copy = ((ObjectNode) tag).deepCopy();
                if (!copy.has("description")) {
                    copy.put("description", "Operations of the " + service + " service.");
                }
                tags.put(name, copy);
            }
        }

        // 4. the paths the gateway routes to this service
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String path = p.getKey();
            if (!service.equals(RouteTable.upstreamFor(path)) || paths.has(path) || !p.getValue().isObject()) {
                continue;
            }
            ObjectNode item = (ObjectNode) p.getValue();
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode op) {
                    decorate(service, prefix, method, path, op, tags, operationIds, gatewayResponses);
                }
            }
            paths.set(path, item);
        }
    }

    private static void decorate(String service, String prefix, String method, String path, ObjectNode op,
        Map<String, ObjectNode> tags, Set<String> operationIds, Map<String, String> gatewayResponses) {
        String id = op.path("operationId").asText("");
        if (id.isBlank()) {
            id = generatedId(method, path);
        }
        if (operationIds.contains(id)) {
            String base = service + capitalize(id);
            id = base;
            int i = 2;
            while (operationIds.contains(id)) {
                id = base + i++;
            }
        }
        operationIds.add(id);
        op.put("operationId", id);

        if (!(op.get("tags") instanceof ArrayNode opTags) || opTags.isEmpty()) {
            op.putArray("tags").add(prefix);
        }
        for (JsonNode t : op.get("tags")) {
            tags.computeIfAbsent(t.asText(), n -> {
                ObjectNode tag = F.objectNode();
                tag.put("name", n);
                tag.put("description", "Operations of the " + service + " service.");
                return tag;
            });
        }

        Role role = RouteTable.requiredRole(method.toUpperCase(Locale.ROOT), path);
        op.putArray("security").addObject().putArray(SECURITY_SCHEME);
        op.put("x-required-role", role.group);
        String description = op.path("description").asText("");
        String roleText = "Requires the role `" + role.group + "`"
            + (role == Role.ADMIN ? "." : " (or a stronger one).");
        op.put("description", description.isBlank() ? roleText : description + "\n\n" + roleText);
        ObjectNode responses = op.with("responses");
        gatewayResponses.forEach((status, name) -> {
            if (!responses.has(status) && (!status.equals("413") || op.has("requestBody"))) {
                responses.putObject(status).put("$ref", "#/components/responses/" + name);
            }
        });
    }

    /** Rewrites every "#/components/SECTION/NAME" string (references, discriminator mappings) by the renames. */
    static JsonNode rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                object.set(key, rewriteRefs(object.get(key), renames));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.get(i), renames));
            }
            return array;
        }
        if (node != null && node.isTextual() && node.asText().startsWith("#/components/")) {
            String[] parts = node.asText().split("/", 4);
            if (parts.length == 4) {
                String renamed = renames.getOrDefault(parts[2], Map.of()).get(parts[3]);
                if (renamed != null) {
                    return TextNode.valueOf("#/components/" + parts[2] + "/" + renamed);
                }
            }
        }
        return node;
    }

    static String generatedId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.equals("v1")) {
                continue;
            }
            String clean = segment.replaceAll("[{}]", "");
            for (String word : clean.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(segment.startsWith("{") ? "By" + capitalize(word) : capitalize(word));
                }
            }
        }
        return id.toString();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
