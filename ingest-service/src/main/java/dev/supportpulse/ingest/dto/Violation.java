package dev.supportpulse.ingest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One reason an event was rejected.
 *
 * @param index
 *            the event's position in the batch, from 0
 * @param line
 *            for NDJSON bodies, the 1-based line the event stands on
 * @param field
 *            the offending field ({@code attributes.seconds} for an attribute), or null for the event as a whole
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Violation(int index, Integer line, String field, String message) {
}
