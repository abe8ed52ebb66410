package dev.supportpulse.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The monthly cost bookings finance sends: what assisted support (agents, tools) and self-service (help site, bot) cost
 * in each calendar month of the span, in line with the month's ticket volume.
 */
final class CostLedger {

    /** Euros per ticket of assisted support, and of self-service per ticket's worth of traffic. */
    private static final double ASSISTED_PER_TICKET = 16;
    private static final double SELF_SERVICE_PER_TICKET = 0.9;

    private CostLedger() {
    }

    /** Books every month the span touches, on its last day in the evening (a month closes when it ends). */
    static void schedule(DemoSettings settings, TicketArrivals arrivals, SplittableRandom random, Agenda agenda) {
        LocalDate month = LocalDate.ofInstant(settings.start(), ZoneOffset.UTC).withDayOfMonth(1);
        while (month.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(settings.end())) {
            LocalDate next = month.plusMonths(1);
            double tickets = settings.tickets() * arrivals.share(month.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    next.atStartOfDay(ZoneOffset.UTC).toInstant());
            Instant booked = next.minusDays(1).atTime(20, 0).toInstant(ZoneOffset.UTC);
            agenda.add(cost(booked, month, "assisted", tickets * ASSISTED_PER_TICKET * noise(random)));
            agenda.add(cost(booked, month, "self_service", tickets * SELF_SERVICE_PER_TICKET * noise(random)));
            month = next;
        }
    }

    private static EventDraft cost(Instant booked, LocalDate month, String category, double amount) {
        return new EventDraft("cost.recorded", booked).with("category", category)
                .with("amount", CustomerBase.money(amount)).with("currency", "EUR")
                .with("periodStart", month.toString()).with("periodEnd", month.plusMonths(1).minusDays(1).toString());
    }

    private static double noise(SplittableRandom random) {
        return 0.95 + 0.1 * random.nextDouble();
    }
}
