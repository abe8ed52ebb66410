package dev.supportpulse.metrics.support;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the *IT classes need, which run against the packaged service (jar or native binary) where the test's beans are
 * absent: ingest-service's and survey-service's schemas in the test database before the service starts (inside
 * {@code @QuarkusTest}, {@link IngestSchema} and {@link SurveySchema} make them), and the service's own projection
 * loop, since a test outside the service cannot project on demand ({@link EventLog#project()} then waits for it).
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        for (String service : new String[] { "ingest", "survey" }) {
            Flyway.configure().dataSource(url, user, password).schemas(service).defaultSchema(service)
                    .locations("filesystem:../" + service + "-service/src/main/resources/db/migration").load()
                    .migrate();
        }
        return Map.of("supportpulse.metrics.projection.enabled", "true");
    }

    @Override
    public void stop() {
        // The schemas stay, as ingest-service and survey-service would leave them.
    }
}
