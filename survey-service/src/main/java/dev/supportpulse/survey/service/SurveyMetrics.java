package dev.supportpulse.survey.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The service's operational meters (Prometheus at {@code /q/metrics}). */
@ApplicationScoped
public class SurveyMetrics {

    private final MeterRegistry registry;
    private final Counter invitationsCreated;

    public SurveyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.invitationsCreated = Counter.builder("supportpulse.survey.invitations.created")
                .description("Invitations created (not counting requests that found theirs already there)")
                .register(registry);
    }

    void invitationsCreated(int count) {
        invitationsCreated.increment(count);
    }

    /** An answer stored; {@code source} is rest, graphql or import. */
    void responsesStored(String source, int count) {
        Counter.builder("supportpulse.survey.responses.stored").description("Survey answers stored")
                .tag("source", source).register(registry).increment(count);
    }

    /** A request refused, by problem type (invalid-request, already-answered, rate-limited, ...). */
    public void rejected(String problem) {
        Counter.builder("supportpulse.survey.requests.rejected").description("Requests refused, by problem type")
                .tag("problem", problem).register(registry).increment();
    }
}
