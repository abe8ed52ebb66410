package dev.supportpulse.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo support organisation: 200 agents in twelve teams, each agent with a pace and a quality of its own, the mix
 * of channels, regions, ticket types and priorities it sees, and which team takes which ticket.
 */
final class Organisation {

    /**
     * One agent.
     *
     * @param pace
     *            how long the agent takes compared with the average (0.6: quicker, 1.5: slower)
     * @param quality
     *            the agent's usual QA review score
     */
    record Agent(String id, String teamId, double pace, int quality) {
    }

    static final Weighted<String> CHANNELS = Weighted.of("email", 34, "chat", 22, "phone", 15, "web", 14, "messaging",
            9, "social", 6);
    static final Weighted<String> REGIONS = Weighted.of("EU", 40, "NA", 33, "APAC", 17, "LATAM", 10);
    static final Weighted<String> TYPES = Weighted.of("question", 34, "bug", 20, "billing", 15, "account", 12, "refund",
            10, "feature_request", 9);
    static final Weighted<String> PRIORITIES = Weighted.of("low", 20, "normal", 55, "high", 18, "urgent", 7);
    static final Weighted<String> SEGMENTS = Weighted.of("consumer", 50, "smb", 37, "enterprise", 13);

    /** Teams and their head counts (200 agents), sized to the work that reaches them. */
    private static final Object[] TEAM_SIZES = { "team-billing", 20, "team-payments", 14, "team-refunds", 12,
            "team-accounts", 16, "team-onboarding", 22, "team-technical", 28, "team-platform", 16, "team-mobile", 14,
            "team-integrations", 12, "team-product", 10, "team-enterprise", 20, "team-vip", 16 };

    /** Which teams take a ticket of each type, and how often. */
    private static final Map<String, Weighted<String>> ROUTING = Map.of("question",
            Weighted.of("team-onboarding", 40, "team-technical", 30, "team-accounts", 30), "bug",
            Weighted.of("team-technical", 45, "team-platform", 25, "team-mobile", 20, "team-integrations", 10),
            "refund", Weighted.of("team-refunds", 70, "team-payments", 30), "billing",
            Weighted.of("team-billing", 70, "team-payments", 30), "feature_request",
            Weighted.of("team-product", 70, "team-integrations", 30), "account",
            Weighted.of("team-accounts", 60, "team-onboarding", 40));

    private final Map<String, List<Agent>> teams = new HashMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<String> teamIds = new ArrayList<>();

    Organisation(SplittableRandom random) {
        for (int t = 0; t < TEAM_SIZES.length; t += 2) {
            String teamId = (String) TEAM_SIZES[t];
            List<Agent> members = new ArrayList<>();
            for (int i = 0; i < (Integer) TEAM_SIZES[t + 1]; i++) {
                Agent agent = new Agent(String.format("agent-%03d", agents.size() + 1), teamId,
                        0.6 + 0.9 * random.nextDouble(), 66 + random.nextInt(28));
                members.add(agent);
                agents.add(agent);
            }
            teams.put(teamId, members);
            teamIds.add(teamId);
        }
    }

    /** The team for a new ticket: big customers have their own teams, the rest goes by type. */
    String teamFor(String type, String segment, SplittableRandom random) {
        if (segment.equals("enterprise")) {
            double draw = random.nextDouble();
            if (draw < 0.5) {
                return "team-enterprise";
            }
            if (draw < 0.65) {
                return "team-vip";
            }
        }
        return ROUTING.get(type).pick(random);
    }

    /** Another team than {@code teamId}, for a ticket that was sent to the wrong one. */
    String otherTeam(String teamId, SplittableRandom random) {
        String other;
        do {
            other = teamIds.get(random.nextInt(teamIds.size()));
        } while (other.equals(teamId));
        return other;
    }

    /** An agent of the team; some take more tickets than others (leads and part-timers take fewer). */
    Agent agentOf(String teamId, SplittableRandom random) {
        List<Agent> members = teams.get(teamId);
        double draw = random.nextDouble();
        return members.get((int) (members.size() * (draw + draw * draw) / 2));
    }

    /** Another agent of the same team, for a hand-over. */
    Agent colleagueOf(Agent agent, SplittableRandom random) {
        List<Agent> members = teams.get(agent.teamId());
        Agent other;
        do {
            other = members.get(random.nextInt(members.size()));
        } while (other.equals(agent));
        return other;
    }

    Agent anyAgent(SplittableRandom random) {
        return agents.get(random.nextInt(agents.size()));
    }

    /** Teams that staff nights and weekends; the others work office hours. */
    static boolean roundTheClock(String teamId) {
        return teamId.equals("team-vip") || teamId.equals("team-platform");
    }
}
