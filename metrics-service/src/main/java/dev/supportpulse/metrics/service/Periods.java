package dev.supportpulse.metrics.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import dev.supportpulse.metrics.dto.Period;
import dev.supportpulse.metrics.model.Granularity;

/**
 * Cuts a range into calendar periods in a time zone: a day in Europe/Stockholm is not a UTC day, DST days have 23 or 25
 * hours, weeks start on Monday. Periods keep their natural bounds, so the first and last may reach outside the range;
 * only what lies inside the range is counted in them.
 */
final class Periods {

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00");

    private Periods() {
    }

    /** The periods that overlap {@code [from, to)}, in order; stops early once there are more than {@code max}. */
    static List<Period> cover(Instant from, Instant to, Granularity granularity, ZoneId zone, int max) {
        List<Period> periods = new ArrayList<>();
        ZonedDateTime start = startOf(from.atZone(zone), granularity);
        while (start.toInstant().isBefore(to) && periods.size() <= max) {
            ZonedDateTime end = next(start, granularity);
            periods.add(new Period(start.toOffsetDateTime(), end.toOffsetDateTime(), label(start, granularity)));
            start = end;
        }
        return periods;
    }

    static ZonedDateTime startOf(ZonedDateTime at, Granularity granularity) {
        ZoneId zone = at.getZone();
        LocalDate day = at.toLocalDate();
        return switch (granularity) {
        case HOUR -> at.withMinute(0).withSecond(0).withNano(0);
        case DAY -> day.atStartOfDay(zone);
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
        case MONTH -> day.withDayOfMonth(1).atStartOfDay(zone);
        case QUARTER -> day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay(zone);
        case YEAR -> day.withDayOfYear(1).atStartOfDay(zone);
        };
    }

    private static ZonedDateTime next(ZonedDateTime start, Granularity granularity) {
        return switch (granularity) {
        // An hour is 3,600 s even across a DST change; calendar units follow the wall clock.
        case HOUR -> start.plusHours(1);
        case DAY -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
        case WEEK -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
        case MONTH -> start.toLocalDate().plusMonths(1).atStartOfDay(start.getZone());
        case QUARTER -> start.toLocalDate().plusMonths(3).atStartOfDay(start.getZone());
        case YEAR -> start.toLocalDate().plusYears(1).atStartOfDay(start.getZone());
        };
    }

    private static String label(ZonedDateTime start, Granularity granularity) {
        return switch (granularity) {
        case HOUR -> HOUR_LABEL.format(start);
        case DAY -> start.toLocalDate().toString();
        case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        case YEAR -> Integer.toString(start.getYear());
        };
    }
}
