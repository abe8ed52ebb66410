package dev.supportpulse.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/** How long things take, and when people who work office hours get to them. */
final class Timing {

    /** Support's office hours, Monday to Friday, in UTC (the demo organisation works from one time zone). */
    static final int OPENS = 8;
    static final int CLOSES = 18;

    private final SplittableRandom random;

    Timing(SplittableRandom random) {
        this.random = random;
    }

    /**
     * A wait drawn around a mean, as waits are: mostly short, now and then several times the mean (exponential), never
     * under half a minute.
     */
    Duration around(Duration mean) {
        double drawn = -Math.log(1 - random.nextDouble()) * mean.getSeconds();
        return Duration.ofSeconds(30 + (long) drawn);
    }

    Duration minutes(double meanMinutes) {
        return around(Duration.ofSeconds((long) (meanMinutes * 60)));
    }

    Duration hours(double meanHours) {
        return around(Duration.ofSeconds((long) (meanHours * 3600)));
    }

    /** Seconds spread evenly between two bounds (inclusive), for things that are not waits. */
    long between(long from, long to) {
        return from + random.nextLong(to - from + 1);
    }

    /**
     * When an office-hours agent acts on something that came in at {@code at}: at once during office hours, else in the
     * first hour and a half of the next working morning (the overnight queue is worked through in order).
     */
    Instant nextWorkingMoment(Instant at) {
        if (isOfficeHours(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(ZoneOffset.UTC);
        LocalDate day = local.getHour() < OPENS ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (isWeekend(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day.atTime(OPENS, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(90 * 60));
    }

    static boolean isOfficeHours(Instant at) {
        ZonedDateTime local = at.atZone(ZoneOffset.UTC);
        return !isWeekend(local.getDayOfWeek()) && local.getHour() >= OPENS && local.getHour() < CLOSES;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
