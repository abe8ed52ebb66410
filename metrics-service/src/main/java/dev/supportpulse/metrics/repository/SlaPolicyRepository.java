package dev.supportpulse.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.model.SlaPolicy;
import dev.supportpulse.metrics.repository.TicketContributions.Level;

/** The SLA policies, one per priority, and the rollup's SLA outcomes, which follow them. */
@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, String> {

    /**
     * Takes every partition's projection turn for the current transaction, in partition order (waiting for batches in
     * progress), so that the rollup does not move while its SLA outcomes are recomputed.
     */
    public Uni<Void> holdProjection() {
        return getSession().flatMap(
                session -> session.createNativeQuery(TicketProjectionRepository.HOLD_ALL_TURNS).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Recomputes every ticket's SLA outcome in the rollup under the policies as they are in this transaction: a change
     * applies to past tickets too.
     */
    public Uni<Void> recomputeSlaRollup() {
        return getSession().flatMap(session -> session
                .createNativeQuery(TicketContributions.clearSlaOutcomes(Level.HOURS)).executeUpdate()
                .flatMap(cleared -> session.createNativeQuery(TicketContributions.addToRollup(
                        "(" + TicketContributions.rollupRows(TicketContributions.slaOutcomes()) + ")", Level.HOURS))
                        .executeUpdate())
                .flatMap(hours -> session.createNativeQuery(TicketContributions.clearSlaOutcomes(Level.DAYS))
                        .executeUpdate())
                .flatMap(cleared -> session.createNativeQuery(TicketContributions.copySlaOutcomesToDays())
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
