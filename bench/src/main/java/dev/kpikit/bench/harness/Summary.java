package dev.kpikit.bench.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The runs of one variant at one size: medians and spreads (min to max), and the runs that failed. */
public record Summary(String variant, long size, List<Measurement> runs, List<String> failures) {

    public boolean ok() {
        return !runs.isEmpty();
    }

    public double medianSeconds() {
        return median(Measurement::seconds);
    }

    public double minSeconds() {
        return runs.stream().mapToDouble(Measurement::seconds).min().orElse(Double.NaN);
    }

    public double maxSeconds() {
        return runs.stream().mapToDouble(Measurement::seconds).max().orElse(Double.NaN);
    }

    public double medianItemsPerSecond() {
        return median(Measurement::itemsPerSecond);
    }

    public long items() {
        return runs.isEmpty() ? 0 : runs.get(0).items();
    }

    public double medianPeakMb() {
        return median(run -> run.peakHeapBytes() / 1048576.0);
    }

    public double medianLiveMb() {
        return median(run -> run.liveHeapBytes() / 1048576.0);
    }

    /** The median of each of the trial's own figures. */
    public Map<String, Double> medianExtras() {
        Map<String, Double> medians = new TreeMap<>();
        runs.stream().flatMap(run -> run.extra().keySet().stream()).distinct()
                .forEach(key -> medians.put(key, median(run -> run.extra().getOrDefault(key, Double.NaN))));
        return medians;
    }

    private double median(ToDoubleFunction<Measurement> figure) {
        double[] values = runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    @Override
    public String toString() {
        return variant + "@" + size + Arrays.toString(runs.stream().mapToDouble(Measurement::seconds).toArray());
    }
}
