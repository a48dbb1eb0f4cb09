package io.rapport.gateway;

import java.util.List;

/**
 * Which upstream serves a path, and which role a method on it needs (docs/API.md, "Auth").
 * Paths are matched on whole segments: {@code /api/v1/contacts-x} is not a contacts path.
 */
public final class RouteTable {

    public static final String CONTACTS = "contacts";
    public static final String ENGAGEMENT = "engagement";
    public static final String ANALYTICS = "analytics";
    public static final List<String> UPSTREAMS = List.of(CONTACTS, ENGAGEMENT, ANALYTICS);

    /** A route: {@code prefix} matches itself and, when {@code subPaths}, everything below it. */
    public record Route(String prefix, boolean subPaths, String upstream) {
        boolean matches(String path) {
            if (path.equals(prefix)) {
                return true;
            }
            return subPaths && path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
        }
    }

    public static final List<Route> ROUTES = List.of(
        new Route("/api/v1/business-units", true, CONTACTS),
        new Route("/api/v1/contacts", true, CONTACTS),
        new Route("/api/v1/engagements", true, ENGAGEMENT),
        new Route("/api/v1/forums", true, ENGAGEMENT),
        new Route("/api/v1/relationships", true, ANALYTICS),
        new Route("/api/v1/coverage", false, ANALYTICS),
        new Route("/api/v1/insights", true, ANALYTICS),
        new Route("/api/v1/reports", true, ANALYTICS),
        new Route("/api/v1/network", false, ANALYTICS),
        new Route("/api/v1/expertise", false, ANALYTICS),
        new Route("/api/v1/admin", true, ANALYTICS));

    private RouteTable() {
    }

    /** The upstream name for a path, or null when the gateway does not route it. */
    public static String upstreamFor(String path) {
        for (Route r : ROUTES) {
            if (r.matches(path)) {
                return r.upstream();
            }
        }
        return null;
    }

    /**
     * The weakest role allowed to call {@code method} on {@code path}.
     * Reads (GET, HEAD) need viewer. Business units (any change), contact erasure and
     * everything that changes under /admin or another analytics path need admin.
     * Other changes (contacts, stakeholder roles, import, engagements, forums) need editor.
     */
    public static Role requiredRole(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Role.VIEWER;
        }
        if (matchesPrefix(path, "/api/v1/business-units")) {
            return Role.ADMIN;
        }
        if ("POST".equals(method) && isErasure(path)) {
            return Role.ADMIN;
        }
        if (ANALYTICS.equals(upstreamFor(path))) {
            return Role.ADMIN;
        }
        return Role.EDITOR;
    }

    static boolean isErasure(String path) {
        // /api/v1/contacts/{id}/erasure
        String prefix = "/api/v1/contacts/";
        if (!path.startsWith(prefix) || !path.endsWith("/erasure")) {
            return false;
        }
        String id = path.substring(prefix.length(), path.length() - "/erasure".length());
        return !id.isEmpty() && id.indexOf('/') < 0;
    }

    /** The CSV import takes a larger body. */
    public static boolean isImport(String method, String path) {
        return "POST".equals(method) && "/api/v1/contacts/import".equals(path);
    }

    /**
     * The shape of a path, for the HTTP metrics' {@code uri} tag and the server span's route: every segment
     * that is not a lowercase word ({@code [a-z][a-z0-9-]*}), and every UUID, becomes {@code {id}}, e.g.
     * {@code /api/v1/contacts/{id}/stakeholder-roles/{id}}. All ids in the API are UUIDs; anything else a
     * caller puts there (a number, an encoded character) is folded the same way, so callers cannot make
     * one series per path.
     */
    public static String template(String path) {
        StringBuilder t = new StringBuilder(path.length());
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (start > 0) {
                t.append('/');
            }
            String segment = path.substring(start, end);
            t.append(segment.isEmpty() || (isWord(segment) && !isUuid(segment)) ? segment : "{id}");
            start = end + 1;
        }
        return t.toString();
    }

    private static boolean isWord(String segment) {
        if (segment.charAt(0) < 'a' || segment.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuid(String segment) {
        return segment.length() == 36 && segment.charAt(8) == '-' && segment.charAt(13) == '-' && segment.charAt(18) == '-'
            && segment.charAt(23) == '-';
    }

    private static boolean matchesPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
