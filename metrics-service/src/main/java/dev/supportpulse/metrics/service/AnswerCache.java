package dev.supportpulse.metrics.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.supportpulse.metrics.config.MetricsConfig;
import dev.supportpulse.metrics.dto.MetricResult;

/**
 * Recent metric answers, keyed by the request and the watermark of what they were computed from (the projection's
 * position and the SLA policies' last change). Any new event or policy change moves the watermark, so an answer is
 * reused only while nothing it could depend on has changed; least recently used answers make room.
 */
@ApplicationScoped
public class AnswerCache {

    /** A request as answered at one watermark. */
    record Key(MetricService.Request request, String watermark) {
    }

    private final Map<Key, MetricResult> answers;
    private final Counter hits;
    private final Counter misses;

    public AnswerCache(MetricsConfig config, MeterRegistry registry) {
        int capacity = config.cachedAnswers();
        this.answers = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, MetricResult> eldest) {
                return size() > capacity;
            }
        };
        this.hits = Counter.builder("supportpulse.metrics.answers").tag("cache", "hit")
                .description("Metric answers served from the answer cache").register(registry);
        this.misses = Counter.builder("supportpulse.metrics.answers").tag("cache", "miss")
                .description("Metric answers computed by the database").register(registry);
    }

    /** The cached answer, or null. */
    synchronized MetricResult get(Key key) {
        MetricResult answer = answers.get(key);
        (answer == null ? misses : hits).increment();
        return answer;
    }

    synchronized void put(Key key, MetricResult answer) {
        answers.put(key, answer);
    }
}
