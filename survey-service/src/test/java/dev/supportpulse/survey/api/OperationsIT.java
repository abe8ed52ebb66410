package dev.supportpulse.survey.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link OperationsTest} against the packaged service: the jar in target/quarkus-app, or the native binary (-Pnative).
 */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
