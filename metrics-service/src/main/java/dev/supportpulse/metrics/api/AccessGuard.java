package dev.supportpulse.metrics.api;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

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

    private final CurrentIdentityAssociation identities;
    private final boolean enabled;

    public AccessGuard(CurrentIdentityAssociation identities, SecurityConfig config) {
        this.identities = identities;
        this.enabled = config.enabled();
    }

    /** Runs the operation for readers (and admins); its checked exceptions become failures of the result. */
    public <T> Uni<T> asReader(Callable<Uni<T>> operation) {
        return allow(READER).flatMap(allowed -> run(operation));
    }

    /** Runs the operation for admins only. */
    public <T> Uni<T> asAdmin(Callable<Uni<T>> operation) {
        return allow(ADMIN).flatMap(allowed -> run(operation));
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
