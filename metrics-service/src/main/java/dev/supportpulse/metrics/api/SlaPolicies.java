package dev.supportpulse.metrics.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import dev.supportpulse.metrics.dto.SlaPolicyView;
import dev.supportpulse.metrics.service.SlaPolicyService;
import dev.supportpulse.metrics.service.Watermarks;

/** The SLA policies behind SLA_FIRST_RESPONSE_RATE and SLA_RESOLUTION_RATE: read by readers, changed by admins. */
@GraphQLApi
public class SlaPolicies {

    private final SlaPolicyService policies;
    private final AccessGuard guard;
    private final Watermarks watermarks;

    public SlaPolicies(SlaPolicyService policies, AccessGuard guard, Watermarks watermarks) {
        this.policies = policies;
        this.guard = guard;
        this.watermarks = watermarks;
    }

    @Query
    @Description("The SLA targets per ticket priority (seconds of calendar time).")
    public @NonNull Uni<List<@NonNull SlaPolicyView>> slaPolicies() {
        return guard.asReader(policies::policies);
    }

    @Mutation
    @Description("Sets the SLA targets of one priority (role metrics-admin); applies to every ticket at once.")
    public @NonNull Uni<SlaPolicyView> updateSlaPolicy(@NonNull @Name("priority") String priority,
            @Name("firstResponseSeconds") int firstResponseSeconds, @Name("resolutionSeconds") int resolutionSeconds) {
        // Once committed, the change moves the watermark: the next request must read it, not a shared earlier read.
        return guard.asAdmin(() -> policies.update(priority, firstResponseSeconds, resolutionSeconds))
                .invoke(watermarks::forget);
    }
}
