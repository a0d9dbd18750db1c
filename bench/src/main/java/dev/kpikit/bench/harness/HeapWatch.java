package dev.kpikit.bench.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap of a run from the JVM's GC notifications, heap pools only (not metaspace or code cache): the peak is the
 * most in use just before a collection (garbage included: what the heap must hold), the live figure the most still
 * in use just after one (what the run really keeps, which G1's young collections can overstate by old garbage).
 */
public final class HeapWatch {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    public static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    watch.peak.accumulateAndGet(watch.heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                    watch.live.accumulateAndGet(watch.heapUsed(info.getMemoryUsageAfterGc()), Math::max);
                    watch.collections.incrementAndGet();
                }
            }, null, null);
        }
        return watch;
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    /** Peak and live so far, counting the heap in use now (a run too short for any GC still has a figure). */
    public long peak() {
        return Math.max(peak.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    public long live() {
        return live.get();
    }

    public long collections() {
        return collections.get();
    }

    /** The heap in use right after a full collection: what is really live at this moment. */
    public static long afterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
