package dev.supportpulse.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * When tickets are created. Support traffic follows the working day and week, grows as the business does, varies from
 * day to day, and jumps on the few days something breaks; this is that curve over the span, hour by hour, and ticket i
 * of n is created at the (i + u) / n quantile of it, so creation times come out in order.
 */
final class TicketArrivals {

    /** Relative traffic per hour of the day (UTC): quiet nights, a morning peak, a dip at lunch. */
    private static final double[] HOURLY = { 0.12, 0.1, 0.1, 0.1, 0.12, 0.18, 0.3, 0.55, 0.95, 1.25, 1.3, 1.2, 0.95,
            1.1, 1.2, 1.15, 1.0, 0.8, 0.6, 0.45, 0.38, 0.3, 0.22, 0.16 };
    /** Relative traffic Monday to Sunday: Monday catches up on the weekend. */
    private static final double[] WEEKDAY = { 1.2, 1.05, 1.0, 1.0, 0.9, 0.35, 0.3 };
    /** The business grows through the span: the last day sees this much more traffic than the first. */
    private static final double GROWTH = 0.3;
    private static final int INCIDENT_DAYS = 4;
    private static final double INCIDENT_TRAFFIC = 2.5;

    private final Instant start;
    private final long spanSeconds;
    private final int tickets;
    private final SplittableRandom random;
    /** Share of all traffic before the end of each hour of the span. */
    private final double[] cumulative;
    private final boolean[] incidentDay;
    private int hour;

    TicketArrivals(DemoSettings settings, SplittableRandom random) {
        this.start = settings.start();
        this.spanSeconds = settings.end().getEpochSecond() - start.getEpochSecond();
        this.tickets = settings.tickets();
        this.random = random;
        int hours = (int) ((spanSeconds + 3599) / 3600);
        int days = (hours + 23) / 24;
        double[] dayFactor = new double[days];
        incidentDay = new boolean[days];
        for (int day = 0; day < days; day++) {
            dayFactor[day] = 0.85 + 0.3 * random.nextDouble();
        }
        for (int i = 0; i < INCIDENT_DAYS && days > 7; i++) {
            int day = random.nextInt(days);
            incidentDay[day] = true;
            dayFactor[day] = INCIDENT_TRAFFIC;
        }
        cumulative = new double[hours];
        double sum = 0;
        for (int h = 0; h < hours; h++) {
            ZonedDateTime at = start.plusSeconds(3600L * h).atZone(ZoneOffset.UTC);
            double covered = Math.min(1.0, (spanSeconds - 3600.0 * h) / 3600.0);
            sum += HOURLY[at.getHour()] * WEEKDAY[at.getDayOfWeek().getValue() - 1] * (1 + GROWTH * h / hours)
                    * dayFactor[h / 24] * covered;
            cumulative[h] = sum;
        }
        for (int h = 0; h < hours; h++) {
            cumulative[h] /= sum;
        }
    }

    /** The creation time of ticket {@code index}; indexes must be asked in increasing order. */
    Instant creationTime(int index) {
        double quantile = (index + random.nextDouble()) / tickets;
        while (hour < cumulative.length - 1 && cumulative[hour] <= quantile) {
            hour++;
        }
        double before = hour == 0 ? 0 : cumulative[hour - 1];
        double within = (quantile - before) / (cumulative[hour] - before);
        long length = Math.min(3600, spanSeconds - 3600L * hour);
        long seconds = Math.min(spanSeconds - 1, 3600L * hour + (long) (within * length));
        return start.plusSeconds(seconds);
    }

    Instant start() {
        return start;
    }

    /** Whether the instant falls on one of the days something broke (more tickets, mostly bugs). */
    boolean duringIncident(Instant at) {
        long day = (at.getEpochSecond() - start.getEpochSecond()) / 86_400;
        return day >= 0 && day < incidentDay.length && incidentDay[(int) day];
    }

    /** The expected share of all tickets created in {@code [from, to)}, for costs that follow the volume. */
    double share(Instant from, Instant to) {
        return cumulativeAt(to) - cumulativeAt(from);
    }

    private double cumulativeAt(Instant at) {
        double seconds = Math.max(0, Math.min(spanSeconds, at.getEpochSecond() - start.getEpochSecond()));
        int h = (int) Math.min(cumulative.length - 1, seconds / 3600);
        double before = h == 0 ? 0 : cumulative[h - 1];
        return before + (cumulative[h] - before) * Math.min(1.0, (seconds - 3600.0 * h) / 3600.0);
    }
}
