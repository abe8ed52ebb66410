package dev.supportpulse.metrics.dto;

import org.eclipse.microprofile.graphql.Type;

/** Tickets created in one hour of one ISO weekday (1 = Monday), in the query's time zone. */
@Type("LoadCell")
public record LoadCell(int dayOfWeek, int hour, int tickets) {
}
