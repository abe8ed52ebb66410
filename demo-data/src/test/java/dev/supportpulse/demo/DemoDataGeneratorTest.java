package dev.supportpulse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoDataGeneratorTest {

    /** The data set bin/demo loads: 5,000 tickets, seed 42. */
    private static List<DemoEvent> demo;

    @BeforeAll
    static void generateTheDemoDataSet() {
        demo = DemoDataGenerator.stream(DemoSettings.of(42, 5000)).toList();
    }

    @Test
    void theSameSeedGivesTheSameEventsByteForByte() {
        List<String> first = json(DemoSettings.of(7, 5000), 10_000);
        List<String> second = json(DemoSettings.of(7, 5000), 10_000);
        assertEquals(10_000, first.size());
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesOtherEvents() {
        assertNotEquals(json(DemoSettings.of(7, 5000), 1000), json(DemoSettings.of(8, 5000), 1000));
    }

    @Test
    void idsAreUniqueOverTwoHundredThousandEvents() {
        Set<String> ids = new HashSet<>();
        DemoDataGenerator.stream(DemoSettings.forEvents(42, 200_000))
                .forEach(event -> assertTrue(ids.add(event.id()), "duplicate id " + event.id()));
        assertEquals(200_000, ids.size());
        assertTrue(ids.contains("demo-42-1") && ids.contains("demo-42-200000"));
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, 999, 12_345 })
    void theEventCapOfAGivenDataSetIsExact(long cap) {
        assertEquals(cap, DemoDataGenerator.stream(DemoSettings.of(1, 5000).withMaxEvents(cap)).count());
    }

    @ParameterizedTest
    @ValueSource(longs = { 10, 20_000, 150_000 })
    void aDataSetSizedByEventsHasExactlyThatMany(long events) {
        assertEquals(events, DemoDataGenerator.stream(DemoSettings.forEvents(3, events)).count());
    }

    @Test
    void everyEventTypeOfTheContractAppearsInTheDemoDataSet() {
        Set<String> types = demo.stream().map(DemoEvent::type).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ContractRules.RULES.keySet()), types);
    }

    @Test
    void everyEventCarriesWhatItsTypeRequires() {
        demo.forEach(ContractRules::check);
    }

    @Test
    void eventsComeInTheOrderTheyHappenedInsideTheSpan() {
        Instant start = DemoSettings.DEFAULT_END.minus(DemoSettings.DEFAULT_SPAN);
        Instant previous = start;
        for (DemoEvent event : demo) {
            Instant at = event.occurredAt().toInstant();
            assertFalse(at.isBefore(previous), event.toJson());
            previous = at;
        }
        assertTrue(previous.isBefore(DemoSettings.DEFAULT_END));
    }

    @Test
    void ticketsCarryTheirIdAndAgentEventsTheirTeam() {
        for (DemoEvent event : demo) {
            if (event.type().startsWith("ticket.") || event.type().equals("qa.review")) {
                assertNotNull(event.ticketId(), event.toJson());
            }
            if (event.agentId() != null) {
                assertNotNull(event.teamId(), event.toJson());
            }
        }
    }

    @Test
    void aTicketComesWithAboutEightEventsInAll() {
        // 125,000 tickets should make about a million events; DemoSettings.forEvents sizes with a floor below this.
        long events = DemoDataGenerator.stream(DemoSettings.of(11, 20_000)).count();
        double perTicket = events / 20_000.0;
        assertTrue(perTicket > DemoSettings.EVENTS_PER_TICKET_FLOOR + 0.1 && perTicket < 8.6,
                "per ticket: " + perTicket);
    }

    @Test
    void aMillionEventsStreamWhileOnlyTheNextFewDaysWait() {
        DemoDataGenerator generator = new DemoDataGenerator(DemoSettings.forEvents(5, 1_000_000));
        long count = 0;
        while (generator.hasNext()) {
            generator.next();
            count++;
        }
        assertEquals(1_000_000, count);
        // Open tickets' remaining events and each customer's next purchase: a few percent of the data set.
        assertTrue(generator.peakPendingEvents() < 60_000, "peak pending: " + generator.peakPendingEvents());
    }

    @Test
    void theOrganisationHasTwoHundredAgentsInTwelveTeamsAndTheFullMix() {
        assertEquals(200, distinct(DemoEvent::agentId).size());
        assertEquals(12, distinct(DemoEvent::teamId).size());
        assertEquals(Set.of("email", "chat", "phone", "web", "social", "messaging"), distinct(DemoEvent::channel));
        assertEquals(Set.of("EU", "NA", "APAC", "LATAM"), distinct(DemoEvent::region));
        Map<Object, Long> priorities = count("ticket.created", event -> event.attributes().get("priority"));
        assertEquals(Set.of("low", "normal", "high", "urgent"), priorities.keySet());
        assertTrue(priorities.get("normal") > priorities.values().stream().mapToLong(Long::longValue).sum() / 2);
        assertEquals(Set.of("question", "bug", "refund", "billing", "feature_request", "account"),
                count("ticket.created", event -> event.attributes().get("type")).keySet());
        assertEquals(Set.of("enterprise", "smb", "consumer"),
                count("customer.created", event -> event.attributes().get("segment")).keySet());
        assertEquals(Set.of("discount", "offer", "gift"),
                count("customer.offer_granted", event -> event.attributes().get("kind")).keySet());
        assertEquals(Set.of("sla_breach", "manual"),
                count("ticket.escalated", event -> event.attributes().get("reason")).keySet());
        assertEquals(Set.of("twitter", "facebook"),
                demo.stream().filter(event -> event.type().equals("ticket.created") && event.channel().equals("social"))
                        .map(event -> event.attributes().get("source")).collect(Collectors.toSet()));
    }

    @Test
    void theDataSetHoldsEveryCaseTheMetricsTellApart() {
        Map<String, List<DemoEvent>> tickets = demo.stream().filter(event -> event.type().startsWith("ticket."))
                .collect(Collectors.groupingBy(DemoEvent::ticketId));
        assertEquals(5000, tickets.size());
        long firstContactResolutions = tickets.values().stream().filter(events -> publicReplies(events) == 1
                && has(events, "ticket.resolved") && !has(events, "ticket.reopened")).count();
        long unresolved = tickets.values().stream().filter(events -> !has(events, "ticket.resolved")).count();
        long neverAnswered = tickets.values().stream().filter(events -> publicReplies(events) == 0).count();
        long reassigned = tickets.values().stream().filter(events -> events.stream()
                .filter(event -> event.type().equals("ticket.assigned")).map(DemoEvent::agentId).distinct().count() > 1)
                .count();
        // A small share settles with one reply; most are resolved; some stay open, a few are never answered.
        assertTrue(firstContactResolutions > 500 && firstContactResolutions < 2000, "FCR " + firstContactResolutions);
        assertTrue(unresolved > 100 && unresolved < 1000, "unresolved " + unresolved);
        assertTrue(neverAnswered > 20, "never answered " + neverAnswered);
        assertTrue(reassigned > 200, "reassigned " + reassigned);
        assertTrue(demo.stream().anyMatch(event -> event.type().equals("ticket.agent_replied")
                && Boolean.FALSE.equals(event.attributes().get("public"))), "internal notes");
        assertTrue(demo.stream().anyMatch(event -> event.type().equals("ticket.resolved") && event.agentId() == null),
                "resolutions without a resolver");
        assertTrue(demo.stream().anyMatch(event -> event.type().startsWith("contact.") && event.ticketId() != null),
                "contacts linked to a ticket");
        assertTrue(
                demo.stream()
                        .anyMatch(event -> event.type().equals("bot.conversation")
                                && "escalated".equals(event.attributes().get("outcome")) && event.ticketId() != null),
                "bot hand-overs to a ticket");
        assertTrue(demo.stream().anyMatch(event -> !event.occurredAt().getOffset().getId().equals("Z")),
                "local offsets");
    }

    @Test
    void costsAreBookedForEveryMonthFromItsFirstToItsLastDay() {
        List<DemoEvent> costs = demo.stream().filter(event -> event.type().equals("cost.recorded")).toList();
        assertEquals(24, costs.size()); // November 2025 to October 2026, assisted and self-service
        for (DemoEvent cost : costs) {
            String start = (String) cost.attributes().get("periodStart");
            String end = (String) cost.attributes().get("periodEnd");
            assertTrue(start.endsWith("-01"), start);
            assertEquals(java.time.LocalDate.parse(start).plusMonths(1).minusDays(1).toString(), end);
        }
    }

    @Test
    void aCustomSpanKeepsEveryEventInsideIt() {
        Instant start = Instant.parse("2026-01-15T00:00:00Z");
        Instant end = Instant.parse("2026-03-15T00:00:00Z");
        List<DemoEvent> events = DemoDataGenerator.stream(DemoSettings.of(4, 2000).withSpan(start, end)).toList();
        assertEquals(2000, events.stream().filter(event -> event.type().equals("ticket.created")).count());
        assertTrue(events.stream().map(event -> event.occurredAt().toInstant())
                .allMatch(at -> !at.isBefore(start) && at.isBefore(end)));
        // January and February close inside the span; March does not.
        assertEquals(Set.of("2026-01-01", "2026-02-01"), events.stream().filter(e -> e.type().equals("cost.recorded"))
                .map(e -> e.attributes().get("periodStart")).collect(Collectors.toSet()));
    }

    private static List<String> json(DemoSettings settings, int events) {
        return DemoDataGenerator.stream(settings).limit(events).map(DemoEvent::toJson).toList();
    }

    private static Set<String> distinct(Function<DemoEvent, String> field) {
        return demo.stream().map(field).filter(value -> value != null).collect(Collectors.toSet());
    }

    private static Map<Object, Long> count(String type, Function<DemoEvent, Object> value) {
        return demo.stream().filter(event -> event.type().equals(type))
                .collect(Collectors.groupingBy(value, Collectors.counting()));
    }

    private static long publicReplies(List<DemoEvent> events) {
        return events.stream().filter(event -> event.type().equals("ticket.agent_replied")
                && !Boolean.FALSE.equals(event.attributes().get("public"))).count();
    }

    private static boolean has(List<DemoEvent> events, String type) {
        return events.stream().anyMatch(event -> event.type().equals(type));
    }
}
