package dev.supportpulse.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The PostgreSQL pool Quarkus would build, with a bounded wait queue: while the database is down or saturated, a
 * request beyond the queue fails at once (and is answered 503) instead of waiting without bound. Quarkus has no
 * configuration property for the queue, so each service declares a {@link PgPoolCreator} bean that calls this.
 */
public final class BoundedWaitPool {

    private BoundedWaitPool() {
    }

    public static Pool create(PgPoolCreator.Input input, int maxWaitQueueSize) {
        // Several hosts in the URL are taken in turn, as Quarkus's own pool does.
        List<PgConnectOptions> hosts = input.pgConnectOptionsList();
        AtomicInteger next = new AtomicInteger();
        return PgBuilder.pool().with(input.poolOptions().setMaxWaitQueueSize(maxWaitQueueSize))
                .connectingTo(() -> Future.<SqlConnectOptions> succeededFuture(
                        hosts.get(Math.floorMod(next.getAndIncrement(), hosts.size()))))
                .using(input.vertx()).build();
    }
}
