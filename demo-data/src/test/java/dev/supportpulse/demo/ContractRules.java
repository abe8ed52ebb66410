package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What events.md and the ingest validator require of each event type, as a table the tests check every generated event
 * against: the envelope fields and the attributes that must be present, and the shape of typed attributes.
 */
final class ContractRules {

    /** Every event type of events.md, with the envelope fields and attributes it must carry. */
    static final Map<String, Rule> RULES = Map.ofEntries(rule("ticket.created", "ticketId channel"),
            rule("ticket.assigned", "ticketId agentId"), rule("ticket.agent_replied", "ticketId agentId"),
            rule("ticket.customer_replied", "ticketId"), rule("ticket.resolved", "ticketId"),
            rule("ticket.reopened", "ticketId"), rule("ticket.escalated", "ticketId"),
            rule("ticket.updated", "ticketId"), rule("ticket.work_logged", "ticketId agentId", "seconds"),
            rule("contact.queued", "contactId channel"), rule("contact.answered", "contactId agentId"),
            rule("contact.abandoned", "contactId"), rule("contact.blocked", "contactId"),
            rule("contact.ended", "contactId agentId"), rule("kb.article_viewed", "", "articleId visitorId"),
            rule("kb.article_voted", "", "articleId vote"), rule("bot.conversation", "", "conversationId outcome"),
            rule("forum.post_created", "", "threadId"), rule("forum.thread_resolved", "", "threadId"),
            rule("selfservice.session", "", "resolved"), rule("customer.created", "customerId"),
            rule("customer.churned", "customerId"), rule("customer.revenue", "customerId", "amount currency"),
            rule("customer.offer_granted", "customerId", "kind"), rule("social.engagement", "channel", "kind"),
            rule("qa.review", "ticketId agentId", "score"),
            rule("cost.recorded", "", "category amount currency periodStart periodEnd"));

    /** Attributes whose values come from a fixed set. */
    private static final Map<String, Set<String>> ENUMS = Map.of("priority", Set.of("low", "normal", "high", "urgent"),
            "vote", Set.of("up", "down"), "outcome", Set.of("resolved", "escalated", "abandoned"), "kind",
            Set.of("discount", "offer", "gift", "like", "share", "positive_mention", "negative_mention"), "category",
            Set.of("self_service", "assisted"));

    record Rule(List<String> envelope, List<String> attributes) {
    }

    private ContractRules() {
    }

    /** Fails, naming the event, when it misses a required field or an attribute has the wrong shape. */
    static void check(DemoEvent event) {
        Rule rule = RULES.get(event.type());
        assertNotNull(rule, "not a type of events.md: " + event.type());
        String json = event.toJson();
        for (String field : rule.envelope()) {
            assertNotNull(envelope(event, field), field + " missing in " + json);
        }
        for (String attribute : rule.attributes()) {
            assertNotNull(event.attributes().get(attribute), attribute + " missing in " + json);
        }
        Stream.of(event.id(), event.ticketId(), event.contactId(), event.agentId(), event.teamId(), event.customerId(),
                event.channel(), event.region()).filter(value -> value != null)
                .forEach(value -> assertTrue(!value.isEmpty() && value.length() <= 128, "length of " + value));
        if (event.channel() != null) {
            assertEquals(event.channel().toLowerCase(Locale.ROOT), event.channel(), json);
        }
        if (event.type().equals("social.engagement")) {
            assertEquals("social", event.channel(), json);
        }
        if (event.type().equals("ticket.updated")) {
            assertTrue(Stream.of("type", "priority", "channel", "region", "teamId")
                    .anyMatch(event.attributes()::containsKey), "ticket.updated changes nothing: " + json);
        }
        event.attributes().forEach((name, value) -> checkAttribute(event.type(), name, value, json));
    }

    private static void checkAttribute(String type, String name, Object value, String json) {
        switch (name) {
        case "seconds" -> assertTrue((Integer) value > 0, json);
        case "talkSeconds", "holdSeconds", "wrapUpSeconds", "secondsOnPage" -> assertTrue((Integer) value >= 0, json);
        case "score" -> assertTrue((Integer) value >= 0 && (Integer) value <= 100, json);
        case "amount" -> assertTrue(((BigDecimal) value).signum() >= 0, json);
        case "currency" -> assertEquals("EUR", value, json);
        case "public", "bounced", "referred", "question", "resolved" -> assertInstanceOf(Boolean.class, value, json);
        case "periodStart", "periodEnd" -> LocalDate.parse((String) value);
        case "type" -> assertTrue(!type.equals("ticket.created") || value instanceof String, json);
        default -> {
            if (ENUMS.containsKey(name)) {
                assertTrue(ENUMS.get(name).contains(value), name + " " + value + " in " + json);
            } else {
                assertInstanceOf(String.class, value, json);
                assertTrue(((String) value).length() <= 128, json);
            }
        }
        }
    }

    private static String envelope(DemoEvent event, String field) {
        return switch (field) {
        case "ticketId" -> event.ticketId();
        case "contactId" -> event.contactId();
        case "agentId" -> event.agentId();
        case "customerId" -> event.customerId();
        case "channel" -> event.channel();
        default -> throw new IllegalArgumentException(field);
        };
    }

    private static Map.Entry<String, Rule> rule(String type, String envelope) {
        return rule(type, envelope, "");
    }

    private static Map.Entry<String, Rule> rule(String type, String envelope, String attributes) {
        return Map.entry(type, new Rule(words(envelope), words(attributes)));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(" "));
    }
}
