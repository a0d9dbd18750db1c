package dev.kpikit.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.io.file.PathUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The child JVM of one run: {@code TrialMain <trial class> <variant> <size> <home> <data folder>}. Prepares and warms
 * up the trial untimed, times one run, and prints the {@link Measurement} as one JSON line after {@link #MARKER}.
 */
public final class TrialMain {

    public static final String MARKER = "KPIKIT-BENCH-RESULT ";

    private TrialMain() {
    }

    public static void main(String[] args) throws Exception {
        Trial trial = (Trial) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Path scratch = Files.createTempDirectory("kpikit-bench-run-");
        try {
            TrialContext context = new TrialContext(Path.of(args[3]), Path.of(args[4]), scratch, args[1],
                    Long.parseLong(args[2]), Map.of());
            trial.prepare(context);
            trial.warmUp(context);
            HeapWatch heap = HeapWatch.start();
            long started = System.nanoTime();
            long items = trial.run(context);
            double seconds = (System.nanoTime() - started) / 1e9;
            trial.verify(context);
            Measurement measured = new Measurement(seconds, items, heap.peak(), heap.live(), context.extra());
            System.out.println(MARKER + new ObjectMapper().writeValueAsString(measured));
        } finally {
            PathUtils.deleteDirectory(scratch);
        }
        System.exit(0); // BIRT's and H2's non-daemon threads must not keep the run alive
    }
}
