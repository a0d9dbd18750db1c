package dev.kpikit.server.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.io.FileUtils;
import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IRenderTask;
import org.eclipse.birt.report.engine.api.IReportDocument;
import org.eclipse.birt.report.engine.api.ITOCTree;
import org.eclipse.birt.report.engine.api.TOCNode;

import com.ibm.icu.util.ULocale;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.ReportFailedException;

/**
 * One BIRT engine shared by every request, rendering on a fixed number of threads with a bounded
 * queue in front: a request beyond the queue is refused at once (503) instead of piling up
 * report documents until the heap runs out.
 */
public final class RenderPool implements AutoCloseable {

    /** A section of the report, for the side index: its title and the anchor the HTML emitter wrote for it. */
    public record Bookmark(String title, String anchor, long page) {
    }

    /** What a render wrote, in its own folder (deleted by the caller when served). */
    public record Output(Path folder, List<Path> files, List<Bookmark> bookmarks, long pages, long millis) {
        public Path file(OutputFormat format) {
            return files.stream().filter(f -> f.getFileName().toString().endsWith("." + format.extension())).findFirst()
                    .orElseThrow();
        }
    }

    private final KpikitEngine engine;
    private final ThreadPoolExecutor executor;
    private final Path work;
    private final java.util.concurrent.ScheduledExecutorService canceller =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kpikit-render-cancel");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong rendered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong renderMillis = new AtomicLong();

    public RenderPool(KpikitEngine engine, int threads, int queue) throws IOException {
        this.engine = engine;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "kpikit-render");
                    thread.setDaemon(true);
                    return thread;
                });
        this.work = Files.createTempDirectory("kpikit-serve-");
    }

    public KpikitEngine engine() {
        return engine;
    }

    /**
     * Queues the render; RejectedExecutionException when the queue is full. Cancelling the future cancels the BIRT
     * task the render is in, and deletes whatever it still writes.
     */
    public Future<Output> submit(Path design, java.util.Map<String, String> parameters, List<OutputFormat> formats,
            Locale locale) {
        RenderTask task = new RenderTask(() -> render(design, parameters, formats, locale));
        try {
            executor.execute(task);
            return task;
        } catch (RejectedExecutionException e) {
            refused.incrementAndGet();
            throw e;
        }
    }

    /** A queued render that knows the thread it runs on, so that a cancel reaches the engine. */
    private final class RenderTask extends java.util.concurrent.FutureTask<Output> {
        private Thread thread;

        RenderTask(java.util.concurrent.Callable<Output> render) {
            super(render);
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                super.run();
            } finally {
                synchronized (this) {  // a cancel holding the lock still sees this render's thread in this render
                    thread = null;
                }
            }
        }

        /**
         * Cancels the BIRT task the render is in now, and again every 100 ms while the render goes on: a render
         * passes through several tasks (run, PDF, XLSX), and a cancel may land just before one starts.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(false);
            if (cancelled) {
                cancelAgain();
            }
            return cancelled;
        }

        private void cancelAgain() {
            synchronized (this) {
                if (thread == null) {
                    return;
                }
                engine.cancel(thread);
            }
            canceller.schedule(this::cancelAgain, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void set(Output output) {
            super.set(output);
            if (isCancelled()) {  // finished after all: nobody will serve it
                FileUtils.deleteQuietly(output.folder().toFile());
            }
        }
    }

    private Output render(Path design, java.util.Map<String, String> parameters, List<OutputFormat> formats, Locale locale)
            throws ReportFailedException, IOException {
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory(work, "render-");
        List<Bookmark> bookmarks = new ArrayList<>();
        long[] pages = {0};
        try {
            List<Path> files = engine.render(new RenderRequest(design, parameters, formats, folder, locale,
                    RenderRequest.baseNameOf(design)), document -> {
                        pages[0] = document.getPageCount();
                        ITOCTree toc = document.getTOCTree("html", ULocale.forLocale(locale));
                        if (toc != null && toc.getRoot() != null) {
                            collect(document, toc.getRoot(), bookmarks, 0);
                        }
                        if (formats.contains(OutputFormat.HTML)) {
                            for (long page = 1; page <= pages[0] && page <= MAX_PAGES; page++) {
                                renderPage(document, page, folder, locale);
                            }
                        }
                    });
            rendered.incrementAndGet();
            long millis = (System.nanoTime() - started) / 1_000_000;
            renderMillis.addAndGet(millis);
            return new Output(folder, files, List.copyOf(bookmarks), pages[0], millis);
        } catch (ReportFailedException | RuntimeException e) {
            failed.incrementAndGet();
            FileUtils.deleteQuietly(folder.toFile());
            throw e;
        }
    }

    private static void collect(IReportDocument document, TOCNode node, List<Bookmark> into, int depth) {
        for (Object child : node.getChildren()) {
            if (child instanceof TOCNode toc) {
                if (toc.getDisplayString() != null && toc.getBookmark() != null && into.size() < 200) {
                    into.add(new Bookmark(toc.getDisplayString(), toc.getBookmark(),
                            Math.max(1, document.getPageNumber(toc.getBookmark()))));
                }
                if (depth < 1) {
                    collect(document, toc, into, depth + 1);
                }
            }
        }
    }

    /** Pages shown one by one in the browser; a longer report is read as PDF. */
    public static final int MAX_PAGES = 200;

    /** The HTML of one page, {@code page-N/report.html} with its images in {@code page-N/images}. */
    public static Path pageFile(Path folder, long page) {
        return folder.resolve("page-" + page).resolve("report.html");
    }

    private void renderPage(IReportDocument document, long page, Path folder, Locale locale) throws BirtException {
        Path html = pageFile(folder, page);
        IRenderTask task = engine.birt().createRenderTask(document);
        try {
            Files.createDirectories(html.getParent());
            task.setLocale(locale);
            task.setPageNumber(page);
            HTMLRenderOption options = new HTMLRenderOption();
            options.setOutputFormat("html");
            options.setEmbeddable(false);
            options.setOutputFileName(html.toString());
            options.setImageDirectory(html.getParent().resolve("images").toString());
            task.setRenderOption(options);
            task.render();
        } catch (IOException e) {
            throw new BirtException(e.getMessage(), e);
        } finally {
            task.close();
        }
    }

    public int queued() {
        return executor.getQueue().size();
    }

    public int running() {
        return executor.getActiveCount();
    }

    public long rendered() {
        return rendered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long refused() {
        return refused.get();
    }

    public long renderMillis() {
        return renderMillis.get();
    }

    @Override
    public void close() {
        canceller.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FileUtils.deleteQuietly(work.toFile());
    }
}
