package dev.kpikit.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Works out the parts of a table on a worker per core, a few parts ahead of the one taken, and hands them out in
 * order: the caller reads or writes one part at a time while the next ones are being made.
 *
 * @param <T> what a part's work gives
 */
public final class PartsAhead<T> implements AutoCloseable {

    /** The work on one part, on a worker's thread. */
    @FunctionalInterface
    public interface PartWork<T> {
        T work(int part) throws IOException, DataFormatException;
    }

    private final int count;
    private final PartWork<T> work;
    private final ExecutorService workers;
    private final int partsAhead;
    private final Deque<Future<T>> ahead = new ArrayDeque<>();
    private int submitted;

    public PartsAhead(int count, PartWork<T> work) {
        this.count = count;
        this.work = work;
        int cores = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), count));
        this.partsAhead = 2 * cores;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "kpikit-parts-ahead");
                    thread.setDaemon(true);
                    return thread;
                });
        // idle workers end: a reader left unclosed (a report stopped early) keeps no thread
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** The next part's result, in part order; null after the last. A failure of its work is thrown as it was. */
    public T next() throws IOException, DataFormatException {
        while (submitted < count && ahead.size() < partsAhead) {
            int part = submitted++;
            ahead.add(workers.submit(() -> work.work(part)));
        }
        Future<T> next = ahead.poll();
        if (next == null) {
            return null;
        }
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for a part");
        } catch (ExecutionException e) {
            close();
            switch (e.getCause()) {
                case IOException io -> throw io;
                case DataFormatException data -> throw data;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Stops the work on the parts not taken. */
    @Override
    public void close() {
        ahead.forEach(part -> part.cancel(true));
        ahead.clear();
        submitted = count;
        workers.shutdownNow();
    }
}
