package dev.supportpulse.ingest.config;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.sqlclient.Pool;

import dev.supportpulse.support.BoundedWaitPool;

/** The request pool, with the bounded wait queue of {@link BoundedWaitPool}. */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {

    private final int maxWaitQueueSize;

    public DatabasePoolCreator(IngestConfig config) {
        this.maxWaitQueueSize = config.datasource().maxWaitQueueSize();
    }

    @Override
    public Pool create(Input input) {
        return BoundedWaitPool.create(input, maxWaitQueueSize);
    }
}
