package io.rapport.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the contract run checked, and every mismatch per operation (grouped by the service behind it). */
final class ContractReport {

    private final Map<String, List<String>> mismatches = new TreeMap<>();
    private final Map<String, Integer> responses = new TreeMap<>();
    private int operations;

    void operation() {
        operations++;
    }

    void checked(String operation) {
        responses.merge(operation, 1, Integer::sum);
    }

    void mismatch(String operation, String what) {
        mismatches.computeIfAbsent(operation, k -> new ArrayList<>()).add(what);
    }

    int mismatchCount() {
        return mismatches.values().stream().mapToInt(List::size).sum();
    }

    int responseCount() {
        return responses.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("contract: %d operations, %d responses validated against the merged OpenAPI document, "
            + "%d mismatches in %d operations%n", operations, responseCount(), mismatchCount(), mismatches.size()));
        for (String service : new String[] {"contacts", "engagement", "analytics", "(other)"}) {
            List<String> lines = new ArrayList<>();
            mismatches.forEach((op, list) -> {
                if (service.equals(serviceOf(op))) {
                    list.forEach(m -> lines.add("  " + op + ": " + m));
                }
            });
            if (!lines.isEmpty()) {
                out.append("mismatches of ").append(service).append("-service operations:").append(System.lineSeparator());
                lines.forEach(l -> out.append(l).append(System.lineSeparator()));
            }
        }
        return out.toString();
    }

    private static String serviceOf(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (String[] route : new String[][] {{"/api/v1/business-units", "contacts"}, {"/api/v1/contacts", "contacts"},
            {"/api/v1/engagements", "engagement"}, {"/api/v1/forums", "engagement"}, {"/api/v1/relationships", "analytics"},
            {"/api/v1/coverage", "analytics"}, {"/api/v1/insights", "analytics"}, {"/api/v1/reports", "analytics"},
            {"/api/v1/network", "analytics"}, {"/api/v1/admin", "analytics"}}) {
            if (path.equals(route[0]) || path.startsWith(route[0] + "/")) {
                return route[1];
            }
        }
        return "(other)";
    }
}
