package dev.supportpulse.metrics.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import dev.supportpulse.metrics.support.PackagedService;

/**
 * {@link LeaderboardSizeTest} against the packaged service: the jar in target/quarkus-app, or the native binary
 * (-Pnative).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedService.class)
class LeaderboardSizeIT extends LeaderboardSizeTest {
}
