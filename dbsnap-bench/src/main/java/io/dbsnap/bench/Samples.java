package io.dbsnap.bench;

import java.util.ArrayList;
import java.util.List;

/** Timings of one contender over the repetitions, in milliseconds, in the order they were taken. */
record Samples(List<Double> millis) {

    Samples {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        millis = List.copyOf(millis);
    }

    /** Nanoseconds (from {@link System#nanoTime()}) as milliseconds. */
    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(millis.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted;
    }
}
