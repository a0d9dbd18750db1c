package dev.kpikit.runner.excel;

import java.io.BufferedWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;

/**
 * Not a test: renders key-accounts.rptdesign with the XLSX emitter's streaming mode on a generated folder of
 * N accounts (one revenue row each) and prints the time, the most heap live after a GC, and the temporary
 * files left. Run with a small heap from the runner folder after {@code mvn -o test-compile}:
 * <pre>
 * java -Xmx256m -Dkpikit.home=.. -cp target/test-classes:target/classes:$(ls target/lib/*.jar | tr '\n' :) \
 *     dev.kpikit.runner.excel.XlsxStreamingBench 200000
 * </pre>
 */
public final class XlsxStreamingBench {

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path home = Path.of(System.getProperty("kpikit.home", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("kpikit-bench-");
        Path data = Files.createDirectories(work.resolve("data"));
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("accounts.csv"))) {
            out.write("account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n");
            for (int i = 0; i < accounts; i++) {
                out.write(String.format(Locale.ROOT, "A%07d,Account %d,%s,%d,%d,%d,%d,%s%n", i, i, i % 3 == 0 ? "Enterprise" : "SMB",
                        1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5),
                        LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000))));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve("revenue.csv"))) {
            out.write("date,account_id,amount\n");
            for (int i = 0; i < accounts; i++) {
                out.write(String.format(Locale.ROOT, "2026-%02d-15,A%07d,%.2f%n", 1 + random.nextInt(10), i, 100 + random.nextDouble() * 50_000));
            }
        }
        Path templates = Files.createDirectories(work.resolve("templates"));
        try (var files = Files.list(home.resolve("report-templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, templates.resolve(file.getFileName()));
            }
        }
        Path design = templates.resolve("key-accounts.rptdesign");
        Files.writeString(design, ReportXlsxTest.streaming(Files.readString(design)));

        AtomicLong maxLive = new AtomicLong();
        AtomicLong maxHeapLive = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .forEach(pool -> heapPools.add(pool.getName()));
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    maxLive.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum(), Math::max);
                    // the heap alone: the figure above also counts metaspace and the code cache (some 70 MB)
                    maxHeapLive.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum(),
                            Math::max);
                }
            }, null, null);
        }
        KpikitEngine engine = KpikitEngine.start();
        long started = System.nanoTime();
        engine.render(new RenderRequest(design, Map.of("dataFolder", data.toString()), List.of(OutputFormat.XLSX),
                work.resolve("out"), Locale.ENGLISH, "key-accounts"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long after;
        try (var left = Files.list(dev.kpikit.runner.engine.PoiTempFiles.folder())) {
            after = left.count();
        }
        int sheets;
        try (var zip = new java.util.zip.ZipFile(work.resolve("out/key-accounts.xlsx").toFile())) {
            String book = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            sheets = book.split("<sheet ", -1).length - 1;
        }
        System.out.printf(Locale.ROOT, "accounts=%d sheets=%d xlsx=%d bytes time=%.1f s maxLiveAfterGc=%d MB (heap alone %d MB) maxHeap=%d MB tempFilesLeft=%d%n",
                accounts, sheets, Files.size(work.resolve("out/key-accounts.xlsx")), millis / 1000.0, maxLive.get() >> 20,
                maxHeapLive.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, after);
        System.exit(0);
    }
}
