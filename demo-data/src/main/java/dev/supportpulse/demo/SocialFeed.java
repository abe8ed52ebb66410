package dev.supportpulse.demo;

import java.time.Instant;
import java.util.SplittableRandom;

/** Likes, shares and mentions of the brand on social networks, as the social listening tool reports them. */
final class SocialFeed {

    private static final Weighted<String> NETWORKS = Weighted.of("twitter", 45, "facebook", 30, "instagram", 15,
            "linkedin", 10);
    private static final Weighted<String> KINDS = Weighted.of("like", 50, "share", 18, "positive_mention", 20,
            "negative_mention", 12);

    private final SplittableRandom random;
    private final Agenda agenda;

    SocialFeed(SplittableRandom random, Agenda agenda) {
        this.random = random;
        this.agenda = agenda;
    }

    /** Engagement in the two hours after a ticket's creation, at a rate per ticket. */
    void around(Instant at) {
        if (random.nextDouble() < 0.03) {
            EventDraft engagement = new EventDraft("social.engagement", at.plusSeconds(random.nextInt(7200)))
                    .channel("social").with("network", NETWORKS.pick(random)).with("kind", KINDS.pick(random));
            agenda.add(random.nextBoolean() ? engagement.region(Organisation.REGIONS.pick(random)) : engagement);
        }
    }
}
