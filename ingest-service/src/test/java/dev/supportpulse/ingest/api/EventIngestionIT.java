package dev.supportpulse.ingest.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link EventIngestionTest} against the packaged service: the jar in target/quarkus-app, or the native binary
 * (-Pnative).
 */
@QuarkusIntegrationTest
class EventIngestionIT extends EventIngestionTest {
}
