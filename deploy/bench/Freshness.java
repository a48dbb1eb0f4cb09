import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness of the relationship score (deploy/bench/run, case "freshness"); JDK only, run with Java's single-file
 * launcher. Logs ONE_TO_ONE engagements through the gateway at a fixed rate (open loop: the schedule does not wait
 * for answers) and measures, for each engagement, the time from its 201 to the first read of analytics-service that
 * reflects it: the relationship's {@code lastEngagementAt} at or after the engagement's {@code startAt} (the fold
 * stores the engagement and the relationship's state in one transaction, so the score read then includes it).
 *
 * <p>Reads: one {@code GET /api/v1/relationships?businessUnitId=U&sort=lastEngagementAt,desc&size=C} every
 * POLL_MS straight at analytics-service (all C contacts of the run's own unit in one page), so the resolution is
 * the poll interval plus one read; the time a change is seen is when that read's answer arrived.
 *
 * <p>Tokens are minted here with the local stack's key (every service verifies them): one editor per USERS, the
 * engagements spread over them round robin, so each stays under the gateway's per-principal rate limit.
 *
 * <pre>java deploy/bench/Freshness.java GATEWAY_URL ANALYTICS_URL PRIVATE_KEY_PEM ISSUER RATE SECONDS WARMUP_SECONDS
 *   CONTACTS USERS POLL_MS</pre>
 * Prints "FRESHNESS key=value ..." lines (the whole run, and per third of the measured window) for deploy/bench/run.
 */
public class Freshness {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ITEM = Pattern.compile(
        "\"contactId\"\\s*:\\s*\"([^\"]+)\"[^{}]*?(?:\\{[^{}]*\\}[^{}]*?)*\"lastEngagementAt\"\\s*:\\s*(null|\"([^\"]+)\")");

    record Sent(int seq, String contact, Instant startAt, long sentNanos, boolean measured) { }

    /** What happened to one engagement: its 201 (nanos), the read that reflected it (nanos), its status. */
    static final class Outcome {
        volatile long createdNanos = -1;
        volatile long seenNanos = -1;
        volatile int status;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String analytics = args[1];
        PrivateKey key = privateKey(Path.of(args[2]));
        String issuer = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int contactCount = Integer.parseInt(args[7]);
        int users = Integer.parseInt(args[8]);
        int pollMillis = Integer.parseInt(args[9]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        String admin = token(key, issuer, "bench-admin", "rapport-admin");
        String viewer = token(key, issuer, "bench-viewer", "rapport-viewer");
        List<String> editors = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            editors.add(token(key, issuer, "bench-editor-" + i, "rapport-editor"));
        }

        String run = Long.toString(System.currentTimeMillis(), 36);
        String unit = created(http, gateway + "/api/v1/business-units", admin,
            "{\"code\":\"FR" + run.toUpperCase() + "\",\"name\":\"Freshness bench " + run + "\"}");
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < contactCount; i++) {
            contacts.add(created(http, gateway + "/api/v1/contacts", editors.get(i % users),
                "{\"fullName\":\"Fresh " + i + "\",\"email\":\"fresh." + i + "." + run + "@bench.example.com\","
                    + "\"businessUnitId\":\"" + unit + "\",\"seniority\":\"STAFF\"}"));
        }
        URI poll = URI.create(analytics + "/api/v1/relationships?businessUnitId=" + unit
            + "&sort=lastEngagementAt,desc&size=" + contactCount);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count(http, poll, viewer) < contactCount) { // analytics knows every contact of the unit
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("analytics-service did not list the run's " + contactCount + " contacts in 60 s");
            }
            Thread.sleep(100);
        }

        int total = rate * (warmup + seconds);
        Sent[] sent = new Sent[total];
        Outcome[] outcomes = new Outcome[total];
        Map<String, ArrayDeque<Integer>> pending = new HashMap<>();
        contacts.forEach(c -> pending.put(c, new ArrayDeque<>()));
        ConcurrentLinkedQueue<Integer> justSent = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        Instant wallStart = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // every engagement due by now (a late tick sends the ones it missed: the schedule is kept)
            while (next.get() < total && start + next.get() * periodNanos <= now) {
                int seq = next.getAndIncrement();
                String contact = contacts.get(seq % contactCount);
                // a distinct, increasing start per contact, never after the instant it is sent
                Instant startAt = wallStart.plusMillis(seq);
                Sent s = new Sent(seq, contact, startAt, System.nanoTime(), seq >= rate * warmup);
                sent[seq] = s;
                Outcome o = new Outcome();
                outcomes[seq] = o;
                justSent.add(seq);
                inFlight.incrementAndGet();
                String body = "{\"type\":\"ONE_TO_ONE\",\"title\":\"Freshness " + seq + "\",\"startAt\":\"" + startAt
                    + "\",\"participants\":[{\"contactId\":\"" + contact + "\",\"role\":\"ATTENDEE\"}],"
                    + "\"direction\":\"MUTUAL\",\"effortHours\":1}";
                HttpRequest req = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/engagements"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + editors.get(seq % users))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    o.status = e != null ? -1 : r.statusCode();
                    o.createdNanos = System.nanoTime();
                    inFlight.decrementAndGet();
                });
            }
        }, 0, Math.max(1, periodNanos / 2), TimeUnit.NANOSECONDS);

        // the reader: every poll, each contact's pending engagements up to its lastEngagementAt are reflected
        long endOfLoad = start + total * periodNanos;
        long giveUp = endOfLoad + TimeUnit.SECONDS.toNanos(15);
        int polls = 0;
        long readNanosTotal = 0;
        while (true) {
            Integer s;
            while ((s = justSent.poll()) != null) {
                pending.get(sent[s].contact()).add(s);
            }
            long before = System.nanoTime();
            String page = get(http, poll, viewer);
            long seen = System.nanoTime();
            polls++;
            readNanosTotal += seen - before;
            Matcher m = ITEM.matcher(page);
            while (m.find()) {
                ArrayDeque<Integer> queue = pending.get(m.group(1));
                if (queue == null || m.group(3) == null) {
                    continue;
                }
                Instant last = Instant.parse(m.group(3));
                // the queue is in send order, which is startAt order per contact
                while (!queue.isEmpty() && !sent[queue.peek()].startAt().isAfter(last)) {
                    outcomes[queue.poll()].seenNanos = seen;
                }
            }
            boolean allSent = next.get() >= total && justSent.isEmpty();
            boolean nothingPending = pending.values().stream().allMatch(ArrayDeque::isEmpty);
            if ((allSent && nothingPending && inFlight.get() == 0) || System.nanoTime() > giveUp) {
                break;
            }
            long sleep = pollMillis * 1_000_000L - (System.nanoTime() - before);
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        clock.shutdownNow();

        long measuredStart = start + (long) rate * warmup * periodNanos;
        long thirds = (long) seconds * 1_000_000_000L / 3;
        report("all", sent, outcomes, s -> s.measured(), rate, seconds);
        for (int t = 0; t < 3; t++) {
            long from = measuredStart + t * thirds;
            long to = from + thirds;
            report("third" + (t + 1), sent, outcomes, s -> s.measured() && s.sentNanos() >= from && s.sentNanos() < to,
                rate, seconds / 3.0);
        }
        System.out.printf("FRESHNESS scope=reads polls=%d read_ms_mean=%.1f poll_ms=%d contacts=%d users=%d%n", polls,
            polls == 0 ? 0 : readNanosTotal / 1e6 / polls, pollMillis, contactCount, users);
        System.exit(0);
    }

    private static void report(String scope, Sent[] sent, Outcome[] outcomes, java.util.function.Predicate<Sent> in,
        int rate, double seconds) {
        List<Long> fresh = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        int count = 0;
        int failed = 0;
        int unseen = 0;
        java.util.TreeMap<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] == null || !in.test(sent[i])) {
                continue;
            }
            count++;
            Outcome o = outcomes[i];
            statuses.merge(o.status, 1, Integer::sum);
            if (o.status != 201) {
                failed++;
                continue;
            }
            posts.add(o.createdNanos - sent[i].sentNanos());
            if (o.seenNanos < 0) {
                unseen++;
                continue;
            }
            // reflected before its 201 arrived here (the relay can beat the response): 0
            fresh.add(Math.max(0, o.seenNanos - o.createdNanos));
        }
        fresh.sort(null);
        posts.sort(null);
        System.out.printf("FRESHNESS scope=%s sent=%d rate_target=%d failed=%d unseen=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                + "post_p50_ms=%.1f post_p99_ms=%.1f statuses=%s%n", scope, count, rate, failed, unseen, pct(fresh, 50), pct(fresh, 99),
            fresh.isEmpty() ? Double.NaN : fresh.get(fresh.size() - 1) / 1e6, pct(posts, 50), pct(posts, 99),
            statuses.toString().replace(" ", "").replace("{", "").replace("}", "").replace("=", ":"));
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private static String created(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + r.body());
        }
        return m.group(1);
    }

    private static String get(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static int count(HttpClient http, URI uri, String token) throws Exception {
        Matcher m = ITEM.matcher(get(http, uri, token));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** An RS256 JWT as deploy/local/rapport token makes, valid 8 hours. */
    static String token(PrivateKey key, String issuer, String subject, String group) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
            + "@rapport.local\",\"groups\":[\"" + group + "\"],\"iat\":" + now + ",\"exp\":" + (now + 8 * 3600)
            + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }
}
