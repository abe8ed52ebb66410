package dev.supportpulse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic, realistic stream of demo events: the same settings give the same events, byte for byte. Tickets are
 * created through the settings' span and each is emitted with its whole lifecycle (as a helpdesk that batches per
 * ticket would send it), interleaved with the contacts, self-service, customer, social, QA and cost events that happen
 * around it. Nothing is held in memory beyond one ticket's events, so any size streams.
 */
public final class DemoDataGenerator implements Iterator<DemoEvent> {

    /** What to generate; events after {@code end} have not happened yet and are left out. */
    public record Settings(long seed, int tickets, Instant start, Instant end) {

        public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");

        public static Settings of(long seed, int tickets) {
            return new Settings(seed, tickets, DEFAULT_END.minus(Duration.ofDays(365)), DEFAULT_END);
        }
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Settings settings;
    private final SplittableRandom random;
    private final Activities activities;
    private final ArrayDeque<DemoEvent> pending = new ArrayDeque<>();
    private final long spanSeconds;
    private int ticketsDone;
    private long nextId = 1;
    private int customersCreated;
    private final int customers;
    private LocalDate costsRecordedUntil;

    public DemoDataGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.spanSeconds = Duration.between(settings.start(), settings.end()).getSeconds();
        this.customers = Math.max(20, settings.tickets() / 4);
        this.activities = new Activities(random, this);
        this.costsRecordedUntil = LocalDate.ofInstant(settings.start(), ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** All events of the settings, lazily. */
    public static Stream<DemoEvent> stream(Settings settings) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(new DemoDataGenerator(settings), Spliterator.ORDERED), false);
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && ticketsDone < settings.tickets()) {
            generateNextTicket();
        }
        return !pending.isEmpty();
    }

    @Override
    public DemoEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Queues an event unless it lies after the data set's end. */
    void emit(Draft draft) {
        if (draft.at.isAfter(settings.end())) {
            return;
        }
        pending.add(draft.build("demo-" + settings.seed() + "-" + nextId++));
    }

    Settings settings() {
        return settings;
    }

    private void generateNextTicket() {
        int index = ticketsDone++;
        Instant created = creationTime(index);
        createCustomersUpTo(created);
        recordCostsUpTo(created);
        String customer = String.format("customer-%05d", 1 + random.nextInt(Math.max(1, customersCreated)));
        String ticketId = String.format("T-%07d", index + 1);
        ticketLifecycle(ticketId, created, customer);
        activities.around(created, ticketId, customer);
    }

    /**
     * Creation times sweep the span in order, denser on weekdays and in office hours, as real traffic is: each ticket
     * gets an evenly spaced slot, moved to a busier hour of the same day when it falls at night or on a weekend most of
     * the time.
     */
    private Instant creationTime(int index) {
        long slot = (long) ((index + random.nextDouble()) * spanSeconds / settings.tickets());
        Instant at = settings.start().plusSeconds(slot);
        int hour = at.atZone(ZoneOffset.UTC).getHour();
        int weekday = at.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
        boolean quiet = hour < 7 || hour > 19 || weekday > 5;
        if (quiet && random.nextDouble() < 0.6) {
            long dayStart = at.getEpochSecond() - at.getEpochSecond() % 86_400;
            at = Instant.ofEpochSecond(dayStart + (8 + random.nextInt(10)) * 3600L + random.nextInt(3600));
        }
        return at;
    }

    private void createCustomersUpTo(Instant now) {
        // A fifth of the customers exist from the start; the rest sign up evenly through the span.
        while (customersCreated < customers) {
            double share = (double) customersCreated / customers;
            Instant signup = share < 0.2 ? settings.start()
                    : settings.start().plusSeconds((long) ((share - 0.2) / 0.8 * spanSeconds));
            if (signup.isAfter(now)) {
                return;
            }
            customersCreated++;
            activities.customer(String.format("customer-%05d", customersCreated), signup);
        }
    }

    private void recordCostsUpTo(Instant now) {
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        while (costsRecordedUntil.isBefore(month)) {
            activities.monthlyCosts(costsRecordedUntil, settings.tickets());
            costsRecordedUntil = costsRecordedUntil.plusMonths(1);
        }
    }

    private void ticketLifecycle(String ticketId, Instant created, String customer) {
        String type = Organisation.TYPES.pick(random);
        String priority = Organisation.PRIORITIES.pick(random);
        String channel = Organisation.CHANNELS.pick(random);
        String region = Organisation.REGIONS.pick(random);
        int team = Organisation.teamFor(type, random);
        String teamId = Organisation.TEAMS[team];
        double urgency = switch (priority) {
        case "urgent" -> 0.15;
        case "high" -> 0.4;
        case "low" -> 2.5;
        default -> 1.0;
        };

        List<Draft> events = new ArrayList<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("priority", priority);
        if (channel.equals("social")) {
            attributes.put("source", random.nextBoolean() ? "twitter" : "facebook");
        }
        events.add(new Draft("ticket.created", created).ticket(ticketId).channel(channel).region(region).team(teamId)
                .customer(customer).attributes(attributes));

        Instant assignedAt = created.plus(minutes(45 * urgency));
        String agent = Organisation.agentOf(team, random);
        events.add(new Draft("ticket.assigned", assignedAt).ticket(ticketId).agent(agent).team(teamId));
        if (random.nextDouble() < 0.15) {
            // Passed on to a colleague of the same team a little later.
            agent = Organisation.agentOf(team, random);
            events.add(new Draft("ticket.assigned", assignedAt.plus(minutes(60))).ticket(ticketId).agent(agent)
                    .team(teamId));
        }
        if (random.nextDouble() < 0.1) {
            String newPriority = Organisation.PRIORITIES.pick(random);
            events.add(new Draft("ticket.updated", assignedAt.plus(minutes(30))).ticket(ticketId)
                    .attributes(attrs("priority", newPriority)));
        }

        // A conversation: the first reply, then rounds of customer message and agent answer.
        boolean firstContactResolution = random.nextDouble() < 0.45;
        int rounds = firstContactResolution ? 0 : 1 + random.nextInt(2);
        Instant at = assignedAt.plus(minutes(240 * urgency));
        if (random.nextDouble() < 0.005) {
            // A source clock running behind: the reply is stamped before the ticket (metrics clamp this to 0).
            at = created.minusSeconds(1 + random.nextInt(30));
        }
        events.add(reply(ticketId, agent, teamId, at, true));
        for (int round = 0; round < rounds; round++) {
            if (random.nextDouble() < 0.1) {
                events.add(reply(ticketId, agent, teamId, at.plus(minutes(10)), false));
            }
            at = at.plus(minutes(300));
            events.add(new Draft("ticket.customer_replied", at).ticket(ticketId)
                    .attributes(attrs("text", "Thanks, but it still does not work.")));
            if (random.nextDouble() < 0.15) {
                at = at.plus(minutes(20));
                events.add(new Draft("ticket.customer_replied", at).ticket(ticketId)
                        .attributes(attrs("text", "Any news?")));
            }
            at = at.plus(minutes(180 * urgency));
            events.add(reply(ticketId, agent, teamId, at, true));
        }
        double workDraw = random.nextDouble();
        // Most tickets log work once, some twice, some never (they count as 0 s in TIME_SPENT).
        int workLogs = workDraw < 0.1 ? 2 : workDraw < 0.7 ? 1 : 0;
        for (int i = 0; i < workLogs; i++) {
            events.add(new Draft("ticket.work_logged", at.plus(MINUTE)).ticket(ticketId).agent(agent).team(teamId)
                    .attributes(attrs("seconds", 120 + random.nextInt(3000))));
        }
        if (random.nextDouble() < 0.07) {
            events.add(new Draft("ticket.escalated", created.plus(minutes(600 * urgency))).ticket(ticketId)
                    .attributes(attrs("reason", random.nextBoolean() ? "sla_breach" : "manual")));
        }
        if (random.nextDouble() < 0.9) {
            Instant resolved = at.plus(minutes(120 * urgency));
            events.add(resolution(ticketId, agent, teamId, resolved));
            if (random.nextDouble() < 0.08) {
                Instant reopened = resolved.plus(minutes(1440));
                events.add(new Draft("ticket.reopened", reopened).ticket(ticketId));
                events.add(new Draft("ticket.customer_replied", reopened).ticket(ticketId)
                        .attributes(attrs("text", "It broke again.")));
                Instant answered = reopened.plus(minutes(180 * urgency));
                events.add(reply(ticketId, agent, teamId, answered, true));
                if (random.nextDouble() < 0.8) {
                    events.add(resolution(ticketId, agent, teamId, answered.plus(minutes(240 * urgency))));
                }
            }
            if (random.nextDouble() < 0.06) {
                events.add(new Draft("qa.review", resolved.plus(minutes(2880))).ticket(ticketId)
                        .agent(Organisation.agentOf(team, random))
                        .attributes(attrs("score", BigDecimal.valueOf(50 + random.nextInt(51)))));
            }
        }
        // The helpdesk sends a ticket's events in the order they happened.
        events.sort(Comparator.comparing(draft -> draft.at));
        events.forEach(this::emit);
    }

    private Draft reply(String ticketId, String agent, String teamId, Instant at, boolean isPublic) {
        return new Draft("ticket.agent_replied", at).ticket(ticketId).agent(agent).team(teamId).attributes(
                isPublic ? attrs("public", true) : attrs("public", false, "text", "Internal: checked the logs."));
    }

    private Draft resolution(String ticketId, String agent, String teamId, Instant at) {
        Draft resolved = new Draft("ticket.resolved", at).ticket(ticketId);
        return random.nextDouble() < 0.7 ? resolved.agent(agent).team(teamId) : resolved;
    }

    /** A positive duration drawn around a mean (exponential, at least a minute), as waits in a queue are. */
    Duration minutes(double mean) {
        double drawn = -Math.log(1 - random.nextDouble()) * mean;
        return Duration.ofSeconds(60 + (long) (drawn * 60));
    }

    /** Attributes in a fixed order (Map.of's order changes from one JVM run to the next). */
    static Map<String, Object> attrs(Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** An event being put together; the id is given when it is emitted. */
    static final class Draft {
        final String type;
        final Instant at;
        private String ticketId;
        private String contactId;
        private String agentId;
        private String teamId;
        private String customerId;
        private String channel;
        private String region;
        private Map<String, Object> attributes = Map.of();

        Draft(String type, Instant at) {
            this.type = type;
            this.at = at;
        }

        Draft ticket(String id) {
            ticketId = id;
            return this;
        }

        Draft contact(String id) {
            contactId = id;
            return this;
        }

        Draft agent(String id) {
            agentId = id;
            return this;
        }

        Draft team(String id) {
            teamId = id;
            return this;
        }

        Draft customer(String id) {
            customerId = id;
            return this;
        }

        Draft channel(String value) {
            channel = value;
            return this;
        }

        Draft region(String value) {
            region = value;
            return this;
        }

        Draft attributes(Map<String, Object> value) {
            attributes = value;
            return this;
        }

        DemoEvent build(String id) {
            return new DemoEvent(id, type, at, ticketId, contactId, agentId, teamId, customerId, channel, region,
                    attributes);
        }
    }
}
