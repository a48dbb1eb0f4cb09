package io.rapport.local.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.rapport.local.demo.DemoPlan.Contact;
import io.rapport.local.demo.DemoPlan.Owner;
import io.rapport.local.demo.DemoPlan.Profile;
import io.rapport.local.demo.DemoPlan.Role;
import io.rapport.local.demo.DemoPlan.Unit;

/**
 * Generates the demo network, deterministically for a seed and an anchor date (the day of the first load):
 * twelve business units (with sub-units) of different coverage profiles, 300 contacts with expertise tags,
 * owners and the stay-in-touch / influence fields, and stakeholder roles on fifteen projects, four of them
 * ending within 60 days of the anchor. The engagement history is {@link DemoHistory}'s.
 */
public final class DemoNetwork {

    public static final int CONTACTS = 300;

    static final List<Owner> OWNERS = List.of(new Owner("Sam Lee", "sam.lee@example.com"),
        new Owner("Aisha Khan", "aisha.khan@example.com"), new Owner("Tom Becker", "tom.becker@example.com"),
        new Owner("Maria Rossi", "maria.rossi@example.com"), new Owner("Kenji Sato", "kenji.sato@example.com"),
        new Owner("Nadia Haddad", "nadia.haddad@example.com"));

    /** code, name, profile, weight (share of the contacts), expertise pool, sub-units (code:name). */
    private record UnitSpec(String code, String name, Profile profile, int weight, List<String> tags, List<String> subs) {
    }

    private static final List<UnitSpec> UNITS = List.of(
        new UnitSpec("HR", "Human Resources", Profile.STRONG, 34, List.of("recruitment", "secondments", "workforce-planning",
            "employee-relations", "reward", "learning-design"), List.of("HR-TA:Talent Acquisition", "HR-LD:Learning and Development")),
        new UnitSpec("FIN", "Finance", Profile.STRONG, 36, List.of("budgeting", "forecasting", "business-cases", "procurement",
            "audit", "ifrs"), List.of("FIN-FPA:Financial Planning and Analysis", "FIN-PROC:Procurement")),
        new UnitSpec("IT", "Information Technology", Profile.STRONG, 40, List.of("cloud", "erp", "integration", "cyber-security",
            "data-platforms", "service-management"), List.of("IT-INF:Infrastructure", "IT-APPS:Enterprise Applications",
            "IT-SEC:Cyber Security")),
        new UnitSpec("OPS", "Operations", Profile.STEADY, 30, List.of("lean", "supply-chain", "logistics", "process-mapping",
            "health-and-safety"), List.of("OPS-SC:Supply Chain")),
        new UnitSpec("SAL", "Sales", Profile.STEADY, 24, List.of("crm", "pricing", "key-accounts", "sales-operations"), List.of()),
        new UnitSpec("RISK", "Risk and Compliance", Profile.STEADY, 18, List.of("regulatory-change", "risk-assessment",
            "gdpr", "controls-testing"), List.of()),
        new UnitSpec("LEG", "Legal", Profile.SINGLE_POINT, 14, List.of("contracts", "gdpr", "employment-law",
            "intellectual-property"), List.of()),
        new UnitSpec("CS", "Customer Service", Profile.COOLING, 26, List.of("contact-centre", "customer-journeys",
            "complaints-handling", "knowledge-management"), List.of("CS-CC:Contact Centre")),
        new UnitSpec("COMMS", "Internal Communications", Profile.COOLING, 12, List.of("change-communications",
            "intranet", "storytelling"), List.of()),
        new UnitSpec("MKT", "Marketing", Profile.GAP, 24, List.of("brand", "digital-marketing", "market-research",
            "campaigns"), List.of()),
        new UnitSpec("FAC", "Facilities", Profile.GAP, 22, List.of("workplace-design", "estates", "health-and-safety"), List.of()),
        new UnitSpec("STRAT", "Strategy", Profile.GAP, 20, List.of("portfolio-management", "market-research",
            "business-cases", "okr"), List.of()));

    private static final List<String> FIRST = List.of("Priya", "Omar", "Chidi", "Ana", "Lukas", "Mei", "Fatima", "James",
        "Sofia", "Arjun", "Hannah", "Mateo", "Yara", "Daniel", "Leila", "Noah", "Ines", "Kwame", "Elena", "Ravi", "Grace",
        "Tobias", "Amara", "Jonas", "Zainab", "Ethan", "Clara", "Samir", "Olivia", "Hugo", "Nia", "Felix", "Aiko", "Marco",
        "Layla", "Ben", "Rosa", "Ibrahim", "Freya", "Diego", "Maya", "Oscar", "Selin", "Victor", "Alice", "Tariq", "Emma",
        "Kofi", "Lena", "Pedro");
    private static final List<String> LAST = List.of("Shah", "Haddad", "Okafor", "Silva", "Weber", "Chen", "Rahman",
        "Murphy", "Rossi", "Patel", "Schmidt", "Garcia", "Nasser", "Cohen", "Moreau", "Jensen", "Costa", "Mensah", "Petrova",
        "Iyer", "Walsh", "Fischer", "Adeyemi", "Berg", "Khan", "Brown", "Dubois", "Aziz", "Taylor", "Lopez", "Owusu", "Novak",
        "Tanaka", "Ricci", "Farah", "Wright", "Alves", "Said", "Larsen", "Ortiz", "Kowalski", "Lindqvist", "Yilmaz", "Hughes",
        "Martin", "Qureshi", "Evans", "Asante", "Keller", "Santos");
    private static final Map<String, List<String>> TITLES = Map.of(
        "EXECUTIVE", List.of("Director of %s", "Chief %s Officer", "Head of %s"),
        "SENIOR_MANAGER", List.of("Senior %s Manager", "%s Lead", "Deputy Head of %s"),
        "MANAGER", List.of("%s Manager", "%s Business Partner", "%s Team Lead"),
        "STAFF", List.of("%s Analyst", "%s Specialist", "%s Officer", "%s Coordinator"));

    private static final List<String[]> PROJECTS = List.of(
        new String[] {"ERP-2027", "ERP replacement"}, new String[] {"HRIS-2026", "HR information system"},
        new String[] {"CRM-REFRESH", "CRM refresh"}, new String[] {"DC-EXIT", "Data centre exit"},
        new String[] {"GDPR-UPLIFT", "Privacy controls uplift"}, new String[] {"WORKPLACE-26", "Hybrid workplace"},
        new String[] {"PAYROLL-CONS", "Payroll consolidation"}, new String[] {"CC-OMNI", "Omnichannel contact centre"},
        new String[] {"SUPPLY-VIS", "Supply chain visibility"}, new String[] {"FIN-CLOSE", "Faster financial close"},
        new String[] {"ID-ACCESS", "Identity and access management"}, new String[] {"BRAND-RENEW", "Brand renewal"},
        new String[] {"LEARN-PLAT", "Learning platform"}, new String[] {"PRICING-ENG", "Pricing engine"},
        new String[] {"OKR-ROLLOUT", "Objectives and key results roll-out"});

    private DemoNetwork() {
    }

    /** The whole plan: this network and {@link DemoHistory}'s engagements and forums. */
    public static DemoPlan plan(long seed, LocalDate anchor) {
        Random random = new Random(seed);
        List<Unit> units = units();
        List<Contact> contacts = contacts(random, units);
        List<Role> roles = new ArrayList<>();
        contacts = stakeholders(random, anchor, contacts, roles);
        return DemoHistory.add(new DemoPlan(seed, anchor, units, contacts, roles, List.of(), List.of(), List.of()),
            new Random(seed * 31 + 7));
    }

    static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (UnitSpec spec : UNITS) {
            units.add(new Unit("unit-" + spec.code(), spec.code(), spec.name(), null, spec.profile()));
            for (String sub : spec.subs()) {
                String[] codeName = sub.split(":");
                units.add(new Unit("unit-" + codeName[0], codeName[0], codeName[1], "unit-" + spec.code(), spec.profile()));
            }
        }
        return units;
    }

    static List<String> tagsOf(String unitKey) {
        String top = unitKey.substring("unit-".length()).split("-")[0];
        return UNITS.stream().filter(u -> u.code().equals(top)).findFirst().orElseThrow().tags();
    }

    private static List<Contact> contacts(Random random, List<Unit> units) {
        int totalWeight = UNITS.stream().mapToInt(UnitSpec::weight).sum();
        List<Contact> contacts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int ownerOffset = 0;
        for (UnitSpec spec : UNITS) {
            int count = spec.code().equals("STRAT") ? CONTACTS - assigned(totalWeight) : spec.weight() * CONTACTS / totalWeight;
            List<Unit> mine = units.stream().filter(u -> u.key().equals("unit-" + spec.code())
                || ("unit-" + spec.code()).equals(u.parentKey())).toList();
            Owner primary = OWNERS.get(ownerOffset++ % OWNERS.size());
            Owner secondary = OWNERS.get((ownerOffset + 2) % OWNERS.size());
            for (int i = 0; i < count; i++) {
                Unit unit = mine.get(i < 2 || mine.size() == 1 ? 0 : 1 + (i % (mine.size() - 1)));
                String seniority = i == 0 ? "EXECUTIVE" : i < 3 ? "SENIOR_MANAGER" : i < 3 + count * 35 / 100 ? "MANAGER" : "STAFF";
                String fullName;
                do {
                    fullName = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
                } while (!names.add(fullName));
                String key = "contact-" + (contacts.size() + 1);
                String email = fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
                List<String> pool = spec.tags();
                Set<String> tags = new LinkedHashSet<>();
                for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
                    tags.add(pool.get(random.nextInt(pool.size())));
                }
                String area = unit.name().replace(" and ", " & ");
                String title = String.format(TITLES.get(seniority).get(random.nextInt(TITLES.get(seniority).size())),
                    seniority.equals("EXECUTIVE") ? area : shortArea(area));
                Owner owner = random.nextInt(10) == 0 ? null : random.nextInt(4) == 0 ? secondary : primary;
                Integer cadence = switch (seniority) {
                    case "EXECUTIVE" -> 30;
                    case "SENIOR_MANAGER" -> random.nextBoolean() ? 45 : null;
                    default -> random.nextInt(5) == 0 ? 60 + 30 * random.nextInt(2) : null;
                };
                String influence = switch (seniority) {
                    case "EXECUTIVE" -> "HIGH";
                    case "SENIOR_MANAGER" -> random.nextInt(3) == 0 ? "HIGH" : "MEDIUM";
                    case "MANAGER" -> random.nextInt(3) == 0 ? "MEDIUM" : null;
                    default -> null;
                };
                String interest = influence == null ? null : random.nextBoolean() ? "HIGH" : "MEDIUM";
                String stance = influence == null ? null : stance(random, spec.profile());
                contacts.add(new Contact(key, unit.key(), fullName, email, phone(random), title, seniority,
                    List.copyOf(tags), owner, cadence, influence, interest, stance));
            }
        }
        // the one RESISTOR: Strategy's executive, high influence, in a unit the PMO barely knows
        int resistor = indexOfFirst(contacts, "unit-STRAT");
        contacts.set(resistor, with(contacts.get(resistor), "HIGH", "HIGH", "RESISTOR"));
        return contacts;
    }

    private static int assigned(int totalWeight) {
        return UNITS.stream().filter(u -> !u.code().equals("STRAT")).mapToInt(u -> u.weight() * CONTACTS / totalWeight).sum();
    }

    private static String shortArea(String area) {
        return switch (area) {
            case "Information Technology" -> "IT";
            case "Human Resources" -> "HR";
            case "Financial Planning & Analysis" -> "FP&A";
            default -> area;
        };
    }

    private static String stance(Random random, Profile profile) {
        int r = random.nextInt(100);
        return switch (profile) {
            case STRONG -> r < 30 ? "CHAMPION" : r < 85 ? "SUPPORTER" : "NEUTRAL";
            case STEADY -> r < 10 ? "CHAMPION" : r < 60 ? "SUPPORTER" : r < 92 ? "NEUTRAL" : "SCEPTIC";
            case SINGLE_POINT, COOLING -> r < 30 ? "SUPPORTER" : r < 75 ? "NEUTRAL" : "SCEPTIC";
            case GAP -> r < 50 ? "NEUTRAL" : "SCEPTIC";
        };
    }

    private static String phone(Random random) {
        return String.format("+44 20 7946 %04d", random.nextInt(10000));
    }

    private static int indexOfFirst(List<Contact> contacts, String unitKey) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).unitKey().equals(unitKey)) {
                return i;
            }
        }
        throw new IllegalStateException("no contact in " + unitKey);
    }

    static Contact with(Contact c, String influence, String interest, String stance) {
        return new Contact(c.key(), c.unitKey(), c.fullName(), c.email(), c.phone(), c.jobTitle(), c.seniority(),
            c.expertise(), c.owner(), c.cadenceDays(), influence, interest, stance);
    }

    /**
     * Fifteen projects, three to six stakeholders each (sponsor, approvers, impacted leads, experts) from the units
     * a project touches; four end within 60 days of the anchor, three have ended, the others run for months.
     * Stakeholders get an influence and interest from their role when they had none.
     */
    private static List<Contact> stakeholders(Random random, LocalDate anchor, List<Contact> contacts, List<Role> roles) {
        List<Contact> result = new ArrayList<>(contacts);
        for (int p = 0; p < PROJECTS.size(); p++) {
            String[] project = PROJECTS.get(p);
            LocalDate start = anchor.minusDays(120 + random.nextInt(500));
            LocalDate end = p < 4 ? anchor.plusDays(10 + 12 * p) : p < 7 ? anchor.minusDays(20 + 40 * (p - 4))
                : p < 13 ? anchor.plusDays(90 + random.nextInt(400)) : null;
            int size = 3 + random.nextInt(4);
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < size) {
                int i = random.nextInt(result.size());
                if (!result.get(i).seniority().equals("STAFF") || chosen.size() >= 2) {
                    chosen.add(i);
                }
            }
            int n = 0;
            for (int i : chosen) {
                Contact c = result.get(i);
                String role = n == 0 ? "SPONSOR" : n == 1 ? "APPROVER" : n % 3 == 2 ? "IMPACTED_LEAD"
                    : n % 3 == 0 ? "SUBJECT_MATTER_EXPERT" : "OTHER";
                roles.add(new Role("role-" + (p + 1) + "-" + (n + 1), c.key(), project[0], project[1], role, start, end));
                if (c.influence() == null) {
                    result.set(i, with(c, n < 2 ? "HIGH" : "MEDIUM", n < 3 ? "HIGH" : "LOW", "NEUTRAL"));
                }
                n++;
            }
        }
        return result;
    }
}
