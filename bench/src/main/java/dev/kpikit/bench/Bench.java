package dev.kpikit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kpikit.bench.harness.Comparison;
import dev.kpikit.bench.harness.Comparison.Variant;
import dev.kpikit.bench.harness.Measurement;
import dev.kpikit.bench.harness.Summary;
import dev.kpikit.bench.harness.TrialMain;

/**
 * {@code ./kpikit bench [--quick] [--only NAME,...] [--rounds N] [--sizes N,...] [--jfr] [--out DIR] [--data DIR]}: runs each
 * comparison of {@link Comparisons} at its sizes, the variants interleaved round by round (the order rotating, so no
 * variant always runs first), each run in a fresh JVM; prints the machine, then one line per comparison with the
 * ratio, and writes results.md, results.json and the scale plot into the output folder (default out/bench).
 */
public final class Bench {

    private static final long RUN_TIMEOUT_MINUTES = 30;

    private final Path home;
    private final Path data;
    private final Path out;
    private final boolean quick;
    private final int roundsOverride;
    private final boolean jfr;
    private final List<Long> sizesOverride;
    /** The variants to run by name; empty: all. */
    private final Set<String> variantsChosen;

    private Bench(Path home, Path data, Path out, boolean quick, int roundsOverride, boolean jfr, List<Long> sizesOverride,
                  Set<String> variantsChosen) {
        this.home = home;
        this.data = data;
        this.out = out;
        this.quick = quick;
        this.roundsOverride = roundsOverride;
        this.jfr = jfr;
        this.sizesOverride = sizesOverride;
        this.variantsChosen = variantsChosen;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("kpikit.home", ".")).toAbsolutePath().normalize();
        Path out = home.resolve("out/bench");
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "kpikit-bench-data");
        boolean quick = false;
        boolean jfr = false;
        int rounds = 0;
        List<Long> sizes = List.of();
        Set<String> only = Set.of();
        Set<String> variants = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jfr" -> jfr = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--variants" -> variants = Set.of(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(size -> Long.parseLong(size.strip())).toList();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> {
                    System.out.println("usage: kpikit bench [--quick] [--only " + String.join(",", Comparisons.names())
                            + "] [--variants NAME,...] [--rounds N] [--sizes N,...] [--jfr] [--out DIR] [--data DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see --help)");
            }
        }
        Files.createDirectories(out);
        Files.createDirectories(data);
        Bench bench = new Bench(home, data, out, quick, rounds, jfr, sizes, variants);
        List<Comparison> chosen = new ArrayList<>();
        for (Comparison comparison : Comparisons.all()) {
            if (only.isEmpty() || only.contains(comparison.name())) {
                chosen.add(comparison);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no comparison named " + only + "; there are " + Comparisons.names());
        }
        bench.run(chosen);
    }

    private void run(List<Comparison> comparisons) throws Exception {
        long started = System.nanoTime();
        String machine = MachineFacts.describe();
        System.out.println(machine);
        Map<Comparison, List<Summary>> results = new LinkedHashMap<>();
        for (Comparison comparison : comparisons) {
            List<Summary> summaries = measure(comparison);
            results.put(comparison, summaries);
            System.out.println(Ratios.line(comparison, summaries));
        }
        Results.write(out, machine, quick, results);
        System.out.printf(Locale.ROOT, "bench: done in %.1f min; %s%n", (System.nanoTime() - started) / 60e9,
                out.resolve("results.md"));
    }

    private List<Summary> measure(Comparison comparison) throws Exception {
        int rounds = roundsOverride > 0 ? roundsOverride : quick ? comparison.quickRounds() : comparison.rounds();
        List<Summary> summaries = new ArrayList<>();
        List<Long> sizes = !sizesOverride.isEmpty() ? sizesOverride : quick ? comparison.quickSizes() : comparison.sizes();
        for (long size : sizes) {
            List<Variant> variants = comparison.variants().stream()
                    .filter(variant -> variantsChosen.isEmpty() || variantsChosen.contains(variant.name())).toList();
            Map<Variant, List<Measurement>> runs = new LinkedHashMap<>();
            Map<Variant, List<String>> failures = new LinkedHashMap<>();
            variants.forEach(variant -> {
                runs.put(variant, new ArrayList<>());
                failures.put(variant, new ArrayList<>());
            });
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant variant = variants.get((round + k) % variants.size());
                    boolean profile = jfr && round == rounds - 1;
                    try {
                        Measurement measured = runOnce(comparison, variant, size, profile);
                        runs.get(variant).add(measured);
                        System.err.printf(Locale.ROOT, "  %s %s %,d round %d: %.2f s, %,d items, peak %d MB%n", comparison.name(),
                                variant.name(), size, round + 1, measured.seconds(), measured.items(), measured.peakHeapBytes() >> 20);
                    } catch (RunFailed e) {
                        failures.get(variant).add(e.getMessage());
                        System.err.printf("  %s %s %,d round %d FAILED: %s%n", comparison.name(), variant.name(), size, round + 1,
                                e.getMessage());
                    }
                }
            }
            for (Variant variant : variants) {
                summaries.add(new Summary(variant.name(), size, runs.get(variant), failures.get(variant)));
            }
        }
        return summaries;
    }

    private Measurement runOnce(Comparison comparison, Variant variant, long size, boolean profile) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(variant.jvmOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dkpikit.home=" + home);
        if (profile) {
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + out.resolve(comparison.name() + "-" + variant.name() + "-" + size + ".jfr"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TrialMain.class.getName(),
                variant.trial().getName(), variant.name(), Long.toString(size), home.toString(), data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith(TrialMain.MARKER)) {
                    result = line.substring(TrialMain.MARKER.length());
                } else {
                    tail.add(line);
                    if (tail.size() > 20) {
                        tail.remove(0);
                    }
                }
            }
        }
        if (!process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new RunFailed("no result within " + RUN_TIMEOUT_MINUTES + " minutes");
        }
        if (result == null) {
            String why = tail.stream().filter(line -> line.contains("Error") || line.contains("Exception")).findFirst()
                    .orElse(tail.isEmpty() ? "no output" : tail.get(tail.size() - 1));
            throw new RunFailed("exit " + process.exitValue() + ": " + why.strip());
        }
        return new ObjectMapper().readValue(result, Measurement.class);
    }

    /** A run that ended without a result (an OutOfMemoryError, a timeout, a bug): recorded, the bench goes on. */
    static final class RunFailed extends Exception {
        RunFailed(String message) {
            super(message);
        }
    }
}
