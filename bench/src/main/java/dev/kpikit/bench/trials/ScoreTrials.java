package dev.kpikit.bench.trials;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;

/**
 * The scoring a user runs from a shell: {@code kpikit score --out scores.csv} (the runner's jar in a new JVM, as the
 * {@code kpikit} script starts it) against DuckDB's {@code COPY (the scoring query) TO 'scores.csv'} in a new JVM
 * too, so JVM start, class loading and a cold JIT count on both sides. kpikit writes its 43 columns (points of each
 * factor, RFM, explanation); DuckDB the query's 10. Both files are then checked against kpikit's figures of the
 * folder (accounts per tier and ABC class, sum of the scores in cents, first account), untimed. kpikit also runs with
 * {@code --fields} naming DuckDB's ten columns, the same output side by side. The heap figures are
 * the bench JVM's (which only waits and checks); the child's peak resident memory is recorded beside them.
 */
public final class ScoreTrials {

    private ScoreTrials() {
    }

    /** Shared by both variants: the generated folder, the child process, the check of the written file. */
    private abstract static class ColdRun implements Trial {

        private static final String SCORES = "scores.csv";

        private Path folder;
        private String expected;

        @Override
        public void prepare(TrialContext context) throws Exception {
            folder = ScaleTrial.accounts(context);
            expected = DuckDbTrials.Scale.expected(folder);
        }

        @Override
        public long run(TrialContext context) throws Exception {
            Path out = context.scratch().resolve(SCORES);
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Djava.awt.headless=true"));
            command.addAll(arguments(context, folder, out));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(context.scratch().resolve("child.log").toFile()).start();
            long peakRssKb = 0;
            while (!process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peakRssKb = Math.max(peakRssKb, peakRssKb(process.pid()));
            }
            context.record("child JVM's peak RSS (MB)", peakRssKb / 1024.0);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                        + Files.readString(context.scratch().resolve("child.log")));
            }
            return context.size();
        }

        /** The written file's figures against kpikit's of the folder, after the timed run. */
        @Override
        public void verify(TrialContext context) throws Exception {
            DuckDbTrials.Scale.check(folder, summary(context.scratch().resolve(SCORES)), expected);
        }

        /** The most resident memory a running process has had (Linux's VmHWM), in kB; 0 once it has ended. */
        private static long peakRssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the process ended between two looks
            }
            return 0;
        }

        /** The child JVM's arguments after the java binary: class path or jar, main class, its arguments. */
        abstract List<String> arguments(TrialContext context, Path folder, Path out);

        /** The figures of a scores CSV by its header: rank, account_id, score, tier and abc_class (or abc). */
        private static DuckDbTrials.Scale.Summary summary(Path file) throws IOException {
            DuckDbTrials.Scale.Summary summary = new DuckDbTrials.Scale.Summary();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                String abc = csv.getHeaderMap().containsKey("abc_class") ? "abc_class" : "abc";
                for (CSVRecord row : csv) {
                    String abcClass = row.get(abc);
                    summary.add(Long.parseLong(row.get("rank")), row.get("account_id"),
                            new java.math.BigDecimal(row.get("score")).movePointRight(2).longValueExact(), row.get("tier"),
                            abcClass.isEmpty() ? "-" : abcClass);
                }
            }
            return summary;
        }
    }

    /**
     * {@code java @runner/score.jvm-options -Xlog... -XX:SharedArchiveFile=runner/target/score-classes.jsa -jar
     * runner/target/kpikit-runner.jar score --data F --as-of D --out F}, what {@code ./kpikit score} runs.
     */
    public static class Kpikit extends ColdRun {

        /** The {@code --fields} asked for; empty for all. */
        private final List<String> fields;

        public Kpikit() {
            this(List.of());
        }

        Kpikit(List<String> fields) {
            this.fields = fields;
        }

        /** The class-data archive {@code ./kpikit score} makes once per build and starts with. */
        private Path archive;

        /** Has {@code ./kpikit score} make its class-data archive (untimed), if this build has none yet. */
        @Override
        public void prepare(TrialContext context) throws Exception {
            super.prepare(context);
            Path home = context.home();
            Process process = new ProcessBuilder(home.resolve("kpikit").toString(), "score", "--data",
                    home.resolve("sample-data/startup").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("./kpikit score over the startup sample failed");
            }
            archive = home.resolve("runner/target/score-classes.jsa");
        }

        @Override
        final List<String> arguments(TrialContext context, Path folder, Path out) {
            List<String> arguments = new ArrayList<>(List.of("-Dkpikit.home=" + context.home(),
                    "@" + context.home().resolve("runner/score.jvm-options"), "-Xlog:disable", "-Xlog:all=warning:stderr"));
            if (Files.isRegularFile(archive)) {
                arguments.add("-XX:SharedArchiveFile=" + archive);
            }
            arguments.addAll(List.of("-jar", context.home().resolve("runner/target/kpikit-runner.jar").toString(),
                    "score", "--data", folder.toString(), "--as-of", OdaDataSetBenchmark.AS_OF.toString(), "--out", out.toString()));
            if (!fields.isEmpty()) {
                arguments.add("--fields=" + String.join(",", fields));
            }
            return arguments;
        }
    }

    /** {@link Kpikit} writing the ten columns DuckDB's query writes ({@code --fields rank,account_id,...,abc_class}). */
    public static final class KpikitDuckDbColumns extends Kpikit {
        public KpikitDuckDbColumns() {
            super(ScaleTrial.DUCKDB_COLUMNS);
        }
    }

    /** DuckDB's COPY of the scoring query to a CSV file, in a new JVM on the bench's class path. */
    public static final class DuckDb extends ColdRun {
        @Override
        List<String> arguments(TrialContext context, Path folder, Path out) {
            return List.of("-cp", System.getProperty("java.class.path"), Copy.class.getName(), folder.toString(), out.toString());
        }
    }

    /** The child of {@link DuckDb}: {@code Copy <folder> <out.csv>}. */
    public static final class Copy {
        public static void main(String[] args) throws Exception {
            try (Connection connection = DuckDbTrials.connect(); Statement statement = connection.createStatement()) {
                statement.execute("COPY (" + DuckDbTrials.Scale.sql(Path.of(args[0])) + ") TO "
                        + DuckDbTrials.quotedPath(Path.of(args[1])) + " (HEADER, DELIMITER ',')");
            }
        }
    }
}
