package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The surveys of a demo data set: it follows the data set's own event stream and, when a ticket is first resolved,
 * sends some of its customers a CSAT, CES or NPS invitation shortly after; a third to a half of them answer, some
 * minutes or hours later, more happily the faster and smoother their ticket went ({@link Satisfaction}). The same
 * settings give the same surveys; nothing is sent or answered at or after {@code notAfter}.
 */
public final class DemoSurveyGenerator implements Iterator<DemoSurvey> {

    /** A survey kind: its share of resolved tickets, its scale, how soon it goes out, and how many answer. */
    record Kind(String name, double share, int minScore, int maxScore, Duration meanSendDelay, double answerRate) {
    }

    static final Kind CSAT = new Kind("CSAT", 0.40, 1, 5, Duration.ofMinutes(15), 0.45);
    static final Kind CES = new Kind("CES", 0.15, 1, 7, Duration.ofMinutes(15), 0.38);
    /** NPS asks about the company rather than the ticket, so it may wait for the customer's next working hours. */
    static final Kind NPS = new Kind("NPS", 0.10, 0, 10, Duration.ofHours(3), 0.30);
    static final Kind[] KINDS = { CSAT, CES, NPS };

    /** Mixed into the seed, so that the surveys draw apart from every part of the event generator. */
    private static final long SURVEY_STREAM = 0x5EED_5A7F_0000_0001L;
    /** In-conversation surveys (chat, messaging) are answered more often than e-mailed ones; calls and posts less. */
    private static final Map<String, Double> ANSWER_RATE_BY_CHANNEL = Map.of("chat", 0.10, "messaging", 0.10, "phone",
            -0.08, "social", -0.08);
    private static final Weighted<String> EUROPEAN_LOCALES = Weighted.of("en", 40, "de", 25, "sv", 15, "nb", 10, "hr",
            10);

    private final Iterator<DemoEvent> events;
    private final Instant notAfter;
    private final SplittableRandom random;
    private final Timing timing;
    private final Satisfaction satisfaction;
    /** Tickets created and not yet resolved: all that is kept, a few bytes each. */
    private final Map<String, TicketSoFar> unresolved = new HashMap<>();
    private final Map<String, String> localeOfCustomer = new HashMap<>();
    private final Deque<DemoSurvey> ready = new ArrayDeque<>();

    public DemoSurveyGenerator(DemoSettings settings) {
        this(settings, settings.end());
    }

    /**
     * @param notAfter
     *            nothing is sent or answered at or after it (the data set's end, or now if that is earlier)
     */
    public DemoSurveyGenerator(DemoSettings settings, Instant notAfter) {
        this.events = DemoDataGenerator.stream(settings).iterator();
        this.notAfter = notAfter.isBefore(settings.end()) ? notAfter : settings.end();
        SplittableRandom seed = new SplittableRandom(settings.seed() ^ SURVEY_STREAM);
        this.random = seed.split();
        this.timing = new Timing(random);
        this.satisfaction = new Satisfaction(seed.split(), settings.seed());
    }

    /** All surveys of the settings, lazily, in the order their tickets were resolved. */
    public static Stream<DemoSurvey> stream(DemoSettings settings, Instant notAfter) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new DemoSurveyGenerator(settings, notAfter),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    public static Stream<DemoSurvey> stream(DemoSettings settings) {
        return stream(settings, settings.end());
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && events.hasNext()) {
            follow(events.next());
        }
        return !ready.isEmpty();
    }

    @Override
    public DemoSurvey next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** What the surveys need to know of a ticket before its resolution. */
    private static final class TicketSoFar {
        final Instant created;
        final String customerId;
        final String channel;
        final String region;
        String teamId;
        String agentId;
        String agentTeamId;
        int customerMessages;
        boolean escalated;

        TicketSoFar(DemoEvent creation) {
            created = creation.occurredAt().toInstant();
            customerId = creation.customerId();
            channel = creation.channel();
            region = creation.region();
            teamId = creation.teamId();
        }
    }

    private void follow(DemoEvent event) {
        if (event.ticketId() == null) {
            return;
        }
        if (event.type().equals("ticket.created")) {
            unresolved.put(event.ticketId(), new TicketSoFar(event));
            return;
        }
        TicketSoFar ticket = unresolved.get(event.ticketId());
        if (ticket == null) {
            return; // resolved already (surveys go out once, after the first resolution) or not a ticket event
        }
        switch (event.type()) {
        case "ticket.assigned" -> {
            ticket.agentId = event.agentId();
            ticket.agentTeamId = event.teamId();
        }
        case "ticket.updated" -> {
            Object team = event.attributes().get("teamId");
            ticket.teamId = team == null ? ticket.teamId : (String) team;
        }
        case "ticket.customer_replied" -> ticket.customerMessages++;
        case "ticket.escalated" -> ticket.escalated = true;
        case "ticket.resolved" -> {
            unresolved.remove(event.ticketId());
            invite(event, ticket);
        }
        default -> {
        }
        }
    }

    private void invite(DemoEvent resolution, TicketSoFar ticket) {
        Instant resolved = resolution.occurredAt().toInstant();
        // The resolver is judged; a ticket resolved without one (closed after days of silence), its assignee.
        String agentId = resolution.agentId() != null ? resolution.agentId() : ticket.agentId;
        String teamId = resolution.agentId() != null ? resolution.teamId()
                : ticket.agentTeamId != null ? ticket.agentTeamId : ticket.teamId;
        double mood = satisfaction.mood(Duration.between(ticket.created, resolved), ticket.customerMessages,
                ticket.escalated, agentId);
        String locale = localeOfCustomer.computeIfAbsent(ticket.customerId,
                customer -> ticket.region.equals("EU") ? EUROPEAN_LOCALES.pick(random) : "en");
        for (Kind kind : KINDS) {
            if (random.nextDouble() >= kind.share()) {
                continue;
            }
            Instant sentAt = resolved.plusSeconds(60).plus(timing.around(kind.meanSendDelay()));
            boolean answers = random.nextDouble() < kind.answerRate()
                    + ANSWER_RATE_BY_CHANNEL.getOrDefault(ticket.channel, 0.0);
            // Most who answer do so at once; the rest when they next read their mail.
            Instant submittedAt = sentAt.plus(random.nextDouble() < 0.55 ? timing.minutes(12) : timing.hours(9));
            if (!sentAt.isBefore(notAfter)) {
                continue; // not sent yet when the data set ends
            }
            Integer score = null;
            String comment = null;
            if (answers && submittedAt.isBefore(notAfter)) {
                score = satisfaction.score(kind, mood);
                comment = satisfaction.comment(kind, score);
            } else {
                submittedAt = null;
            }
            ready.add(new DemoSurvey(kind.name(), resolution.ticketId(), ticket.customerId, agentId, teamId,
                    ticket.channel, ticket.region, locale, sentAt, submittedAt, score, comment));
        }
    }
}
