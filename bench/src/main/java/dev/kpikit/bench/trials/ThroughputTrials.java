package dev.kpikit.bench.trials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;

/**
 * Renders per second of the four scenario reports (startup, consultancy, agency, restaurant, each on its sample data
 * folder, as {@code kpikit demo} renders them) to PDF with one engine: the size is the number of renders, 4 x K for K
 * renders of each report, by one thread or spread over two threads sharing the engine. Every render is checked
 * to be a PDF of more than one kilobyte.
 */
public final class ThroughputTrials {

    /** The scenarios of {@code kpikit demo}, in its order (runner.cli.Scenarios.DEMO). */
    static final List<String> SCENARIOS = List.of("startup", "consultancy", "agency", "restaurant");

    private ThroughputTrials() {
    }

    /** All renders on the calling thread. */
    public static final class OneThread extends ThroughputTrial {
        public OneThread() {
            super(1);
        }
    }

    /** The same renders taken by two threads from one queue, sharing the engine. */
    public static final class TwoThreads extends ThroughputTrial {
        public TwoThreads() {
            super(2);
        }
    }

    abstract static class ThroughputTrial implements Trial {

        private final int threads;
        private KpikitEngine engine;
        /** The threads of a multi-threaded variant, kept from the warm-up to the run (daemons: the run exits anyway). */
        private ExecutorService pool;

        ThroughputTrial(int threads) {
            this.threads = threads;
        }

        @Override
        public void prepare(TrialContext context) throws Exception {
            engine = KpikitEngine.start();
            context.record("engine start s", engine.startMillis() / 1000.0);
            if (threads > 1) {
                pool = Executors.newFixedThreadPool(threads, task -> {
                    Thread thread = new Thread(task, "render");
                    thread.setDaemon(true);
                    return thread;
                });
            }
        }

        /** One render of each report, by the same threads as the timed run (BIRT keeps some caches per thread). */
        @Override
        public void warmUp(TrialContext context) throws Exception {
            renders(context, SCENARIOS.size(), "warm-up-");
        }

        @Override
        public long run(TrialContext context) throws Exception {
            int renders = Math.toIntExact(context.size());
            if (renders % SCENARIOS.size() != 0) {
                throw new IllegalArgumentException("the size is the number of renders, a multiple of " + SCENARIOS.size());
            }
            long started = System.nanoTime();
            renders(context, renders, "");
            double seconds = (System.nanoTime() - started) / 1e9;
            context.record("renders/s", renders / seconds);
            return renders;
        }

        /** The renders, on the calling thread or spread over the pool's threads. */
        private void renders(TrialContext context, int renders, String prefix) throws Exception {
            AtomicInteger next = new AtomicInteger();
            if (threads == 1) {
                renderFrom(context, next, renders, prefix);
                return;
            }
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    renderFrom(context, next, renders, prefix);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        /** Takes render i from the shared counter until all are done: report i % 4, so each thread mixes reports. */
        private void renderFrom(TrialContext context, AtomicInteger next, int renders, String prefix) throws Exception {
            for (int i = next.getAndIncrement(); i < renders; i = next.getAndIncrement()) {
                render(context, SCENARIOS.get(i % SCENARIOS.size()), prefix + i);
            }
        }

        private void render(TrialContext context, String scenario, String name) throws Exception {
            Path pdf = engine.render(new RenderRequest(context.home().resolve("report-templates").resolve(scenario + ".rptdesign"),
                    Map.of("dataFolder", context.home().resolve("sample-data").resolve(scenario).toString()),
                    List.of(OutputFormat.PDF), context.scratch().resolve("out"), Locale.ENGLISH, scenario + "-" + name)).get(0);
            byte[] head = new byte[5];
            try (var in = Files.newInputStream(pdf)) {
                if (in.readNBytes(head, 0, 5) != 5 || !new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")
                        || Files.size(pdf) < 1_000) {
                    throw new IllegalStateException(pdf + " is not a rendered PDF");
                }
            }
            Files.delete(pdf);
        }
    }
}
