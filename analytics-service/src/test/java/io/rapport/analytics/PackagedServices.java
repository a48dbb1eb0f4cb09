package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.testsupport.TestTokens;

/**
 * The packaged analytics-service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) run as
 * child processes for the failsafe suites: configured by environment variables and {@code -D} overrides only, as
 * in production; health on its management port; every process stopped by {@link #close()}.
 */
final class PackagedServices implements AutoCloseable {

    private final Path work;
    private final Consumer<String> note;
    private final List<Process> started = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();
    /** Health is on the management interface (its own port), not on the API port. */
    private final Map<Process, Integer> managementPorts = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PackagedServices(Path work, Consumer<String> note) {
        this.work = work;
        this.note = note;
    }

    /** The packaged service's jar (the package phase builds it before integration-test). */
    Path jar() throws IOException {
        Path jar = Path.of(System.getProperty("rapport.quarkus-app", "target/quarkus-app"), "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the package phase builds it before integration-test");
        Files.createDirectories(work);
        return jar;
    }

    /** The environment of a service on {@code jdbcUrl}, from the test resource's configuration. */
    static Map<String, String> serviceEnv(Map<String, String> config, String jdbcUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", config.get("quarkus.datasource.username"));
        env.put("DB_PASSWORD", config.get("quarkus.datasource.password"));
        env.put("DB_POOL_MAX", "8");
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.get("kafka.bootstrap.servers"));
        env.put("JWT_PUBLIC_KEY_LOCATION", config.get("mp.jwt.verify.publickey.location"));
        env.put("JWT_ISSUER", config.get("mp.jwt.verify.issuer"));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return env;
    }

    /** Starts a service named {@code name} (its log: {@code <work>/<name>.log}); {@code extra}: more {@code -D} options. */
    Process start(String name, Map<String, String> env, Map<String, String> channels, String group, String... extra)
            throws IOException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
            "-Dquarkus.management.host=127.0.0.1"));
        channels.forEach((key, value) -> {
            String v = value.replace("${group}", group);
            command.add("-D" + key + "=" + v);
            command.add("-D%prod." + key + "=" + v); // beats a %prod.-prefixed value in the packaged properties
        });
        command.addAll(List.of(extra));
        command.add("-jar");
        command.add(jar().toString());
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("HTTP_PORT", String.valueOf(port));
        Process p = builder.start();
        started.add(p);
        ports.put(p, port);
        managementPorts.put(p, managementPort);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        note.accept(String.format("started service %s (pid %d, port %d, group %s); log %s", name, p.pid(), port, group, log));
        return p;
    }

    int port(Process p) {
        return ports.get(p);
    }

    void awaitReady(Process p, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(p.isAlive(), "service " + name + " exited (" + (p.isAlive() ? "alive" : "exit " + p.exitValue())
                + "); see " + work.resolve(name + ".log"));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(p)
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service " + name + " not ready within 3 minutes; see " + work.resolve(name + ".log"));
    }

    /** A request with a token; answers the response. */
    HttpResponse<String> send(int port, String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", TestTokens.bearer(token)).method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as a viewer, expecting 200. */
    JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = send(port, "GET", path, TestTokens.viewer());
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return TestEvents.MAPPER.readTree(r.body());
    }

    static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            stop(started.get(i));
        }
        started.clear();
    }

    /**
     * The {@code -D} overrides that put every incoming Kafka channel of the packaged service on the test topics, in
     * one consumer group ({@code ${group}}), from the earliest offset, with a short session timeout (so the restarted
     * member does not wait 45 s for the killed one to expire). Found in the packaged {@code application.properties},
     * so they follow whatever the channels are called.
     */
    static Map<String, String> channelOverrides(Path jar, String contactsTopic, String engagementsTopic) throws IOException {
        Properties props = packagedProperties(jar);
        Pattern channelKey = Pattern.compile("^(?:%[a-z]+\\.)?mp\\.messaging\\.incoming\\.(.+)\\.(connector|topic)$");
        Map<String, String> topics = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            Matcher m = channelKey.matcher(key);
            if (m.matches()) {
                String channel = m.group(1);
                if (m.group(2).equals("topic") || !topics.containsKey(channel)) {
                    topics.put(channel, m.group(2).equals("topic") ? defaultOf(props.getProperty(key)) : channel);
                }
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        Set<String> mapped = new LinkedHashSet<>();
        topics.forEach((channel, topic) -> {
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (topic.equals(TestEvents.CONTACTS)) {
                overrides.put(prefix + "topic", contactsTopic);
                mapped.add(TestEvents.CONTACTS);
            } else if (topic.equals(TestEvents.ENGAGEMENTS)) {
                overrides.put(prefix + "topic", engagementsTopic);
                mapped.add(TestEvents.ENGAGEMENTS);
            } else {
                return;
            }
            overrides.put(prefix + "group.id", "${group}");
            overrides.put(prefix + "auto.offset.reset", "earliest");
            overrides.put(prefix + "session.timeout.ms", "6000");
            overrides.put(prefix + "heartbeat.interval.ms", "2000");
        });
        assertEquals(Set.of(TestEvents.CONTACTS, TestEvents.ENGAGEMENTS), mapped,
            "incoming channels of the packaged service, by topic: " + topics);
        return overrides;
    }

    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$").matcher(value.trim());
        return m.matches() ? m.group(1) : value.trim();
    }

    private static Properties packagedProperties(Path jar) throws IOException {
        Properties props = new Properties();
        try (var files = Files.list(jar.getParent().resolve("app"))) {
            for (Path appJar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(appJar.toFile())) {
                    var entry = zip.getEntry("application.properties");
                    if (entry != null) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            props.load(in);
                        }
                        return props;
                    }
                }
            }
        }
        throw new AssertionError("no application.properties in " + jar.getParent().resolve("app"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
