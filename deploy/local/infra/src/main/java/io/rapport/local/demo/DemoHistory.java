package io.rapport.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rapport.local.demo.DemoPlan.Contact;
import io.rapport.local.demo.DemoPlan.Engagement;
import io.rapport.local.demo.DemoPlan.Forum;
import io.rapport.local.demo.DemoPlan.Occurrence;
import io.rapport.local.demo.DemoPlan.Participant;
import io.rapport.local.demo.DemoPlan.Profile;
import io.rapport.local.demo.DemoPlan.Unit;

/**
 * Two years of engagements up to the day before the anchor, in rhythms that depend on the unit's profile and the
 * contact's seniority: regular to the end where the PMO is STRONG or STEADY, one strong contact where it has a
 * SINGLE_POINT, frequent then fading for the last five months where it is COOLING, next to nothing where there is a
 * GAP. Every type occurs; value flows both ways (expertise and SME hours received, governance and expertise
 * given); secondments, shadowing and on-the-job training go through their lifecycle (completed, active, agreed,
 * proposed, cancelled); two leadership forums meet with attendance, some members having stopped coming.
 */
final class DemoHistory {

    private static final int DAYS = 730;

    private DemoHistory() {
    }

    static DemoPlan add(DemoPlan network, Random random) {
        LocalDate anchor = network.anchor();
        Map<String, Profile> profileOf = network.units().stream().collect(Collectors.toMap(Unit::key, Unit::profile));
        List<Engagement> engagements = new ArrayList<>();
        List<Contact> contacts = network.contacts();
        Map<String, List<Contact>> byUnit = contacts.stream().collect(Collectors.groupingBy(c -> top(c.unitKey())));
        for (Contact c : contacts) {
            rhythm(random, anchor, c, profileOf.get(c.unitKey()), byUnit.get(top(c.unitKey())), engagements);
        }
        longRunning(random, anchor, contacts, profileOf, engagements);
        List<Forum> forums = forums(random, anchor, contacts, profileOf);
        // three contacts left the organisation (after their history): marked LEFT last
        List<String> leavers = contacts.stream().filter(c -> c.seniority().equals("STAFF")
            && profileOf.get(c.unitKey()) == Profile.STEADY).map(Contact::key).limit(3).toList();
        return new DemoPlan(network.seed(), anchor, network.units(), contacts, network.roles(), engagements, forums, leavers);
    }

    private static String top(String unitKey) {
        return "unit-" + unitKey.substring("unit-".length()).split("-")[0];
    }

    /** The contact's one-to-ones, networking, expertise exchanges and SME hours. */
    private static void rhythm(Random random, LocalDate anchor, Contact c, Profile profile, List<Contact> colleagues,
                               List<Engagement> out) {
        boolean first = colleagues.get(0).key().equals(c.key());
        int seniorityFactor = switch (c.seniority()) {
            case "EXECUTIVE" -> 35;
            case "SENIOR_MANAGER" -> 50;
            case "MANAGER" -> 70;
            default -> 100;
        };
        int interval;
        int from = DAYS;
        int until = 1 + random.nextInt(10);
        double engaged;
        switch (profile) {
            case STRONG -> { interval = seniorityFactor; engaged = 0.85; }
            case STEADY -> { interval = seniorityFactor * 3 / 2; engaged = 0.6; until += random.nextInt(40); }
            case SINGLE_POINT -> { interval = first ? 14 : 400; engaged = first ? 1 : 0.15; }
            case COOLING -> { interval = seniorityFactor * 4 / 5; engaged = 0.8; until = 150 + random.nextInt(40); }
            default -> { interval = 500; engaged = 0.15; from = 500 + random.nextInt(200); until = 300 + random.nextInt(100); }
        }
        if (random.nextDouble() >= engaged) {
            return;
        }
        int day = from - random.nextInt(Math.max(1, interval));
        int n = 0;
        while (day > until) {
            out.add(one(random, anchor, c, colleagues, day, n++));
            day -= Math.max(3, (int) (interval * (0.6 + 0.8 * random.nextDouble())));
        }
        if (profile == Profile.COOLING && first) {
            out.add(one(random, anchor, c, colleagues, 75, n)); // its executive: one last meeting, two and a half months ago
        }
    }

    private static Engagement one(Random random, LocalDate anchor, Contact c, List<Contact> colleagues, int daysAgo, int n) {
        int r = random.nextInt(100);
        String type = r < 55 ? "ONE_TO_ONE" : r < 70 ? "NETWORKING" : r < 88 ? "EXPERTISE_EXCHANGE" : "SME_HOURS";
        String tag = c.expertise().isEmpty() ? "delivery" : c.expertise().get(random.nextInt(c.expertise().size()));
        String first = c.fullName().split(" ")[0];
        List<Participant> participants = new ArrayList<>(List.of(new Participant(c.key(), "ATTENDEE")));
        String direction;
        double effort;
        String title;
        switch (type) {
            case "ONE_TO_ONE" -> {
                direction = random.nextInt(3) == 0 ? "PMO_GAVE" : "MUTUAL";
                effort = 0.5 + 0.5 * random.nextInt(3);
                title = List.of("Catch-up with " + first, "Quarterly check-in", "Portfolio update for " + first,
                    "Coffee with " + first).get(random.nextInt(4));
            }
            case "NETWORKING" -> {
                direction = "MUTUAL";
                effort = 1 + random.nextInt(2);
                title = List.of("Lunch and learn", "Community of practice meet-up", "Team social").get(random.nextInt(3));
                Contact other = colleagues.get(random.nextInt(colleagues.size()));
                if (!other.key().equals(c.key())) {
                    participants.add(new Participant(other.key(), "ATTENDEE"));
                }
            }
            case "EXPERTISE_EXCHANGE" -> {
                boolean gave = random.nextBoolean();
                direction = gave ? "PMO_GAVE" : "PMO_RECEIVED";
                effort = 2 + random.nextInt(7);
                title = gave ? "PMO coaching on " + List.of("RAID logs", "benefits tracking", "stage gates", "planning")
                    .get(random.nextInt(4)) : "Advice on " + tag;
                participants.set(0, new Participant(c.key(), "EXPERT"));
            }
            default -> {
                direction = "PMO_RECEIVED";
                effort = 3 + random.nextInt(14);
                title = "SME hours: " + tag;
                participants.set(0, new Participant(c.key(), "EXPERT"));
            }
        }
        Integer sentiment = random.nextInt(8) == 0 ? null : Math.min(5, 2 + random.nextInt(3) + (random.nextInt(3) == 0 ? 1 : 0));
        return new Engagement("e-" + c.key() + "-" + n, type, title, at(anchor, daysAgo, random), null, participants,
            direction, effort, sentiment, null, c.owner(), null, null, "COMPLETED");
    }

    /** Working hours of the day {@code daysAgo} before the anchor. */
    private static Instant at(LocalDate anchor, int daysAgo, Random random) {
        return anchor.minusDays(daysAgo).atStartOfDay().toInstant(ZoneOffset.UTC)
            .plus(Duration.ofMinutes(8 * 60 + 30 * random.nextInt(16)));
    }

    /** Secondments into the PMO and out of it, shadowing and on-the-job training, at every stage of their lifecycle. */
    private static void longRunning(Random random, LocalDate anchor, List<Contact> contacts, Map<String, Profile> profileOf,
                                    List<Engagement> out) {
        List<Contact> pool = contacts.stream().filter(c -> !c.seniority().equals("EXECUTIVE")
            && profileOf.get(c.unitKey()) != Profile.GAP).toList();
        String[][] specs = {
            // type, status, start (days from anchor), length in days, direction, role
            {"SECONDMENT", "COMPLETED", "-420", "120", "PMO_RECEIVED", "SECONDEE"},
            {"SECONDMENT", "COMPLETED", "-300", "90", "PMO_RECEIVED", "SECONDEE"},
            {"SECONDMENT", "COMPLETED", "-250", "60", "PMO_GAVE", "HOST"},
            {"SECONDMENT", "ACTIVE", "-60", "120", "PMO_RECEIVED", "SECONDEE"},
            {"SECONDMENT", "ACTIVE", "-30", "90", "PMO_GAVE", "HOST"},
            {"SECONDMENT", "AGREED", "20", "90", "PMO_RECEIVED", "SECONDEE"},
            {"SECONDMENT", "PROPOSED", "45", "60", "PMO_RECEIVED", "SECONDEE"},
            {"SECONDMENT", "CANCELLED", "-100", "60", "PMO_RECEIVED", "SECONDEE"},
            {"SHADOWING", "COMPLETED", "-500", "10", "PMO_GAVE", "SHADOW"},
            {"SHADOWING", "COMPLETED", "-200", "10", "PMO_GAVE", "SHADOW"},
            {"SHADOWING", "ACTIVE", "-5", "15", "PMO_GAVE", "SHADOW"},
            {"SHADOWING", "PROPOSED", "30", "10", "PMO_GAVE", "SHADOW"},
            {"ON_THE_JOB_TRAINING", "COMPLETED", "-380", "30", "PMO_GAVE", "TRAINEE"},
            {"ON_THE_JOB_TRAINING", "COMPLETED", "-150", "30", "PMO_GAVE", "TRAINEE"},
            {"ON_THE_JOB_TRAINING", "ACTIVE", "-10", "40", "PMO_GAVE", "TRAINEE"},
            {"ON_THE_JOB_TRAINING", "CANCELLED", "-40", "20", "PMO_GAVE", "TRAINEE"}};
        for (int i = 0; i < specs.length; i++) {
            String[] s = specs[i];
            Contact c = pool.get(random.nextInt(pool.size()));
            int start = Integer.parseInt(s[2]);
            int days = Integer.parseInt(s[3]);
            Instant startAt = anchor.plusDays(start).atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(9));
            Instant endAt = startAt.plus(Duration.ofDays(days)).plus(Duration.ofHours(8));
            double perDay = s[0].equals("SECONDMENT") ? 7 : 3;
            double pledged = days * 5 / 7 * perDay;
            double elapsed = Math.max(0, Math.min(days, -start)) * 5 / 7 * perDay;
            Double delivered = switch (s[1]) {
                case "COMPLETED" -> pledged;
                case "ACTIVE", "CANCELLED" -> elapsed;
                default -> 0.0;
            };
            String what = switch (s[0]) {
                case "SECONDMENT" -> s[4].equals("PMO_GAVE") ? "PMO analyst seconded to " + c.jobTitle()
                    : c.fullName().split(" ")[0] + " seconded to the PMO";
                case "SHADOWING" -> c.fullName().split(" ")[0] + " shadows a PMO delivery lead";
                default -> c.fullName().split(" ")[0] + " trains on PMO planning";
            };
            out.add(new Engagement("lr-" + (i + 1), s[0], what, startAt, endAt, List.of(new Participant(c.key(), s[5])), s[4],
                delivered, s[1].equals("COMPLETED") ? 4 + random.nextInt(2) : null, s[1].equals("CANCELLED")
                    ? "Stopped: priorities changed" : null, c.owner(), pledged, delivered, s[1]));
        }
    }

    /** The heads-of-function forum (monthly, executives and senior managers) and the delivery leads' (fortnightly). */
    private static List<Forum> forums(Random random, LocalDate anchor, List<Contact> contacts, Map<String, Profile> profileOf) {
        Function<Contact, Profile> profile = c -> profileOf.get(c.unitKey());
        List<String> heads = new ArrayList<>(contacts.stream().filter(c -> c.seniority().equals("EXECUTIVE")).map(Contact::key)
            .toList());
        contacts.stream().filter(c -> c.seniority().equals("SENIOR_MANAGER") && profile.apply(c) == Profile.STRONG)
            .map(Contact::key).limit(2).forEach(heads::add);
        List<String> leads = contacts.stream().filter(c -> c.seniority().equals("MANAGER")
            && profile.apply(c) != Profile.GAP).map(Contact::key).filter(k -> random.nextInt(4) == 0).limit(14).toList();
        Map<String, Contact> byKey = contacts.stream().collect(Collectors.toMap(Contact::key, c -> c));
        return List.of(forum(random, anchor, "forum-heads", "Heads of function forum", "MONTHLY", heads, 30, 24, 1.5, byKey,
                profile),
            forum(random, anchor, "forum-leads", "Delivery leads forum", "FORTNIGHTLY", leads, 14, 52, 1.0, byKey, profile));
    }

    private static Forum forum(Random random, LocalDate anchor, String key, String name, String cadence, List<String> members,
                               int every, int count, double hours, Map<String, Contact> byKey, Function<Contact, Profile> profile) {
        List<Occurrence> occurrences = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            int daysAgo = 3 + every * (count - 1 - o);
            List<String> attendees = new ArrayList<>();
            for (String m : members) {
                Profile p = profile.apply(byKey.get(m));
                // members of cooling units stopped coming about five months ago; the rest come most of the time
                boolean stopped = p == Profile.COOLING && daysAgo < 150 || p == Profile.GAP && daysAgo < 400;
                if (!stopped && random.nextInt(100) < 80) {
                    attendees.add(m);
                }
            }
            if (attendees.isEmpty()) {
                attendees.add(members.get(0));
            }
            occurrences.add(new Occurrence(key + "-" + (o + 1), at(anchor, daysAgo, random), attendees, hours,
                random.nextInt(4) == 0 ? null : 3 + random.nextInt(3)));
        }
        return new Forum(key, name, cadence, members, occurrences);
    }
}
