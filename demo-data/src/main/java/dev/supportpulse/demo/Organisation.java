package dev.supportpulse.demo;

import java.util.SplittableRandom;

/** The fixed shape of the demo support organisation: its teams, agents, channels, regions and ticket mix. */
final class Organisation {

    static final int AGENTS = 200;
    static final String[] TEAMS = { "billing", "technical", "onboarding", "accounts", "returns", "enterprise",
            "platform", "mobile", "payments", "shipping", "integrations", "vip" };
    static final int ARTICLES = 150;

    static final Weighted<String> CHANNELS = Weighted.of("email", 35, "chat", 25, "phone", 15, "web", 12, "messaging",
            8, "social", 5);
    static final Weighted<String> REGIONS = Weighted.of("EU", 40, "NA", 35, "APAC", 15, "LATAM", 10);
    static final Weighted<String> TYPES = Weighted.of("question", 35, "bug", 20, "billing", 15, "account", 12, "refund",
            10, "feature_request", 8);
    static final Weighted<String> PRIORITIES = Weighted.of("low", 20, "normal", 55, "high", 18, "urgent", 7);
    static final Weighted<String> SEGMENTS = Weighted.of("consumer", 40, "smb", 45, "enterprise", 15);

    private Organisation() {
    }

    /** The team that handles a ticket type; refunds and billing go to money teams, and so on. */
    static int teamFor(String type, SplittableRandom random) {
        return switch (type) {
        case "billing" -> random.nextBoolean() ? 0 : 8;
        case "refund" -> random.nextBoolean() ? 4 : 8;
        case "bug" -> 1 + 5 * random.nextInt(2) + random.nextInt(2);
        case "account" -> random.nextBoolean() ? 3 : 2;
        case "feature_request" -> random.nextBoolean() ? 10 : 6;
        default -> random.nextInt(TEAMS.length);
        };
    }

    /** An agent of a team: agents are dealt round-robin to the teams, about 17 each. */
    static String agentOf(int team, SplittableRandom random) {
        int perTeam = (AGENTS - team + TEAMS.length - 1) / TEAMS.length;
        int member = random.nextInt(perTeam);
        return agentId(team + member * TEAMS.length);
    }

    static String agentId(int index) {
        return String.format("agent-%03d", index + 1);
    }

    /** A popular-first article: a few articles get most views, as in every knowledge base. */
    static String article(SplittableRandom random) {
        double u = random.nextDouble();
        return String.format("kb-%03d", 1 + (int) (ARTICLES * u * u * u));
    }
}
