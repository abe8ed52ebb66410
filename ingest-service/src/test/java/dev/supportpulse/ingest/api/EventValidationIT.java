package dev.supportpulse.ingest.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link EventValidationTest} against the packaged service: the jar in target/quarkus-app, or the native binary
 * (-Pnative).
 */
@QuarkusIntegrationTest
class EventValidationIT extends EventValidationTest {
}
