package dev.supportpulse.survey.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One reason a request was rejected.
 *
 * @param index
 *            the item's position in a batch, from 0; null for a single item
 * @param field
 *            the offending field, or null for the item as a whole
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Violation(Integer index, String field, String message) {
}
