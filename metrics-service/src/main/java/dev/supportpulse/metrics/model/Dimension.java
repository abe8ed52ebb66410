package dev.supportpulse.metrics.model;

import java.util.EnumSet;
import java.util.Set;

/** What a metric can be sliced by, besides the period (metrics.md). */
public enum Dimension {
    AGENT, TEAM, CHANNEL, REGION, TYPE, PRIORITY, CUSTOMER_SEGMENT;

    /** Ticket and survey metrics carry every dimension. */
    static final Set<Dimension> ALL = EnumSet.allOf(Dimension.class);
    /** Contact metrics: who answered and where the contact came from. */
    static final Set<Dimension> CONTACT = EnumSet.of(AGENT, TEAM, CHANNEL, REGION);
    /** Contact metrics that no agent owns (abandoned and blocked contacts). */
    static final Set<Dimension> QUEUE = EnumSet.of(TEAM, CHANNEL, REGION);
    /** Self-service, customer and social metrics, where the event carries them. */
    static final Set<Dimension> AUDIENCE = EnumSet.of(CHANNEL, REGION, CUSTOMER_SEGMENT);
    /** Costs: recorded per channel and region, for no customer. */
    static final Set<Dimension> PLACE = EnumSet.of(CHANNEL, REGION);
}
