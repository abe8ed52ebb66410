package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    /** Every event type of events.md. */
    private static final Set<String> ALL_TYPES = Set.of("ticket.created", "ticket.assigned", "ticket.agent_replied",
            "ticket.customer_replied", "ticket.resolved", "ticket.reopened", "ticket.escalated", "ticket.updated",
            "ticket.work_logged", "contact.queued", "contact.answered", "contact.abandoned", "contact.blocked",
            "contact.ended", "kb.article_viewed", "kb.article_voted", "bot.conversation", "forum.post_created",
            "forum.thread_resolved", "selfservice.session", "customer.created", "customer.churned", "customer.revenue",
            "customer.offer_granted", "social.engagement", "qa.review", "cost.recorded");

    private static List<DemoEvent> generate(long seed, int tickets) {
        return DemoDataGenerator.stream(DemoDataGenerator.Settings.of(seed, tickets)).toList();
    }

    @Test
    void theSameSeedGivesTheSameEventsByteForByte() {
        List<String> first = DemoDataGenerator.stream(DemoDataGenerator.Settings.of(7, 2000)).limit(10_000)
                .map(DemoEvent::toJson).toList();
        List<String> second = DemoDataGenerator.stream(DemoDataGenerator.Settings.of(7, 2000)).limit(10_000)
                .map(DemoEvent::toJson).toList();
        assertEquals(10_000, first.size());
        assertEquals(first, second);
        assertNotEquals(first, generate(8, 2000).stream().limit(10_000).map(DemoEvent::toJson).toList());
    }

    @Test
    void idsAreUniqueAcrossALargeDataSet() {
        Set<String> ids = new HashSet<>();
        DemoDataGenerator.stream(DemoDataGenerator.Settings.of(42, 25_000)).limit(200_000)
                .forEach(event -> assertTrue(ids.add(event.id()), "duplicate id " + event.id()));
        assertEquals(200_000, ids.size());
    }

    @Test
    void theEventCapIsExact() {
        assertEquals(12_345, DemoDataGenerator.stream(DemoDataGenerator.Settings.of(1, 5000)).limit(12_345).count());
    }

    @Test
    void everyEventTypeAppearsAndCarriesItsRequiredFields() {
        List<DemoEvent> events = generate(42, 5000);
        Set<String> types = events.stream().map(DemoEvent::type).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ALL_TYPES), types);
        for (DemoEvent event : events) {
            assertRequiredFields(event);
        }
    }

    @Test
    void ticketsCoverTheirWholeLifecycleAndNothingLiesAfterTheEnd() {
        List<DemoEvent> events = generate(3, 3000);
        Map<String, Long> perType = events.stream()
                .collect(Collectors.groupingBy(DemoEvent::type, Collectors.counting()));
        assertEquals(3000, perType.get("ticket.created"));
        // Most tickets are resolved, some are reopened, some stay open (created near the end or never resolved).
        assertTrue(perType.get("ticket.resolved") > 2500 && perType.get("ticket.resolved") < 3000);
        assertTrue(perType.get("ticket.reopened") > 50);
        assertFalse(events.stream().anyMatch(e -> e.occurredAt().isAfter(DemoDataGenerator.Settings.DEFAULT_END)));
        long agents = events.stream().map(DemoEvent::agentId).filter(a -> a != null).distinct().count();
        assertTrue(agents > 150, "agents seen: " + agents);
    }

    private static void assertRequiredFields(DemoEvent event) {
        String type = event.type();
        Map<String, Object> attributes = event.attributes();
        assertTrue(event.id().length() <= 128);
        if (type.startsWith("ticket.") || type.equals("qa.review")) {
            assertNotNull(event.ticketId(), event.toJson());
        }
        if (type.startsWith("contact.")) {
            assertNotNull(event.contactId(), event.toJson());
        }
        if (type.startsWith("customer.")) {
            assertNotNull(event.customerId(), event.toJson());
        }
        switch (type) {
        case "ticket.created", "contact.queued" -> assertNotNull(event.channel(), event.toJson());
        case "ticket.assigned", "ticket.agent_replied", "contact.answered", "contact.ended", "qa.review" -> assertNotNull(
                event.agentId(), event.toJson());
        case "ticket.work_logged" -> assertTrue(((Integer) attributes.get("seconds")) > 0);
        case "kb.article_viewed" -> assertTrue(
                attributes.containsKey("articleId") && attributes.containsKey("visitorId"));
        case "bot.conversation" -> assertTrue(
                attributes.containsKey("conversationId") && attributes.containsKey("outcome"));
        case "social.engagement" -> assertEquals("social", event.channel());
        case "cost.recorded" -> assertTrue(
                attributes.keySet().containsAll(Set.of("category", "amount", "currency", "periodStart", "periodEnd")));
        default -> {
        }
        }
        if (event.channel() != null) {
            assertEquals(event.channel().toLowerCase(), event.channel());
        }
    }
}
