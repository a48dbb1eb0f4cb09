package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.analytics.FoldIntegrationTest.Generated;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.local.postgres.PostgresServer;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.RelayRecords;
import io.rapport.testsupport.TestTokens;

/**
 * The kill test (issue 5: "the consumer stopped abruptly mid-stream (no clean commit) and restarted gives
 * scores identical to a clean run"), against the packaged service ({@code target/quarkus-app/quarkus-run.jar},
 * built by {@code package}) run as child processes, a real broker and a real PostgreSQL
 * ({@link RapportInfrastructureResource}, used outside Quarkus). It only uses the process, the database
 * (the stored engagement versions) and the REST API.
 *
 * <ol>
 *   <li>Fresh topics (the channels are pointed at them with {@code -D} overrides found in the packaged
 *       {@code application.properties}, whatever the channels are called); the contact events and a quarter of
 *       the engagement events (generated histories: logged, updated, status-changed, cancelled; shuffled; with
 *       exact duplicates) are published up front, the rest at a steady pace while the first service runs, so the
 *       kill is mid-stream however fast the fold is; every record carries the outbox relay's headers
 *       ({@link RelayRecords}), as in production.</li>
 *   <li>Service A (database 1, group G) folds until at least 40 % of the distinct engagement events are folded
 *       (their engagement stored at their version or later), G has committed offsets, and at least 50 more events are folded than G's
 *       commits cover; then SIGKILL ({@code destroyForcibly}): no shutdown, no final commit. The test checks it
 *       died of SIGKILL, that nothing below a committed offset is unfolded (no loss) and that folded events lie beyond the committed offsets (they will be redelivered).</li>
 *   <li>Service A' (same database, same group) folds the rest, redeliveries included.</li>
 *   <li>Service B (database 2, fresh group) folds everything from the beginning without interruption.</li>
 *   <li>Every contact (enumerated from {@code GET /api/v1/relationships}, all pages) is read from A' and B at one
 *       fixed instant ({@code ?at=}): the bodies are identical (score, band, trend, factors, forecast, last
 *       engagements), and equal, bit for bit, to the model fed the final engagement states; and read now, from the
 *       persisted relationship rows, A' and B agree (scores to the decay between the reads, factors exactly).</li>
 * </ol>
 * Measured facts go to stdout and {@code target/kill-it/summary.txt}; service logs to {@code target/kill-it/}.
 */
class KillRestartIT {

    static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    static final int CONTACTS = 150;
    static final int DISTINCT_EVENTS = 4000;
    static final int DUPLICATES = 100;
    static final int PARTITIONS = 6;
    static final double KILL_AT_LEAST = 0.40;
    static final int UNCOMMITTED_AT_LEAST = 50;
    static final int PACE_PER_SECOND = 200;
    static final Path WORK = Path.of("target", "kill-it");

    private final List<Runnable> cleanups = new ArrayList<>();
    private final StringBuilder summary = new StringBuilder();
    private final PackagedServices services = new PackagedServices(WORK, line -> note("%s", line));

    record Sent(String eventId, int partition, long offset) {
    }

    @AfterEach
    void stopEverything() throws Exception {
        services.close();
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("kill-it cleanup: " + e);
            }
        }
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("summary.txt"), summary.toString());
    }

    @Test
    void killedMidStreamAndRestartedGivesTheScoresOfACleanRun() throws Exception {
        long t0 = System.nanoTime();
        Path jar = services.jar();
        Files.createDirectories(WORK);

        // ---- infrastructure: the shared test resource (broker, PostgreSQL, database 1, JWT keys); database 2 beside it
        RapportInfrastructureResource infra = new RapportInfrastructureResource();
        infra.init(Map.of("database", "analytics_kill"));
        Map<String, String> config = infra.start();
        cleanups.add(infra::stop);
        String bootstrap = config.get("kafka.bootstrap.servers");
        String killedUrl = config.get("quarkus.datasource.jdbc.url");
        PostgresServer pg = server(killedUrl, config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
        String killedDb = killedUrl.substring(killedUrl.lastIndexOf('/') + 1);
        String cleanDb = killedDb + "_clean";
        pg.createDatabase(cleanDb);
        cleanups.add(() -> {
            try {
                pg.dropDatabase(cleanDb);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String run = UUID.randomUUID().toString().substring(0, 8);
        String contactsTopic = "rapport.contacts.v1.kill-" + run;
        String engagementsTopic = "rapport.engagements.v1.kill-" + run;
        note("broker %s; %s; databases %s (killed + restarted) and %s (clean); topics %s, %s", bootstrap, pg.describe(),
            killedDb, cleanDb, contactsTopic, engagementsTopic);

        // ---- the events
        Random random = new Random(20261125L);
        List<UUID> units = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            units.add(UUID.randomUUID());
        }
        List<UUID> contacts = new ArrayList<>();
        Map<UUID, UUID> unitOf = new HashMap<>();
        for (int i = 0; i < CONTACTS; i++) {
            UUID c = UUID.randomUUID();
            contacts.add(c);
            unitOf.put(c, units.get(i % units.size()));
        }
        List<Generated> distinct = new ArrayList<>();
        while (distinct.size() < DISTINCT_EVENTS) {
            distinct.addAll(FoldIntegrationTest.history(random, contacts, unitOf));
        }
        distinct = new ArrayList<>(distinct.subList(0, DISTINCT_EVENTS));
        List<Generated> stream = new ArrayList<>(distinct);
        for (int i = 0; i < DUPLICATES; i++) {
            stream.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(stream, random);
        List<String> engagementIds = distinct.stream().map(Generated::eventId).toList();
        Map<String, Generated> byEventId = new HashMap<>();
        distinct.forEach(g -> byEventId.put(g.eventId(), g));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(contactsTopic, 3, (short) 1),
                new NewTopic(engagementsTopic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        KafkaProducer<String, String> producer = producer(bootstrap);
        cleanups.add(producer::close);
        List<ProducerRecord<String, String>> contactRecords = new ArrayList<>();
        for (UUID c : contacts) {
            contactRecords.add(RelayRecords.record(contactsTopic, c.toString(),
                TestEvents.contactCreated(c, unitOf.get(c), "owner" + (c.hashCode() & 3) + "@example.com")));
        }
        sendAll(producer, contactRecords);
        List<ProducerRecord<String, String>> engagementRecords = stream.stream()
            .map(g -> RelayRecords.record(engagementsTopic, g.engagementId().toString(), g.json())).toList();
        int upFront = engagementRecords.size() / 4;
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        sent.addAll(sendAll(producer, engagementRecords.subList(0, upFront)));
        note("published %d contact events and %d of %d engagement records (%d distinct event ids) up front",
            contacts.size(), upFront, engagementRecords.size(), engagementIds.size());

        // ---- run 1: service A, killed mid-stream
        String group = "analytics-kill-" + run;
        Map<String, String> channels = PackagedServices.channelOverrides(jar, contactsTopic, engagementsTopic);
        Map<String, String> killedEnv = PackagedServices.serviceEnv(config, killedUrl);
        Process a = services.start("A-killed", killedEnv, channels, group);
        services.awaitReady(a, "A-killed");
        AtomicReference<Throwable> pacerFailure = new AtomicReference<>();
        Thread pacer = new Thread(() -> {
            try {
                List<ProducerRecord<String, String>> rest = engagementRecords.subList(upFront, engagementRecords.size());
                int chunk = PACE_PER_SECOND / 10;
                for (int i = 0; i < rest.size(); i += chunk) {
                    sent.addAll(sendAll(producer, rest.subList(i, Math.min(rest.size(), i + chunk))));
                    Thread.sleep(100);
                }
            } catch (Throwable e) {
                pacerFailure.set(e);
            }
        }, "kill-it-pacer");
        pacer.setDaemon(true);
        pacer.start();

        int total = engagementIds.size();
        int processedBefore;
        Map<Integer, Long> committedBefore;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             Connection db = pg.connect(killedDb)) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (true) {
                assertTrue(a.isAlive(), "service A exited on its own; see " + WORK.resolve("A-killed.log"));
                processedBefore = foldedIds(db, byEventId).size();
                committedBefore = committed(admin, group, engagementsTopic);
                long committedRecords = committedBefore.values().stream().mapToLong(Long::longValue).sum();
                if (processedBefore >= KILL_AT_LEAST * total && committedRecords > 0
                    && processedBefore - committedRecords >= UNCOMMITTED_AT_LEAST) {
                    break;
                }
                assertTrue(processedBefore < total, "service A folded everything (" + total + ") before a mid-stream kill "
                    + "was possible (committed " + committedBefore + ")");
                assertTrue(Instant.now().isBefore(deadline), "no kill point within 5 minutes: processed " + processedBefore
                    + ", committed " + committedBefore);
                Thread.sleep(50);
            }
            long pid = a.pid();
            a.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit, in-flight transaction rolled back by PostgreSQL
            assertTrue(a.waitFor(30, TimeUnit.SECONDS), "service A did not die");
            assertFalse(a.isAlive());
            assertEquals(137, a.exitValue(), "service A (pid " + pid + ") ended by SIGKILL (128 + 9)");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " is gone");
            note("service A (pid %d) killed (SIGKILL, exit %d) at %.1f s: %d of %d distinct engagement events processed "
                + "just before the kill; committed offsets just before: %s", pid, a.exitValue(), seconds(t0), processedBefore,
                total, new TreeMap<>(committedBefore));

            // The state the kill left behind (final: the process is gone, its connections with it).
            Set<String> processedAtKill = foldedIds(db, byEventId);
            Map<Integer, Long> committedAtKill = committed(admin, group, engagementsTopic);
            List<Sent> published;
            synchronized (sent) {
                published = new ArrayList<>(sent);
            }
            int foldedNotCommitted = 0;
            int committedNotFolded = 0;
            Set<String> beyond = new HashSet<>();
            for (Sent s : published) {
                long c = committedAtKill.getOrDefault(s.partition(), 0L);
                if (s.offset() < c) {
                    if (!processedAtKill.contains(s.eventId())) {
                        committedNotFolded++;
                    }
                } else if (processedAtKill.contains(s.eventId())) {
                    foldedNotCommitted++;
                    beyond.add(s.eventId());
                }
            }
            long committedRecords = committedAtKill.values().stream().mapToLong(Long::longValue).sum();
            note("after the kill: %d distinct events folded (%.0f %%), %d records published so far; committed "
                + "offsets %s (%d records); %d folded records beyond the committed offsets (%d event ids): to be redelivered; "
                + "%d committed records not folded", processedAtKill.size(), 100.0 * processedAtKill.size() / total,
                published.size(), new TreeMap<>(committedAtKill), committedRecords, foldedNotCommitted, beyond.size(),
                committedNotFolded);
            assertTrue(processedAtKill.size() < total, "the kill was mid-stream");
            assertTrue(processedAtKill.size() >= KILL_AT_LEAST * total);
            assertEquals(0, committedNotFolded, "every record below a committed offset was folded (at-least-once: no loss)");
            assertTrue(foldedNotCommitted > 0, "some folded records were not committed yet, so the restart redelivers them");
        }

        pacer.join(Duration.ofMinutes(3).toMillis());
        assertFalse(pacer.isAlive(), "the pacer finished");
        if (pacerFailure.get() != null) {
            throw new AssertionError("publishing failed", pacerFailure.get());
        }
        note("all %d engagement records published at %.1f s", sent.size(), seconds(t0));

        // ---- run 1, continued: service A' on the same database and group
        Process a2 = services.start("A-restarted", killedEnv, channels, group);
        services.awaitReady(a2, "A-restarted");
        awaitAllProcessed(pg, killedDb, byEventId, contacts, a2, "A-restarted");
        note("service A' (restarted) folded the rest: all %d processed at %.1f s", total, seconds(t0));

        // ---- run 2: service B, clean, from the beginning, on database 2 with a fresh group
        Process b = services.start("B-clean", PackagedServices.serviceEnv(config, pg.jdbcUrl(cleanDb)), channels, "analytics-clean-" + run);
        services.awaitReady(b, "B-clean");
        awaitAllProcessed(pg, cleanDb, byEventId, contacts, b, "B-clean");
        note("service B (clean run) folded all %d at %.1f s", total, seconds(t0));

        // ---- compare: restarted vs clean vs the model fed the final engagement states
        RelationshipModel canonical = canonical(distinct);
        int restartedPort = services.port(a2);
        int cleanPort = services.port(b);
        List<String> listed = listAll(restartedPort);
        assertEquals(new TreeMap<>(index(listed)), new TreeMap<>(index(listAll(cleanPort))), "the same contacts are listed");
        assertEquals(new HashSet<>(contacts.stream().map(UUID::toString).toList()), new HashSet<>(listed));
        int nonZero = 0;
        int withEngagements = 0;
        for (UUID c : contacts) {
            JsonNode restarted = getRelationship(restartedPort, c);
            JsonNode clean = getRelationship(cleanPort, c);
            assertEquals(clean, restarted, "relationship of " + c + ": restarted after the kill vs clean run");
            RelationshipScore expected = canonical.relationship(c, AT);
            assertEquals(expected.score(), restarted.get("score").doubleValue(), 0.0, "score of " + c);
            assertEquals(expected.trend(), restarted.get("trend").doubleValue(), 0.0, "trend of " + c);
            assertEquals(expected.band().name(), restarted.get("band").asText(), "band of " + c);
            assertEquals(String.valueOf(expected.nextBand()), text(restarted.get("nextBand")), "nextBand of " + c);
            assertEquals(String.valueOf(expected.dropsOn()), text(restarted.get("dropsOn")), "dropsOn of " + c);
            assertEquals(String.valueOf(expected.coldOn()), text(restarted.get("coldOn")), "coldOn of " + c);
            JsonNode f = restarted.get("factors");
            assertEquals(String.valueOf(expected.factors().recencyDays()), text(f.get("recencyDays")), "recencyDays of " + c);
            assertEquals(expected.factors().frequency90d(), f.get("frequency90d").intValue(), "frequency90d of " + c);
            assertEquals(expected.factors().depthHours(), f.get("depthHours").doubleValue(), 0.0, "depthHours of " + c);
            assertEquals(String.valueOf(expected.factors().sentiment()), text(f.get("sentiment")), "sentiment of " + c);
            assertEquals(String.valueOf(expected.factors().reciprocity()), text(f.get("reciprocity")), "reciprocity of " + c);
            assertEquals(expected.factors().hoursGiven(), f.get("hoursGiven").doubleValue(), 0.0, "hoursGiven of " + c);
            assertEquals(expected.factors().hoursReceived(), f.get("hoursReceived").doubleValue(), 0.0, "hoursReceived of " + c);
            if (restarted.get("score").doubleValue() > 0) {
                nonZero++;
            }
            if (restarted.path("lastEngagements").size() > 0) {
                withEngagements++;
            }
        }
        assertTrue(nonZero > CONTACTS * 3 / 4, "the generated history reaches most contacts (" + nonZero + ")");
        comparePersistedState(restartedPort, cleanPort, contacts);
        note("compared %d contacts (%d with a score > 0, %d with last engagements) at %s: restarted == clean == model; "
            + "total %.1f s", contacts.size(), nonZero, withEngagements, AT, seconds(t0));
    }

    /**
     * The persisted relationship rows (what every list, filter and insight reads) of the restarted service and the
     * clean one agree: read "now" from both, a few milliseconds apart, so the scores agree to the decay in between
     * (1e-6), the factors exactly. A slice falling due between the two reads would differ until both due-slice
     * jobs ran: one retry after the job's interval.
     */
    private void comparePersistedState(int restartedPort, int cleanPort, List<UUID> contacts) throws Exception {
        for (int attempt = 1; ; attempt++) {
            List<String> differences = new ArrayList<>();
            for (UUID c : contacts) {
                JsonNode r = getRelationshipNow(restartedPort, c);
                JsonNode k = getRelationshipNow(cleanPort, c);
                double a = r.get("score").doubleValue();
                double b = k.get("score").doubleValue();
                if (Math.abs(a - b) > 1e-6 * Math.max(1.0, a) || !r.get("factors").equals(k.get("factors"))
                    || !r.get("band").equals(k.get("band"))) {
                    differences.add(c + ": " + r + " vs " + k);
                }
            }
            if (differences.isEmpty()) {
                note("persisted state: restarted == clean for all %d contacts (read now, attempt %d)", contacts.size(), attempt);
                return;
            }
            assertTrue(attempt < 2, "persisted relationships differ, restarted vs clean: " + differences);
            Thread.sleep(35_000);
        }
    }

    // ------------------------------------------------------------------------------------------ Kafka

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = TestEvents.producerProperties(bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props);
    }

    private static List<Sent> sendAll(KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records)
            throws Exception {
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        for (ProducerRecord<String, String> r : records) {
            futures.add(producer.send(r));
        }
        producer.flush();
        List<Sent> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata m = futures.get(i).get(30, TimeUnit.SECONDS);
            out.add(new Sent(TestEvents.MAPPER.readTree(records.get(i).value()).get("id").asText(), m.partition(), m.offset()));
        }
        return out;
    }

    private static Map<Integer, Long> committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<Integer, Long> result = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (tp.topic().equals(topic) && om != null) {
                result.put(tp.partition(), om.offset());
            }
        });
        return result;
    }

    // ------------------------------------------------------------------------------------------ PostgreSQL

    private static PostgresServer server(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new PostgresServer("test", uri.getHost(), uri.getPort(), user, password == null || password.isEmpty() ? null : password);
    }

    /**
     * The event ids whose effect is in the database: an engagement event is folded once its engagement is stored
     * at its version or a later one (the fold is idempotent by version; engagement events write no inbox row).
     */
    private static Set<String> foldedIds(Connection db, Map<String, Generated> events) throws SQLException {
        Map<UUID, Long> stored = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement("select id, version from engagement")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return Set.of(); // Flyway has not created the table yet
            }
            throw e;
        }
        Set<String> folded = new HashSet<>();
        events.forEach((id, g) -> {
            Long v = stored.get(g.engagementId());
            if (v != null && v >= g.version()) {
                folded.add(id);
            }
        });
        return folded;
    }

    private void awaitAllProcessed(PostgresServer pg, String database, Map<String, Generated> events, List<UUID> contacts,
                                   Process p, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        int count = 0;
        try (Connection db = pg.connect(database)) {
            while (Instant.now().isBefore(deadline)) {
                assertTrue(p.isAlive(), "service " + name + " exited; see " + WORK.resolve(name + ".log"));
                count = foldedIds(db, events).size();
                if (count == events.size() && countContacts(db) == contacts.size()) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("service " + name + ": only " + count + " of " + events.size() + " events folded in 10 minutes");
    }

    private static int countContacts(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("select count(*) from contact"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    // ------------------------------------------------------------------------------------------ REST

    private List<String> listAll(int port) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = get(port, "/api/v1/relationships?size=50&page=" + page);
            body.get("items").forEach(item -> ids.add(item.get("contactId").asText()));
            if ((long) (page + 1) * 50 >= body.get("total").asLong()) {
                assertEquals(body.get("total").asInt(), ids.size());
                return ids;
            }
        }
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private JsonNode getRelationship(int port, UUID contact) throws Exception {
        return get(port, "/api/v1/relationships/" + contact + "?at=" + AT);
    }

    private JsonNode getRelationshipNow(int port, UUID contact) throws Exception {
        return get(port, "/api/v1/relationships/" + contact);
    }

    private JsonNode get(int port, String path) throws Exception {
        return services.get(port, path);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.isNumber() ? String.valueOf(n.numberValue()) : n.asText();
    }

    // ------------------------------------------------------------------------------------------ the model

    /** The model fed the final engagement states in engagement-id order (the service's canonical computation). */
    private static RelationshipModel canonical(List<Generated> distinct) {
        Map<UUID, Generated> latest = new HashMap<>();
        for (Generated g : distinct) {
            latest.merge(g.engagementId(), g, (x, y) -> FoldIntegrationTest.supersedes(y, x) ? y : x);
        }
        RelationshipModel model = new RelationshipModel(ScoringParameters.defaults());
        latest.values().stream().sorted(Comparator.comparing(Generated::engagementId))
            .filter(g -> !g.type().endsWith("cancelled.v1") && g.snapshot().status().contributes())
            .forEach(g -> model.apply(EngagementEvent.logged(g.eventId(), g.version(), g.snapshot())));
        return model;
    }


    // ------------------------------------------------------------------------------------------ reporting

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[kill-it] " + line);
        summary.append(line).append('\n');
    }
}
