package dev.supportpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Routes the service's reactive connections through a {@link TcpProxy} to the configured test database, and hands the
 * proxy to the test. Migrations still run over JDBC, directly.
 */
public class CuttableDatabase implements QuarkusTestResourceLifecycleManager {

    /** The environment variable that names the test database; the tests using this resource need it. */
    public static final String URL_VARIABLE = "QUARKUS_DATASOURCE_REACTIVE_URL";

    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        // postgresql://host:port/database
        URI target = URI.create(System.getenv(URL_VARIABLE));
        try {
            proxy = new TcpProxy(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String viaProxy = target.getScheme() + "://127.0.0.1:" + proxy.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return Map.of("quarkus.datasource.reactive.url", viaProxy);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // Nothing to release beyond the sockets.
        }
    }
}
