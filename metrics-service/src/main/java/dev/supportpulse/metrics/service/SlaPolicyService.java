package dev.supportpulse.metrics.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.dto.SlaPolicyView;
import dev.supportpulse.metrics.error.BadUserInputException;
import dev.supportpulse.metrics.model.SlaPolicy;
import dev.supportpulse.metrics.repository.SlaPolicyRepository;

/** Reads and changes the SLA policies; a change applies to every ticket, past ones included, from the next query. */
@ApplicationScoped
public class SlaPolicyService {

    private final SlaPolicyRepository repository;

    public SlaPolicyService(SlaPolicyRepository repository) {
        this.repository = repository;
    }

    /** Every policy, most urgent first. */
    @WithSession
    public Uni<List<SlaPolicyView>> policies() {
        return repository.listAll()
                .map(policies -> policies.stream()
                        .sorted(java.util.Comparator.comparing(policy -> SlaPolicy.PRIORITIES.indexOf(policy.priority)))
                        .map(SlaPolicyService::toView).toList());
    }

    /** Sets the targets of one priority. */
    @WithTransaction
    public Uni<SlaPolicyView> update(String priority, int firstResponseSeconds, int resolutionSeconds)
            throws BadUserInputException {
        if (!SlaPolicy.PRIORITIES.contains(priority)) {
            throw new BadUserInputException(
                    "priority must be one of " + SlaPolicy.PRIORITIES + ", not '" + priority + "'.");
        }
        if (firstResponseSeconds <= 0 || resolutionSeconds <= 0) {
            throw new BadUserInputException("SLA targets must be positive numbers of seconds.");
        }
        // The rollup holds each ticket's SLA outcome under the policy it was projected with: it is recomputed in the
        // same transaction, while the projection waits.
        return repository.holdProjection().flatMap(held -> repository.findById(priority)).flatMap(policy -> {
            policy.firstResponseSeconds = firstResponseSeconds;
            policy.resolutionSeconds = resolutionSeconds;
            policy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return repository.flush().flatMap(flushed -> repository.recomputeSlaRollup()).replaceWith(toView(policy));
        });
    }

    private static SlaPolicyView toView(SlaPolicy policy) {
        return new SlaPolicyView(policy.priority, policy.firstResponseSeconds, policy.resolutionSeconds,
                policy.updatedAt);
    }
}
