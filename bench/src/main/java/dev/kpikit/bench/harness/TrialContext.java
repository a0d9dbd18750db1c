package dev.kpikit.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trial gets: the kpikit home (report templates, sample data), a data folder shared by the runs (generated
 * inputs are kept there between runs and bench invocations), a scratch folder of its own, the variant and the size.
 * A trial puts figures beyond time and heap (engine start, evaluations) into {@link #extra}.
 */
public record TrialContext(Path home, Path data, Path scratch, String variant, long size, Map<String, Double> extra) {

    public TrialContext {
        extra = new LinkedHashMap<>(extra);
    }

    /** A folder under the shared data folder for inputs that depend only on the name and size, created if missing. */
    public Path dataFolder(String name) throws java.io.IOException {
        return Files.createDirectories(data.resolve(name + "-" + size));
    }

    public void record(String figure, double value) {
        extra.put(figure, value);
    }
}
