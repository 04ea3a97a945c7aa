package io.dbsnap.bench;

import java.util.ArrayList;
import java.util.List;

/** Measurements of one quantity over the repetitions (times in milliseconds, or ratios), in the order taken. */
record Samples(List<Double> values) {

    Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        values = List.copyOf(values);
    }

    /** Nanoseconds (from {@link System#nanoTime()}) as milliseconds. */
    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    /**
     * Each repetition's value here ÷ the other's value in the same repetition. The two ran back
     * to back under the machine's load of that moment, so the median of these is steadier than the
     * ratio of the medians when the machine is shared.
     */
    Samples pairedRatios(Samples other) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / other.values.get(i));
        }
        return new Samples(ratios);
    }

    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }
}
