package dev.supportpulse.metrics.api;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;

import dev.supportpulse.support.GraphQLOverHttp;

/**
 * Serves {@code /graphql} as the GraphQL-over-HTTP specification asks (status codes, Accept and Content-Type, GET for
 * queries): see {@link GraphQLOverHttp}. Authentication stays inside the operation (AccessGuard); repeated queries are
 * answered from {@link CachedResponses}.
 */
@Singleton
public class GraphQLHttpRoute {

    void register(@Observes Router router, Instance<CurrentIdentityAssociation> identities, CurrentVertxRequest request,
            CachedResponses cache) {
        GraphQLOverHttp.register(router, identities.isResolvable() ? identities.get() : null, request, cache);
    }
}
