package dev.kpikit.bench.harness;

import java.util.Map;

/**
 * What one timed run measured: its time, the items it handled, the heap (most in use before any GC, the peak; and
 * most still in use after a GC, the live data) and the trial's own figures.
 */
public record Measurement(double seconds, long items, long peakHeapBytes, long liveHeapBytes, Map<String, Double> extra) {

    public double itemsPerSecond() {
        return seconds > 0 ? items / seconds : 0;
    }
}
