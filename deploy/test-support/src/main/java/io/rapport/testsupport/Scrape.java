package io.rapport.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the running test application's metrics the way Prometheus does: {@code GET /q/metrics} on
 * the management interface (Prometheus text or OpenMetrics, exemplars ignored), then one sample by name
 * and labels.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    /** Scrapes the management interface now. */
    public static Scrape now() {
        return new Scrape(Management.management().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The value of the sample with this name whose labels include the given ones (a sample may have
     * more); NaN when there is none. Fails when several samples match (give more labels).
     */
    public double value(String name, Map<String, String> labels) {
        Double found = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            // OpenMetrics may follow a sample with an exemplar: "name{labels} value # {trace_id=...} 1.0 ts"
            int exemplar = line.indexOf(" # ");
            Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (!m.matches() || !m.group(1).equals(name) || !hasLabels(m.group(3), labels)) {
                continue;
            }
            if (found != null) {
                throw new AssertionError("several samples of " + name + " match " + labels + ":\n" + text);
            }
            found = Double.parseDouble(m.group(4));
        }
        return found == null ? Double.NaN : found;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** Scrapes until the sample's value satisfies the condition; fails with the last value after the timeout. */
    public static double await(String name, Map<String, String> labels, DoublePredicate condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double last;
        while (true) {
            Scrape scrape = now();
            last = scrape.value(name, labels);
            if (!Double.isNaN(last) && condition.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + labels + " did not reach the expected value within " + timeout
                    + "; last value " + last + "; the samples of " + name + ":\n" + scrape.samples(name));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The lines of the samples of one name, for failure messages. */
    public String samples(String name) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean hasLabels(String labelText, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (labelText == null) {
            return false;
        }
        Matcher m = LABEL.matcher(labelText);
        int matched = 0;
        while (m.find()) {
            String want = wanted.get(m.group(1));
            if (want != null) {
                if (!want.equals(m.group(2))) {
                    return false;
                }
                matched++;
            }
        }
        return matched == wanted.size();
    }
}
