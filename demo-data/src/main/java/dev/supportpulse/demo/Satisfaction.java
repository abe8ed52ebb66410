package dev.supportpulse.demo;

import java.time.Duration;
import java.util.SplittableRandom;

import dev.supportpulse.demo.DemoSurveyGenerator.Kind;

/**
 * How a demo customer feels about a resolved ticket, and what that makes them answer: happier the faster it was
 * resolved, less so for every message they had to write and after an escalation, a little by who helped them; always
 * with a spread, so even quick tickets get the odd detractor.
 */
final class Satisfaction {

    /** Mood of a customer whose ticket went as well as it can; about 4.3 of 5 on average, 80 % satisfied. */
    private static final double BEST_MOOD = 2.45;
    /** Mood lost per doubling of the time to resolution, counted in days. */
    private static final double SLOWNESS = 0.55;
    private static final double PER_EXTRA_MESSAGE = 0.3;
    private static final double ESCALATION = 0.6;
    /** How far agents differ from each other (standard deviation of their own effect on the mood). */
    private static final double AGENT_SPREAD = 0.35;
    private static final double SHARE_WITH_COMMENT = 0.3;

    private static final String[] PRAISE = { "Quick and friendly, thank you!", "Solved on the first try.",
            "Tack för snabb hjälp!", "Sehr kompetent, danke.", "Great support 👍",
            "The agent explained \"why\" and not just \"how\"." };
    private static final String[] SHRUGS = { "OK in the end, but it took a while.", "Fine.",
            "It works now, the first answer didn't help though." };
    private static final String[] COMPLAINTS = { "Took far too long to get an answer.",
            "I had to explain the problem three times.", "Closing the ticket doesn't fix the bug.",
            "Nobody called me back as promised.", "<b>Not</b> helpful & copy-pasted from the FAQ." };

    private final SplittableRandom random;
    private final long seed;

    Satisfaction(SplittableRandom random, long seed) {
        this.random = random;
        this.seed = seed;
    }

    /** The customer's mood about a ticket: around 0 is lukewarm, above 1 pleased, below −1 angry. */
    double mood(Duration toResolution, int customerMessages, boolean escalated, String agentId) {
        double days = Math.max(0, toResolution.getSeconds()) / 86_400.0;
        double mood = BEST_MOOD - SLOWNESS * Math.log1p(days) / Math.log(2)
                - PER_EXTRA_MESSAGE * Math.max(0, customerMessages - 1) - (escalated ? ESCALATION : 0);
        return mood + agentEffect(agentId) + random.nextGaussian();
    }

    /** A score on the kind's scale: the mood, with a little noise of the moment, squashed onto the scale. */
    int score(Kind kind, double mood) {
        double position = 1 / (1 + Math.exp(-(mood + 0.3 * random.nextGaussian())));
        int points = kind.maxScore() - kind.minScore() + 1;
        return kind.minScore() + Math.min(points - 1, (int) (position * points));
    }

    /** Now and then a comment that matches the score; null mostly. */
    String comment(Kind kind, int score) {
        if (random.nextDouble() >= SHARE_WITH_COMMENT) {
            return null;
        }
        double position = (score - kind.minScore()) / (double) (kind.maxScore() - kind.minScore());
        String[] pool = position >= 0.75 ? PRAISE : position > 0.4 ? SHRUGS : COMPLAINTS;
        return pool[random.nextInt(pool.length)];
    }

    /** An agent's own effect, the same in every survey of one data set: drawn from the agent's id and the seed. */
    private double agentEffect(String agentId) {
        return agentId == null ? 0 : new SplittableRandom(seed * 31 + agentId.hashCode()).nextGaussian() * AGENT_SPREAD;
    }
}
