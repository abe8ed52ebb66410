package dev.supportpulse.metrics.api;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.supportpulse.metrics.config.SecurityConfig;
import dev.supportpulse.metrics.error.ForbiddenException;
import dev.supportpulse.metrics.error.UnauthenticatedException;

/**
 * Lets a GraphQL operation run only for a verified JWT with the right role (roles come from the {@code groups} claim):
 * {@code metrics-reader} reads, {@code metrics-admin} reads and changes settings. Failures become the UNAUTHENTICATED
 * and FORBIDDEN codes of graphql.md rather than a transport error.
 */
@ApplicationScoped
public class AccessGuard {

    public static final String READER = "metrics-reader";
    public static final String ADMIN = "metrics-admin";
    /** Set on the HTTP request once its token was verified and allowed: only then may its response be kept. */
    static final String VERIFIED = "supportpulse.metrics.token-verified";

    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest request;
    private final boolean enabled;

    public AccessGuard(CurrentIdentityAssociation identities, CurrentVertxRequest request, SecurityConfig config) {
        this.identities = identities;
        this.request = request;
        this.enabled = config.enabled();
    }

    /** Runs the operation for readers (and admins); its checked exceptions become failures of the result. */
    public <T> Uni<T> asReader(Callable<Uni<T>> operation) {
        return allowAndNote(READER).flatMap(allowed -> run(operation));
    }

    /** Runs the operation for admins only. */
    public <T> Uni<T> asAdmin(Callable<Uni<T>> operation) {
        return allowAndNote(ADMIN).flatMap(allowed -> run(operation));
    }

    private Uni<Boolean> allowAndNote(String role) {
        // Taken now, on the request's thread: the identity may be resolved on another.
        RoutingContext http = enabled ? request.getCurrent() : null;
        return allow(role).invoke(allowed -> {
            if (http != null) {
                http.put(VERIFIED, true);
            }
        });
    }

    private Uni<Boolean> allow(String role) {
        if (!enabled) {
            return Uni.createFrom().item(true);
        }
        // A token that does not verify fails the deferred identity; no token gives the anonymous identity.
        return identities.getDeferredIdentity().onFailure().transform(failure -> new UnauthenticatedException())
                .flatMap(identity -> check(identity, role));
    }

    private static Uni<Boolean> check(SecurityIdentity identity, String role) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthenticatedException());
        }
        if (!identity.hasRole(role) && !identity.hasRole(ADMIN)) {
            return Uni.createFrom().failure(new ForbiddenException(role));
        }
        return Uni.createFrom().item(true);
    }

    private static <T> Uni<T> run(Callable<Uni<T>> operation) {
        try {
            return operation.call();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
