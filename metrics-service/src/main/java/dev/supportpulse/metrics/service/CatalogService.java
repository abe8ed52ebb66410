package dev.supportpulse.metrics.service;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.supportpulse.metrics.dto.MetricDefinition;
import dev.supportpulse.metrics.model.Metric;

/** The metric catalog as clients read it. */
@ApplicationScoped
public class CatalogService {

    public List<MetricDefinition> catalog() {
        return Arrays
                .stream(Metric.values()).map(metric -> new MetricDefinition(metric, metric.title(), metric.formula(),
                        metric.unit(), metric.higherIsBetter(), List.copyOf(metric.dimensions()), metric.formula()))
                .toList();
    }
}
