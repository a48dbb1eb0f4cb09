import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The enterprise the analytics scale benchmark (scale-benchmark.sh) folds and reads: UNITS business units,
 * CONTACTS contacts (owners, seniority, expertise tags, stay-in-touch and influence fields), stakeholder roles
 * for one contact in twenty, and ENGAGEMENTS engagement records over the last two years, published to the
 * topics as the producers' outbox relays would (CloudEvents JSON, keyed by aggregate id). Realistic skew: 50
 * "hot" contacts take part in a tenth of all engagements (about 2,000 each at the default size); forums have 5-12
 * participants; 3 % are long-running (secondments, shadowing, on-the-job training: weeks to months, some still
 * running); a tenth are updated once, 2 % cancelled. Deterministic for a seed.
 *
 *   java -cp CP ScaleBenchmark.java publish BOOTSTRAP RUN UNITS CONTACTS ENGAGEMENTS SEED OUTDIR
 *   java -cp CP ScaleBenchmark.java await JDBC USER PASSWORD ENGAGEMENTS_DISTINCT CONTACTS TIMEOUT_S
 *
 * publish writes OUTDIR/scale-ids.txt (a unit, a hot contact, a light contact, the distinct engagement count).
 * await prints "FOLDED seconds" once every engagement and contact is in the database.
 */
public class ScaleBenchmark {

    static final String[] TYPES = {"ONE_TO_ONE", "LEADERSHIP_FORUM", "EXPERTISE_EXCHANGE", "SME_HOURS", "NETWORKING"};
    static final String[] LONG_TYPES = {"SECONDMENT", "SHADOWING", "ON_THE_JOB_TRAINING"};
    static final String[] DIRECTIONS = {"PMO_GAVE", "PMO_RECEIVED", "MUTUAL"};
    static final String[] SENIORITIES = {"EXECUTIVE", "SENIOR_MANAGER", "MANAGER", "STAFF"};
    static final String[] LEVELS = {"LOW", "MEDIUM", "HIGH"};
    static final String[] STANCES = {"CHAMPION", "SUPPORTER", "NEUTRAL", "SCEPTIC", "RESISTOR"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "publish" -> publish(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                Integer.parseInt(args[5]), Long.parseLong(args[6]), Path.of(args[7]));
            case "await" -> await(args[1], args[2], args[3], Long.parseLong(args[4]), Long.parseLong(args[5]),
                Long.parseLong(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void publish(String bootstrap, String run, int unitCount, int contactCount, int engagementCount, long seed,
                        Path out) throws Exception {
        String contactsTopic = "bench.scale.contacts." + run;
        String engagementsTopic = "bench.scale.engagements." + run;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(contactsTopic, 6, (short) 1), new NewTopic(engagementsTopic, 6, (short) 1)))
                .all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random r = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<UUID> units = new ArrayList<>();
            for (int i = 0; i < unitCount; i++) {
                UUID u = uuid(r);
                units.add(u);
                send(producer, contactsTopic, u, "rapport.business-unit.created.v1", "{\"businessUnitId\":\"" + u
                    + "\",\"code\":\"U" + i + "\",\"name\":\"Unit " + i + "\",\"parentId\":null,\"version\":1,\"occurredAt\":\""
                    + now + "\"}", failure);
            }
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                owners.add("owner" + i + "@pmo.example.com");
            }
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                tags.add("skill-" + i);
            }
            UUID[] contacts = new UUID[contactCount];
            UUID[] unitOf = new UUID[contactCount];
            for (int i = 0; i < contactCount; i++) {
                contacts[i] = uuid(r);
                unitOf[i] = units.get(r.nextInt(units.size()));
                StringBuilder expertise = new StringBuilder("[");
                int n = r.nextInt(4);
                java.util.Set<String> chosen = new java.util.TreeSet<>();
                for (int k = 0; k < n; k++) {
                    chosen.add(tags.get((int) Math.min(tags.size() - 1, Math.floor(Math.pow(r.nextDouble(), 2) * tags.size()))));
                }
                for (String t : chosen) {
                    expertise.append(expertise.length() > 1 ? "," : "").append('"').append(t).append('"');
                }
                expertise.append(']');
                String created = now.minus(Duration.ofDays(730 + r.nextInt(365))).toString();
                String data = "{\"contactId\":\"" + contacts[i] + "\",\"businessUnitId\":\"" + unitOf[i]
                    + "\",\"status\":\"ACTIVE\",\"fullName\":\"Person " + i + "\",\"email\":\"person" + i
                    + "@example.com\",\"phone\":null,\"jobTitle\":null,\"seniority\":\"" + SENIORITIES[r.nextInt(4)]
                    + "\",\"expertise\":" + expertise + ",\"owner\":{\"name\":\"Owner\",\"email\":\""
                    + owners.get(r.nextInt(owners.size())) + "\"},\"kind\":\"INTERNAL\",\"version\":1,\"occurredAt\":\"" + created
                    + "\",\"cadenceDays\":" + (r.nextInt(5) == 0 ? String.valueOf(14 + r.nextInt(90)) : "null")
                    + ",\"influence\":" + optional(r, LEVELS) + ",\"interest\":" + optional(r, LEVELS) + ",\"stance\":"
                    + optional(r, STANCES) + "}";
                send(producer, contactsTopic, contacts[i], "rapport.contact.created.v1", data, failure);
                if (r.nextInt(20) == 0) {
                    UUID role = uuid(r);
                    LocalDate end = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(r.nextInt(240) - 120);
                    send(producer, contactsTopic, contacts[i], "rapport.stakeholder-role.added.v1", "{\"roleId\":\"" + role
                        + "\",\"contactId\":\"" + contacts[i] + "\",\"projectCode\":\"P-" + r.nextInt(40)
                        + "\",\"projectName\":\"Project\",\"role\":\"SPONSOR\",\"startDate\":\"2025-01-01\",\"endDate\":\"" + end
                        + "\",\"occurredAt\":\"" + now + "\"}", failure);
                }
            }
            producer.flush();
            int hot = Math.min(50, contactCount);
            long distinct = 0;
            int records = 0;
            while (records < engagementCount) {
                UUID id = uuid(r);
                distinct++;
                boolean longRunning = r.nextInt(100) < 3;
                String type = longRunning ? LONG_TYPES[r.nextInt(3)] : TYPES[r.nextInt(TYPES.length)];
                int size = type.equals("LEADERSHIP_FORUM") ? 5 + r.nextInt(8) : r.nextInt(10) < 7 ? 1 : 2;
                java.util.LinkedHashSet<Integer> who = new java.util.LinkedHashSet<>();
                if (r.nextInt(10) == 0) {
                    who.add(r.nextInt(hot));
                }
                while (who.size() < size) {
                    who.add(r.nextInt(contactCount));
                }
                Instant start = now.minus(Duration.ofSeconds((long) (r.nextDouble() * 730 * 86400)));
                Instant end = longRunning ? start.plus(Duration.ofDays(14 + r.nextInt(170))) : start.plus(Duration.ofHours(1));
                String status = longRunning ? (end.isAfter(now) ? "ACTIVE" : "COMPLETED") : "COMPLETED";
                double hours = longRunning ? 20 + r.nextInt(400) : 0.5 + r.nextInt(8) * 0.5;
                String direction = DIRECTIONS[r.nextInt(3)];
                Integer sentiment = r.nextInt(4) == 0 ? null : 1 + r.nextInt(5);
                String snapshot = snapshot(id, 1, type, status, start, end, direction, hours, sentiment, who, contacts, unitOf);
                send(producer, engagementsTopic, id, "rapport.engagement.logged.v1", snapshot, failure);
                records++;
                int roll = r.nextInt(100);
                if (roll < 10 && records < engagementCount) {
                    String updated = snapshot(id, 2, type, status, start, end, direction, hours + 1, sentiment, who, contacts, unitOf);
                    send(producer, engagementsTopic, id, "rapport.engagement.updated.v1", "{\"previous\":" + snapshot
                        + ",\"current\":" + updated + "}", failure);
                    records++;
                } else if (roll < 12 && records < engagementCount) {
                    send(producer, engagementsTopic, id, "rapport.engagement.cancelled.v1",
                        snapshot(id, 2, type, "CANCELLED", start, end, direction, hours, sentiment, who, contacts, unitOf), failure);
                    records++;
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw failure.get();
            }
            int light = hot + r.nextInt(contactCount - hot);
            Files.writeString(out.resolve("scale-ids.txt"), "UNIT " + units.get(0) + "\nHOT " + contacts[0] + "\nLIGHT "
                + contacts[light] + "\nDISTINCT " + distinct + "\nCONTACTS " + contactCount + "\n");
            System.out.printf("PUBLISHED %d units, %d contacts, %d engagement records (%d engagements) in %.1f s%n", unitCount,
                contactCount, records, distinct, (System.nanoTime() - t0) / 1e9);
        }
    }

    static String optional(Random r, String[] values) {
        return r.nextInt(3) == 0 ? "null" : "\"" + values[r.nextInt(values.length)] + "\"";
    }

    static String snapshot(UUID id, long version, String type, String status, Instant start, Instant end, String direction,
                           double hours, Integer sentiment, java.util.Set<Integer> who, UUID[] contacts, UUID[] unitOf) {
        StringBuilder ps = new StringBuilder("[");
        for (int i : who) {
            ps.append(ps.length() > 1 ? "," : "").append("{\"contactId\":\"").append(contacts[i])
                .append("\",\"role\":\"ATTENDEE\",\"businessUnitId\":\"").append(unitOf[i]).append("\"}");
        }
        ps.append(']');
        return "{\"engagementId\":\"" + id + "\",\"version\":" + version + ",\"type\":\"" + type + "\",\"title\":\"Engagement\","
            + "\"startAt\":\"" + start + "\",\"endAt\":\"" + end + "\",\"status\":\"" + status + "\",\"direction\":\"" + direction
            + "\",\"effortHours\":" + hours + ",\"sentiment\":" + sentiment + ",\"lead\":null,\"forumId\":null,"
            + "\"hoursPledged\":null,\"hoursDelivered\":null,\"participants\":" + ps + ",\"groupSize\":" + who.size()
            + ",\"occurredAt\":\"" + start + "\",\"completedAt\":" + ("COMPLETED".equals(status) ? "\"" + end + "\"" : "null") + "}";
    }

    static void send(KafkaProducer<String, String> producer, String topic, UUID key, String type, String data,
                     AtomicReference<Exception> failure) {
        String id = UUID.randomUUID().toString();
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/rapport/bench\",\"type\":\"" + type
            + "\",\"time\":\"" + Instant.now() + "\",\"subject\":\"x/" + key + "\",\"datacontenttype\":\"application/json\",\"data\":"
            + data + "}";
        producer.send(new ProducerRecord<>(topic, key.toString(), envelope), (m, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    static UUID uuid(Random r) {
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    static void await(String jdbc, String user, String password, long distinct, long contacts, long timeoutSeconds)
            throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeoutSeconds * 1_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
                long e;
                long k;
                try (ResultSet rs = s.executeQuery("select count(*) from engagement")) {
                    rs.next();
                    e = rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery("select count(*) from contact")) {
                    rs.next();
                    k = rs.getLong(1);
                }
                if (e != last) {
                    System.out.printf("  %6.1f s: %d of %d engagements, %d of %d contacts%n", (System.nanoTime() - t0) / 1e9, e,
                        distinct, k, contacts);
                    last = e;
                }
                if (e >= distinct && k >= contacts) {
                    System.out.printf("FOLDED %.1f%n", (System.nanoTime() - t0) / 1e9);
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the service has not migrated the database yet
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("not folded within " + timeoutSeconds + " s");
    }
}
