package dev.kpikit.scoring;

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
