package dev.supportpulse.survey.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link InvitationTest} against the packaged service: the jar in target/quarkus-app, or the native binary (-Pnative).
 */
@QuarkusIntegrationTest
class InvitationIT extends InvitationTest {
}
