import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fold benchmark's two halves (run by fold-benchmark.sh, as a single-file source program):
 *
 *   publish BOOTSTRAP TOPIC RUN N PARTITIONS   creates TOPIC and publishes N generated engagement events
 *   reset SERVER_JDBC_URL USER PASSWORD DATABASE drops and creates DATABASE, so every run folds into empty tables
 *   await JDBC_URL USER PASSWORD RUN W N TIMEOUT_S SERVICE_PID BROKER_PID CLK_TCK
 *                                                waits until analytics-service has recorded the W + N event
 *                                                ids of RUN as processed; prints, for the first W (warm-up) and
 *                                                the next N (measured) events, "WARMUP|FOLD <events/s> <seconds>
 *                                                <batches> <events>" from the first to the last batch's processed_at,
 *                                                and "CPU WARMUP|FOLD <process>=<cores>/<us per event> ...": the CPU
 *                                                time (/proc, sampled every 200 ms) of the service, of PostgreSQL
 *                                                (every process in pg_stat_activity but this program's: its
 *                                                client sessions and its background processes apart) and of
 *                                                the broker (0: not started by the script) over the same interval
 */
public class FoldBenchmark {

    static final String[] TYPES = {"ONE_TO_ONE", "LEADERSHIP_FORUM", "SHADOWING", "ON_THE_JOB_TRAINING", "SECONDMENT",
        "EXPERTISE_EXCHANGE", "SME_HOURS", "NETWORKING"};
    static final String[] DIRECTIONS = {"PMO_GAVE", "PMO_RECEIVED", "MUTUAL"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "publish" -> publish(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "await" -> await(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                Integer.parseInt(args[7]), Long.parseLong(args[8]), Long.parseLong(args[9]), Integer.parseInt(args[10]));
            case "reset" -> reset(args[1], args[2], args[3], args[4]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void publish(String bootstrap, String topic, String run, int n, int partitions) throws Exception {
        Properties a = new Properties();
        a.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random r = new Random(20261125L);
        List<UUID> contacts = new ArrayList<>();
        List<UUID> units = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            units.add(UUID.randomUUID());
        }
        for (int i = 0; i < 2000; i++) {
            contacts.add(UUID.randomUUID());
        }
        List<String[]> engagements = new ArrayList<>(); // id, type, version (as String)
        Instant at = Instant.parse("2026-11-25T12:00:00Z");
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String eventId = "bench-" + run + "-" + i;
                boolean update = !engagements.isEmpty() && r.nextInt(100) < 15;
                String[] e;
                String eventType;
                if (update) {
                    e = engagements.get(r.nextInt(engagements.size()));
                    e[2] = String.valueOf(Long.parseLong(e[2]) + 1);
                    eventType = "rapport.engagement.updated.v1";
                } else {
                    e = new String[] {UUID.randomUUID().toString(), TYPES[r.nextInt(TYPES.length)], "1"};
                    engagements.add(e);
                    eventType = "rapport.engagement.logged.v1";
                }
                String snapshot = snapshot(r, e, contacts, units, at);
                String data = update ? "{\"previous\":" + snapshot + ",\"current\":" + snapshot + "}" : snapshot;
                String json = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/rapport/engagement-service\","
                    + "\"type\":\"" + eventType + "\",\"time\":\"2026-11-25T10:00:00Z\",\"subject\":\"engagements/" + e[0]
                    + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
                bytes += json.length();
                sent.add(producer.send(new ProducerRecord<>(topic, e[0], json)));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        }
        System.out.printf("PUBLISHED %d events (%d distinct engagements, avg %d bytes) to %s%n", n, engagements.size(),
            bytes / n, topic);
    }

    static String snapshot(Random r, String[] e, List<UUID> contacts, List<UUID> units, Instant at) {
        String type = e[1];
        boolean longRunning = type.equals("SECONDMENT") || type.equals("SHADOWING") || type.equals("ON_THE_JOB_TRAINING");
        Instant start = at.minusSeconds(60L * r.nextInt(60 * 24 * 400));
        String end = longRunning ? "\"" + start.plusSeconds(3600L * 24 * (7 + r.nextInt(120))) + "\"" : "null";
        int participants = type.equals("LEADERSHIP_FORUM") ? 3 + r.nextInt(6) : 1 + r.nextInt(2);
        StringBuilder ps = new StringBuilder();
        for (int i = 0; i < participants; i++) {
            int c = r.nextInt(contacts.size());
            if (i > 0) {
                ps.append(',');
            }
            ps.append("{\"contactId\":\"").append(contacts.get(c)).append("\",\"role\":\"ATTENDEE\",\"businessUnitId\":\"")
                .append(units.get(c % units.size())).append("\"}");
        }
        return "{\"engagementId\":\"" + e[0] + "\",\"version\":" + e[2] + ",\"type\":\"" + type + "\",\"title\":\"Bench\","
            + "\"startAt\":\"" + start + "\",\"endAt\":" + end + ",\"status\":\"" + (longRunning && r.nextBoolean() ? "ACTIVE" : "COMPLETED")
            + "\",\"direction\":\"" + DIRECTIONS[r.nextInt(3)] + "\",\"effortHours\":" + (r.nextInt(40) / 4.0)
            + ",\"sentiment\":" + (1 + r.nextInt(5)) + ",\"lead\":{\"name\":\"Sam Lee\",\"email\":\"sam.lee@example.com\"},"
            + "\"forumId\":null,\"hoursPledged\":null,\"hoursDelivered\":null,\"participants\":[" + ps + "],\"groupSize\":"
            + participants + ",\"occurredAt\":\"2026-11-25T10:00:00Z\"}";
    }

    static void reset(String serverUrl, String user, String password, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
            java.sql.Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
    }

    /**
     * Waits until the service has folded every event, reading its own counter {@code rapport_fold_records_total}
     * (management {@code /q/metrics}, every 100 ms): engagement events write no inbox row any more, the counter
     * moves once per committed batch. Per phase (the warm-up: the first WARMUP events; the measured: the next N),
     * events per second from the first sample at or past the phase's start to the sample reaching its end.
     */
    static void await(String url, String user, String password, String metricsUrl, int warmup, int n, int timeoutSeconds,
        long servicePid, long brokerPid, int clockTicks) throws Exception {
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        int total = warmup + n;
        CpuSampler cpu = new CpuSampler(clockTicks);
        cpu.track("analytics-service", Set.of(servicePid));
        if (brokerPid > 0) {
            cpu.track("Kafka broker", Set.of(brokerPid));
        }
        Thread sampler = new Thread(cpu, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<long[]> samples = new ArrayList<>(); // {epoch millis, records folded}
        long lastReport = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            while (Instant.now().isBefore(deadline)) {
                postgresPids(c).forEach(cpu::track);
                long count = folded(http, metricsUrl);
                samples.add(new long[] {System.currentTimeMillis(), count});
                if (count >= total) {
                    break;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.out.printf("  folded %d of %d%n", count, total);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(100);
            }
        }
        cpu.stop();
        long[] last = samples.get(samples.size() - 1);
        if (last[1] < total) {
            System.out.printf("TIMEOUT only %d of %d events folded within %d s%n", last[1], total, timeoutSeconds);
            System.exit(1);
        }
        List<String> cpuLines = new ArrayList<>();
        if (warmup > 0) {
            phase("WARMUP", samples, 1, warmup, cpu, cpuLines);
        }
        phase("FOLD", samples, warmup + 1, total, cpu, cpuLines);
        cpuLines.forEach(System.out::println);
        StringBuilder line = new StringBuilder("PER-SECOND");
        long start = samples.stream().filter(x -> x[1] > 0).findFirst().orElse(last)[0];
        long previous = 0;
        for (long second = 1; ; second++) {
            long at = start + second * 1000;
            long count = 0;
            for (long[] x : samples) {
                if (x[0] <= at) {
                    count = x[1];
                }
            }
            line.append(" ").append(count - previous);
            previous = count;
            if (at > last[0]) {
                break;
            }
        }
        System.out.println(line);
    }

    /** Prints "PHASE events/s seconds samples events" for the events from..to (1-based) and its CPU line. */
    static void phase(String name, List<long[]> samples, long from, long to, CpuSampler cpu, List<String> cpuLines) {
        long[] first = null;
        long[] end = null;
        for (long[] x : samples) {
            if (first == null && x[1] >= from) {
                first = x;
            }
            if (end == null && x[1] >= to) {
                end = x;
            }
        }
        double seconds = Math.max(0.001, (end[0] - first[0]) / 1000.0);
        long events = end[1] - first[1];
        System.out.printf("%s %.0f %.3f %d %d%n", name, events / seconds, seconds, samples.size(), events);
        cpuLines.add("CPU " + name + cpu.between(first[0], end[0], events));
    }

    /** The service's rapport_fold_records_total for the engagements topic (0 before it answers). */
    static long folded(java.net.http.HttpClient http, String metricsUrl) {
        try {
            String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(metricsUrl)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String l : body.split("\n")) {
                if (l.startsWith("rapport_fold_records_total{") && l.contains("engagements")) {
                    sum += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (Exception e) {
            return 0; // not up yet
        }
    }

    /**
     * Every PostgreSQL process in pg_stat_activity but this connection's, by kind: the client backends (the
     * service's sessions, which run its statements) and the background processes (WAL writer, checkpointer,
     * background writer, autovacuum, ...).
     */
    static Map<String, Set<Long>> postgresPids(Connection c) {
        Map<String, Set<Long>> pids = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select pid, backend_type = 'client backend' from pg_stat_activity"
            + " where pid <> pg_backend_pid()");
            ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                pids.computeIfAbsent(rs.getBoolean(2) ? "PostgreSQL sessions" : "PostgreSQL background", k -> new HashSet<>())
                    .add(rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            // not yet reachable: tracked from the next poll on
        }
        return pids;
    }

    /**
     * Samples utime + stime (/proc/PID/stat) of groups of processes every 200 ms. A process first seen after an
     * interval began counts from zero (it was started during it); one gone before the end keeps its last value.
     */
    static final class CpuSampler implements Runnable {
        record Sample(long epochMillis, Map<Long, Long> ticks) {
        }

        private final int clockTicks;
        private final Map<String, Set<Long>> groups = new ConcurrentHashMap<>();
        private final List<Sample> samples = new CopyOnWriteArrayList<>();
        private final Map<Long, Long> lastSeen = new HashMap<>();
        private volatile boolean running = true;

        CpuSampler(int clockTicks) {
            this.clockTicks = clockTicks;
        }

        void track(String group, Set<Long> pids) {
            groups.merge(group, Set.copyOf(pids), (a, b) -> {
                Set<Long> all = new HashSet<>(a);
                all.addAll(b);
                return Set.copyOf(all);
            });
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                long now = System.currentTimeMillis();
                for (Set<Long> pids : groups.values()) {
                    for (long pid : pids) {
                        Long ticks = ticks(pid);
                        if (ticks != null) {
                            lastSeen.put(pid, ticks);
                        }
                    }
                }
                samples.add(new Sample(now, Map.copyOf(lastSeen)));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static Long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return null; // gone, or no /proc (PostgreSQL on another machine)
            }
        }

        /** " group=cores/us-per-event ..." over [fromMillis, toMillis] (widened to the samples around it). */
        String between(long fromMillis, long toMillis, long events) {
            Sample start = null;
            Sample end = null;
            for (Sample s : samples) {
                if (s.epochMillis() <= fromMillis) {
                    start = s;
                }
                if (end == null && s.epochMillis() >= toMillis) {
                    end = s;
                }
            }
            if (start == null || end == null || end.epochMillis() <= start.epochMillis() || events == 0) {
                return " n/a";
            }
            double seconds = (end.epochMillis() - start.epochMillis()) / 1000.0;
            double measured = Math.max(toMillis - fromMillis, 1) / 1000.0;
            Map<String, Double> cores = new LinkedHashMap<>();
            for (Map.Entry<String, Set<Long>> g : groups.entrySet()) {
                long ticks = 0;
                for (long pid : g.getValue()) {
                    Long e = end.ticks().get(pid);
                    if (e != null) {
                        ticks += e - start.ticks().getOrDefault(pid, 0L);
                    }
                }
                cores.put(g.getKey(), ticks / (double) clockTicks / seconds);
            }
            StringBuilder line = new StringBuilder();
            cores.forEach((group, c) -> line.append(String.format(" %s=%.2f/%.0f", group.replace(' ', '_'), c,
                c * measured / events * 1e6)));
            return line.toString();
        }
    }
}
