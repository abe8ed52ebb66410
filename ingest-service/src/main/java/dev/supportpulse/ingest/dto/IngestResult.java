package dev.supportpulse.ingest.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to an accepted batch: how many events were new and how many had been stored before. */
@RegisterForReflection
public record IngestResult(int accepted, int duplicates) {
}
