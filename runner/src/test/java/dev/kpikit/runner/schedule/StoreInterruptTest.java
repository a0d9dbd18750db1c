package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quartz interrupts its own threads when it shuts down, and an interrupt that lands while a thread writes to an H2
 * file closes that file for every user of the database ("The database has been closed" until it is reopened): the
 * runner then hung in shutdown. The store must survive threads interrupted in the middle of their writes.
 */
class StoreInterruptTest {

    @TempDir
    Path folder;

    @Test
    void aThreadInterruptedWhileItWritesLeavesTheStoreWorkingForTheOthers() throws Exception {
        try (StoreDatabase database = StoreDatabase.open(StoreSettings.h2(folder.resolve("store")), 4)) {
            DeliveryStore store = new DeliveryStore(database.dataSource(), Duration.ofMinutes(1), Clock.systemUTC());
            Instant first = Instant.parse("2026-01-01T00:00:00Z");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger claimed = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Instant fire = first.plusSeconds(i);
                        store.claim("busy", fire, fire, false, false, "writer");
                        claimed.incrementAndGet();
                    } catch (SQLException | RuntimeException e) {
                        // the interrupted thread itself may see its statement fail (committed or not); the others must not
                        failed.incrementAndGet();
                    }
                }
            });
            writer.start();
            for (int i = 0; i < 50; i++) {
                Thread.sleep(10);
                writer.interrupt();
            }
            stop.set(true);
            writer.join();
            assertTrue(claimed.get() > 0, "the writer wrote");

            Instant after = Instant.parse("2027-01-01T00:00:00Z");
            store.claim("after", after, after, false, false, "main");
            assertTrue(store.find("after", after).isPresent(), "the store still takes writes after the interrupts");
            int stored = store.all().size();
            assertTrue(stored >= claimed.get() + 1 && stored <= claimed.get() + failed.get() + 1,
                    "every claim the writer saw succeed was kept: " + stored + " stored, " + claimed + " succeeded, " + failed + " failed");
        }
    }
}
