package dev.kpikit.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap that was still in use right after a garbage collection: the live data a
 * run needs, which a peak of "used" (garbage included) would overstate.
 */
final class LiveHeap {

    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    static LiveHeap watch() {
        LiveHeap heap = new LiveHeap();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    heap.collections.incrementAndGet();
                    heap.maxLive.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return heap;
    }

    /**
     * Heap in use right after a full collection: what is really live now. The most in use after
     * any GC ({@link #maxLiveAfterGc}) can overstate it, as G1's young collections leave the old
     * generation's garbage in place.
     */
    static long afterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    long maxLiveAfterGc() {
        return maxLive.get();
    }

    long collections() {
        return collections.get();
    }
}
