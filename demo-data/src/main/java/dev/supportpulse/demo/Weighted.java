package dev.supportpulse.demo;

import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of values drawn with fixed weights, such as the channel mix of a support organisation. */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        this.values = values;
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Values and weights alternate: {@code of("email", 35, "chat", 25)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valuesAndWeights) {
        int n = valuesAndWeights.length / 2;
        Object[] values = new Object[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = valuesAndWeights[2 * i];
            weights[i] = ((Number) valuesAndWeights[2 * i + 1]).doubleValue();
        }
        return new Weighted<>((List<T>) List.of(values), weights);
    }

    T pick(SplittableRandom random) {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
