package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What a service reads from the environment in production, from its application.properties:
 * the configuration the %prod profile sees (keys without a profile, overridden by %prod keys)
 * and every ${NAME} or ${NAME:default} in it.
 */
final class ProdConfig {

    /**
     * An environment variable the prod configuration refers to: {@code env} in {@code property}'s
     * value, with or without a default. Setting the property's own environment name instead
     * (MP_JWT_VERIFY_ISSUER for mp.jwt.verify.issuer) satisfies it too: that overrides the file.
     */
    record EnvNeed(String env, String property, String value, String defaultValue) {
        boolean hasDefault() {
            return defaultValue != null;
        }

        List<String> satisfiedBy() {
            String own = envName(property);
            return java.util.stream.Stream.of(env, own, "_PROD_" + own).distinct().toList();
        }

        @Override
        public String toString() {
            return env + " (" + property + "=" + value + ")";
        }
    }

    final Map<String, String> effective;

    private ProdConfig(Map<String, String> effective) {
        this.effective = effective;
    }

    static ProdConfig of(String service) {
        return read(Kustomize.ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static ProdConfig read(Path file) {
        Properties raw = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(r);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return parse(raw);
    }

    static ProdConfig parse(Properties raw) {
        Map<String, String> effective = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key).strip();
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                Set<String> profiles = Set.of(key.substring(1, dot).split(","));
                if (profiles.contains("prod")) {
                    prod.put(key.substring(dot + 1), value);
                }
            } else {
                effective.put(key, value);
            }
        }
        effective.putAll(prod);
        return new ProdConfig(effective);
    }

    boolean has(String property) {
        return effective.containsKey(property);
    }

    /** Every environment variable the prod configuration refers to. */
    List<EnvNeed> envNeeds() {
        List<EnvNeed> needs = new ArrayList<>();
        for (Map.Entry<String, String> e : effective.entrySet()) {
            String property = e.getKey();
            String value = e.getValue();
            if (value.isEmpty()) {
                // an empty value is "not set": Quarkus then looks for the key in the environment
                needs.add(new EnvNeed(envName(property), property, value, null));
                continue;
            }
            for (String[] expression : expressions(value)) {
                String name = expression[0];
                if (effective.containsKey(name)) {
                    continue; // a reference to another property of the file, checked on its own
                }
                String env = name.matches("[A-Z_][A-Z0-9_]*") ? name : envName(name);
                needs.add(new EnvNeed(env, property, value, expression[1]));
            }
        }
        return needs;
    }

    /** The top-level ${NAME} and ${NAME:default} expressions of a value: {name, default or null}. */
    static List<String[]> expressions(String value) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while ((i = value.indexOf("${", i)) >= 0) {
            int depth = 0;
            int end = -1;
            for (int j = i + 2; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        end = j;
                        break;
                    }
                    depth--;
                }
            }
            if (end < 0) {
                throw new AssertionError("unbalanced ${ in " + value);
            }
            String inner = value.substring(i + 2, end);
            int colon = inner.indexOf(':');
            out.add(colon < 0 ? new String[] {inner, null} : new String[] {inner.substring(0, colon), inner.substring(colon + 1)});
            i = end + 1;
        }
        return out;
    }

    /** MicroProfile Config's environment name of a property: non-alphanumerics to _, upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
