package dev.kpikit.bench.harness;

import java.util.List;

/**
 * A comparison: the same work done by kpikit and by the other ways (variants), each run in its own JVM with the
 * given heap, the variants interleaved round by round. The first variant is kpikit's; ratios are against it.
 *
 * @param name      short name for the command line ({@code --only}) and the results
 * @param title     what is compared, for people
 * @param unit      what the items are ("rows", "renders"), for items per second
 * @param sizes     the sizes to run at (rows, accounts); the last one is the one the ratio line reports
 * @param quickSizes the same for {@code --quick}
 */
public record Comparison(String name, String title, String unit, List<Variant> variants, List<Long> sizes,
        List<Long> quickSizes, int rounds, int quickRounds) {

    /** One way of doing the work: the trial class that does it and the JVM options of its runs. */
    public record Variant(String name, Class<? extends Trial> trial, List<String> jvmOptions) {
    }

    public static Variant variant(String name, Class<? extends Trial> trial, String... jvmOptions) {
        return new Variant(name, trial, List.of(jvmOptions));
    }
}
