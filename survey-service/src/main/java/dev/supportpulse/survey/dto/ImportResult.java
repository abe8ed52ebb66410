package dev.supportpulse.survey.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an import did: {@code imported} answers were stored; {@code duplicates} were already there (the same kind and
 * ticket was answered before, by an earlier import or live), and were left unchanged.
 */
@RegisterForReflection
public record ImportResult(int received, int imported, int duplicates) {
}
