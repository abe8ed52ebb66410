package dev.supportpulse.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import dev.supportpulse.metrics.model.SlaPolicy;

/** The SLA policies, one per priority. */
@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, String> {
}
