package dev.supportpulse.ingest.model;

import static dev.supportpulse.ingest.model.AttributeRule.bool;
import static dev.supportpulse.ingest.model.AttributeRule.channel;
import static dev.supportpulse.ingest.model.AttributeRule.currency;
import static dev.supportpulse.ingest.model.AttributeRule.date;
import static dev.supportpulse.ingest.model.AttributeRule.decimal;
import static dev.supportpulse.ingest.model.AttributeRule.integer;
import static dev.supportpulse.ingest.model.AttributeRule.oneOf;
import static dev.supportpulse.ingest.model.AttributeRule.text;
import static dev.supportpulse.ingest.model.EnvelopeField.AGENT_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.CHANNEL;
import static dev.supportpulse.ingest.model.EnvelopeField.CONTACT_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.CUSTOMER_ID;
import static dev.supportpulse.ingest.model.EnvelopeField.TICKET_ID;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract (events.md) with the envelope fields it requires and the attributes it knows.
 * Attributes not listed here are kept and ignored, as the contract says.
 */
public enum EventType {
    TICKET_CREATED("ticket.created", Set.of(TICKET_ID, CHANNEL), text("type"), priority(), text("source")),
    TICKET_ASSIGNED("ticket.assigned", Set.of(TICKET_ID, AGENT_ID)),
    TICKET_AGENT_REPLIED("ticket.agent_replied", Set.of(TICKET_ID, AGENT_ID), bool("public"), text("text")),
    TICKET_CUSTOMER_REPLIED("ticket.customer_replied", Set.of(TICKET_ID), text("text")),
    TICKET_RESOLVED("ticket.resolved", Set.of(TICKET_ID)), TICKET_REOPENED("ticket.reopened", Set.of(TICKET_ID)),
    TICKET_ESCALATED("ticket.escalated", Set.of(TICKET_ID), text("reason")),
    /** Carries the ticket's new dimension values; at least one of them (see {@link #UPDATED_DIMENSIONS}). */
    TICKET_UPDATED("ticket.updated", Set.of(TICKET_ID), text("type"), priority(), channel("channel"), text("region"),
            text("teamId")),
    TICKET_WORK_LOGGED("ticket.work_logged", Set.of(TICKET_ID, AGENT_ID), integer("seconds", 1).mandatory()),

    CONTACT_QUEUED("contact.queued", Set.of(CONTACT_ID, CHANNEL), text("queue")),
    CONTACT_ANSWERED("contact.answered", Set.of(CONTACT_ID, AGENT_ID)),
    CONTACT_ABANDONED("contact.abandoned", Set.of(CONTACT_ID)),
    CONTACT_BLOCKED("contact.blocked", Set.of(CONTACT_ID), text("reason")),
    CONTACT_ENDED("contact.ended", Set.of(CONTACT_ID, AGENT_ID), integer("talkSeconds", 0), integer("holdSeconds", 0),
            integer("wrapUpSeconds", 0)),

    KB_ARTICLE_VIEWED("kb.article_viewed", Set.of(), text("articleId").mandatory(), text("visitorId").mandatory(),
            integer("secondsOnPage", 0), bool("bounced")),
    KB_ARTICLE_VOTED("kb.article_voted", Set.of(), text("articleId").mandatory(),
            oneOf("vote", "up", "down").mandatory(), text("visitorId")),
    BOT_CONVERSATION("bot.conversation", Set.of(), text("conversationId").mandatory(), text("visitorId"),
            oneOf("outcome", "resolved", "escalated", "abandoned").mandatory()),
    FORUM_POST_CREATED("forum.post_created", Set.of(), text("threadId").mandatory(), text("visitorId"),
            bool("question")),
    FORUM_THREAD_RESOLVED("forum.thread_resolved", Set.of(), text("threadId").mandatory()),
    SELFSERVICE_SESSION("selfservice.session", Set.of(), text("visitorId"), bool("resolved").mandatory()),

    CUSTOMER_CREATED("customer.created", Set.of(CUSTOMER_ID), text("segment"), bool("referred")),
    CUSTOMER_CHURNED("customer.churned", Set.of(CUSTOMER_ID)),
    CUSTOMER_REVENUE("customer.revenue", Set.of(CUSTOMER_ID), decimal("amount", 0, Double.MAX_VALUE).mandatory(),
            currency("currency").mandatory()),
    CUSTOMER_OFFER_GRANTED("customer.offer_granted", Set.of(CUSTOMER_ID),
            oneOf("kind", "discount", "offer", "gift").mandatory(), decimal("amount", 0, Double.MAX_VALUE),
            currency("currency")),
    /** Must carry {@code channel = social}; see {@link #requiredChannel()}. */
    SOCIAL_ENGAGEMENT("social.engagement", Set.of(CHANNEL), text("network"),
            oneOf("kind", "like", "share", "positive_mention", "negative_mention").mandatory()),
    QA_REVIEW("qa.review", Set.of(TICKET_ID, AGENT_ID), decimal("score", 0, 100).mandatory()),
    /** {@code periodStart} must not be after {@code periodEnd} (checked by the validator). */
    COST_RECORDED("cost.recorded", Set.of(), oneOf("category", "self_service", "assisted").mandatory(),
            decimal("amount", 0, Double.MAX_VALUE).mandatory(), currency("currency").mandatory(),
            date("periodStart").mandatory(), date("periodEnd").mandatory());

    /** The attributes of which a {@code ticket.updated} must carry at least one. */
    public static final List<String> UPDATED_DIMENSIONS = List.of("type", "priority", "channel", "region", "teamId");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Set<EnvelopeField> requiredFields;
    private final List<AttributeRule> attributes;

    EventType(String wireName, Set<EnvelopeField> requiredFields, AttributeRule... attributes) {
        this.wireName = wireName;
        this.requiredFields = requiredFields;
        this.attributes = List.of(attributes);
    }

    /** The name senders use in the {@code type} field. */
    public String wireName() {
        return wireName;
    }

    public Set<EnvelopeField> requiredFields() {
        return requiredFields;
    }

    public List<AttributeRule> attributes() {
        return attributes;
    }

    /** The only channel this type may carry, or null when any channel is fine. */
    public String requiredChannel() {
        return this == SOCIAL_ENGAGEMENT ? "social" : null;
    }

    /** The type of that wire name, or null when the contract has no such type. */
    public static EventType byWireName(String name) {
        return BY_NAME.get(name);
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }

    private static AttributeRule priority() {
        return oneOf("priority", "low", "normal", "high", "urgent");
    }
}
