package dev.kpikit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.server.reports.RenderPool;

/** Twenty scripts asking at once share one engine: every answer is its own report, and the heap stays bounded. */
class ConcurrentRendersTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.get();
    }

    @Test
    void twentyParallelRequestsAllGetTheirOwnReportWithTheHeapBounded() throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            String asOf = "2026-09-%02d".formatted(day);
            answers.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    server.url("/reports/key-accounts/run?format=pdf&asOf=" + asOf)))
                    .header("Authorization", TestServer.basic(TestServer.VIEWER, TestServer.PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int day = 1; day <= 20; day++) {
            HttpResponse<byte[]> answer = answers.get(day - 1).get();
            assertEquals(200, answer.statusCode(), "request " + day);
            try (PDDocument pdf = Loader.loadPDF(answer.body())) {
                String text = new PDFTextStripper().getText(pdf);
                // the last concentration period ends at the as-of date: each answer shows its own day and no other's
                assertTrue(text.contains("Sep " + day + ", 2026"), "request " + day + " got its own as-of date");
                for (int other = 2; other <= 20; other++) {
                    if (other != day) {
                        assertTrue(!text.contains("Sep " + other + ", 2026"), "request " + day + " shows no date of request " + other);
                    }
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampling.set(false);
        sampler.join();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("20 parallel key-accounts PDFs: %d ms, peak heap used %d MB of %d MB%n", millis,
                peakHeap.get() >> 20, maxHeap >> 20);
        assertTrue(peakHeap.get() < maxHeap * 3 / 4, "peak heap " + (peakHeap.get() >> 20) + " MB");
    }

    @Test
    void aCancelledRenderStopsInTheEngineAndFreesItsThread() throws Exception {
        Path design = server.home.resolve("report-templates/startup.rptdesign");
        try (RenderPool pool = new RenderPool(server.server.engine(), 1, 5)) {
            Future<RenderPool.Output> cancelled = pool.submit(design, Map.of("asOf", "2026-08-31"),
                    List.of(OutputFormat.PDF, OutputFormat.XLSX), Locale.ENGLISH);
            while (pool.running() == 0) {
                Thread.sleep(10);
            }
            Thread.sleep(300);  // inside BIRT's run task by now
            assertTrue(cancelled.cancel(true));
            Future<RenderPool.Output> next = pool.submit(server.home.resolve("report-templates/key-accounts.rptdesign"), Map.of(),
                    List.of(OutputFormat.PDF), Locale.ENGLISH);
            next.get();
            assertTrue(cancelled.isCancelled());
            assertEquals(1, pool.failed(), "the cancelled render stopped with an error instead of finishing");
            assertEquals(1, pool.rendered());
        }
    }

    @Test
    void aRenderBeyondTheQueueIsRefusedAtOnce() throws Exception {
        Path design = server.home.resolve("report-templates/key-accounts.rptdesign");
        try (RenderPool pool = new RenderPool(server.server.engine(), 1, 1)) {
            Future<RenderPool.Output> running = pool.submit(design, Map.of(), List.of(OutputFormat.PDF), Locale.ENGLISH);
            Future<RenderPool.Output> queued = pool.submit(design, Map.of(), List.of(OutputFormat.PDF), Locale.ENGLISH);
            assertThrows(RejectedExecutionException.class,
                    () -> pool.submit(design, Map.of(), List.of(OutputFormat.PDF), Locale.ENGLISH));
            assertEquals(1, pool.refused());
            running.get();
            queued.get();
            assertEquals(2, pool.rendered());
        }
    }
}
