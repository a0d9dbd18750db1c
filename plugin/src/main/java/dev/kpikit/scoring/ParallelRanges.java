package dev.kpikit.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work over the numbers 0 to n - 1 on every core, a range at a time: for per-account work that is independent
 * from one account to the next (scoring each account of a portfolio). Each thread takes its own {@link Range} worker,
 * so that a worker's scratch arrays are never shared; the calling thread is one of them.
 */
final class ParallelRanges {

    /** Work over the numbers from {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    private ParallelRanges() {
    }

    /** Runs the tasks, each once, on as many cores as there are, the first ones first. */
    static void together(Runnable... tasks) {
        run(tasks.length, 1, () -> (from, to) -> {
            for (int task = from; task < to; task++) {
                tasks[task].run();
            }
        });
    }

    /** Runs {@code newWorker}'s workers over 0 to n - 1 in ranges of {@code rangeSize}; one thread when n fits in one range. */
    static void run(int n, int rangeSize, Supplier<Range> newWorker) {
        int ranges = (n + rangeSize - 1) / rangeSize;
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), ranges);
        if (threads <= 1) {
            if (n > 0) {
                newWorker.get().run(0, n);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Runnable work = () -> {
            try {
                Range worker = newWorker.get();
                for (int range = next.getAndIncrement(); range < ranges; range = next.getAndIncrement()) {
                    worker.run(range * rangeSize, (int) Math.min(n, (long) range * rangeSize + rangeSize));
                }
            } catch (RuntimeException | Error e) {
                next.set(ranges); // the others stop at their next range
                synchronized (failures) {
                    failures.add(e);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread thread = new Thread(work, "kpikit-analysis");
            thread.setDaemon(true);
            thread.start();
            helpers.add(thread);
        }
        work.run();
        boolean interrupted = false;
        for (Thread thread : helpers) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers finish their ranges anyway: wait for them
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) first;
        }
    }
}
