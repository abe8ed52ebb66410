package dev.supportpulse.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic, realistic, lazy stream of demo events: the same settings give the same events, byte for byte, in the
 * order they happened (like a live feed), with ids {@code demo-<seed>-<n>}.
 * <p>
 * It sweeps the span once. Tickets are created along a curve of office hours and weekdays and schedule their whole
 * lifecycle; customers sign up along the way; contacts, self-service and social activity happen around the tickets at
 * rates per ticket, so the mix keeps its shape at any size (about 8 events per ticket in all). Only events still ahead
 * of the sweep are held, a few days' worth, so any size streams in little memory.
 */
public final class DemoDataGenerator implements Iterator<DemoEvent> {

    /**
     * How far before its creation a ticket's first event can lie (the article read first, the call that opened it). An
     * event is handed out only when the sweep is this far past it, so nothing created later is earlier.
     */
    private static final Duration LOOKBEHIND = Duration.ofHours(2);
    /** Customers per ticket: each customer writes in about eight times a year. */
    private static final int TICKETS_PER_CUSTOMER = 8;
    private static final double STANDALONE_CONTACTS_PER_TICKET = 0.08;

    private final DemoSettings settings;
    private final Agenda agenda;
    private final TicketArrivals arrivals;
    private final CustomerBase customers;
    private final TicketLifecycle tickets;
    private final ContactCenter contacts;
    private final SelfService selfService;
    private final SocialFeed social;
    private final SplittableRandom random;
    private int ticketsCreated;
    private Instant nextCreation;
    private long handedOut;

    public DemoDataGenerator(DemoSettings settings) {
        this.settings = settings;
        SplittableRandom seed = new SplittableRandom(settings.seed());
        // Each part draws from its own stream, so changing one part's habits leaves the others' events as they were.
        this.random = seed.split();
        this.agenda = new Agenda(settings.start(), settings.end());
        this.arrivals = new TicketArrivals(settings, seed.split());
        Organisation organisation = new Organisation(seed.split());
        this.customers = new CustomerBase(settings, Math.max(20, settings.tickets() / TICKETS_PER_CUSTOMER),
                seed.split(), agenda);
        this.contacts = new ContactCenter(seed.split(), organisation, agenda);
        this.selfService = new SelfService(seed.split(), customers, agenda, settings.tickets());
        this.social = new SocialFeed(seed.split(), agenda);
        this.tickets = new TicketLifecycle(seed.split(), organisation, customers, contacts, selfService, arrivals,
                agenda);
        CostLedger.schedule(settings, arrivals, seed.split(), agenda);
        this.nextCreation = arrivals.creationTime(0);
    }

    /** All events of the settings, lazily. */
    public static Stream<DemoEvent> stream(DemoSettings settings) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new DemoDataGenerator(settings),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (handedOut >= settings.maxEvents()) {
            return false;
        }
        while (true) {
            Instant nextSource = nextSource();
            if (!agenda.isEmpty() && (nextSource == null || agenda.nextTime().plus(LOOKBEHIND).isBefore(nextSource))) {
                return true;
            }
            if (nextSource == null) {
                return false;
            }
            Instant signup = customers.nextSignup();
            // On a tie the customer comes first: a ticket may name a customer signed up that very second.
            if (signup != null && !signup.isAfter(nextSource)) {
                customers.signUpNext();
            } else {
                createTicket();
            }
        }
    }

    @Override
    public DemoEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        EventDraft draft = agenda.poll();
        if (draft.followUp() != null) {
            draft.followUp().run();
        }
        handedOut++;
        return draft.build("demo-" + settings.seed() + "-" + handedOut);
    }

    /** The most events that waited at once so far: what the generator holds in memory, in events. */
    public int peakPendingEvents() {
        return agenda.peak();
    }

    /** The earlier of the next ticket creation and the next sign-up, or null when both are done. */
    private Instant nextSource() {
        Instant signup = customers.nextSignup();
        Instant creation = ticketsCreated < settings.tickets() ? nextCreation : null;
        if (signup == null || creation == null) {
            return signup == null ? creation : signup;
        }
        return signup.isAfter(creation) ? creation : signup;
    }

    private void createTicket() {
        Instant created = nextCreation;
        int index = ticketsCreated++;
        if (ticketsCreated < settings.tickets()) {
            nextCreation = arrivals.creationTime(ticketsCreated);
        }
        tickets.create(String.format("T-%07d", index + 1), created);
        if (random.nextDouble() < STANDALONE_CONTACTS_PER_TICKET) {
            contacts.contact(created.plusSeconds(random.nextInt(3600) - 1800), Organisation.REGIONS.pick(random));
        }
        selfService.around(created);
        social.around(created);
    }
}
