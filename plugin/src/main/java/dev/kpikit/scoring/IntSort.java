package dev.kpikit.scoring;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/** Sorts ints (account numbers) by a comparator without boxing them: a stable merge sort. */
final class IntSort {

    /** Compares two account numbers. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** 0, 1, ..., n - 1 sorted by {@code order}. */
    static int[] sorted(int n, IntComparator order) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        sort(values, order);
        return values;
    }

    /**
     * 0, 1, ..., n - 1 sorted by {@code key}, lowest first, equal keys by number: the order of {@link #sorted} with
     * that comparison, found by sorting longs (key and number in one) when the keys' range leaves room for the
     * number, far faster than through a comparator; by {@link #sorted} otherwise.
     */
    static int[] sortedByKey(int n, IntToLongFunction key) {
        return sortedByKey(n, key, null);
    }

    /** {@link #sortedByKey(int, IntToLongFunction)}, putting the key of each number sorted into {@code sortedKeys} (if not null). */
    static int[] sortedByKey(int n, IntToLongFunction key, long[] sortedKeys) {
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key.applyAsLong(i);
            lowest = Math.min(lowest, keys[i]);
            highest = Math.max(highest, keys[i]);
        }
        int numberBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        long range = highest - lowest; // negative when it overflows
        if (n == 0 || range < 0 || range >= 1L << (63 - numberBits)) {
            int[] values = sorted(n, (a, b) -> {
                int byKey = Long.compare(keys[a], keys[b]);
                return byKey != 0 ? byKey : Integer.compare(a, b);
            });
            for (int i = 0; sortedKeys != null && i < n; i++) {
                sortedKeys[i] = keys[values[i]];
            }
            return values;
        }
        for (int i = 0; i < n; i++) {
            keys[i] = (keys[i] - lowest) << numberBits | i;
        }
        Arrays.sort(keys);
        int[] values = new int[n];
        long numberMask = (1L << numberBits) - 1;
        for (int i = 0; i < n; i++) {
            values[i] = (int) (keys[i] & numberMask);
            if (sortedKeys != null) {
                sortedKeys[i] = (keys[i] >>> numberBits) + lowest;
            }
        }
        return values;
    }

    static void sort(int[] values, IntComparator order) {
        int n = values.length;
        int[] from = values;
        int[] to = new int[n];
        for (int i = 0; i < n; i += 16) {
            insertionSort(values, i, Math.min(n, i + 16), order);
        }
        for (int width = 16; width < n; width *= 2) {
            for (int low = 0; low < n; low += 2 * width) {
                int middle = Math.min(n, low + width);
                int high = Math.min(n, low + 2 * width);
                int a = low;
                int b = middle;
                for (int k = low; k < high; k++) {
                    to[k] = a < middle && (b >= high || order.compare(from[a], from[b]) <= 0) ? from[a++] : from[b++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, n);
        }
    }

    private static void insertionSort(int[] values, int low, int high, IntComparator order) {
        for (int i = low + 1; i < high; i++) {
            int value = values[i];
            int j = i - 1;
            while (j >= low && order.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }
}
