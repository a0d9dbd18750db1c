package dev.kpikit.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that repeat across accounts (segments, judgements 1 to 5, start dates), one per account
 * number: each distinct value is kept once and every account holds a 2-byte code, or a 4-byte
 * one once there are more than 65,535 distinct values. Null is code 0.
 */
final class ValueColumn<T> {

    private final List<T> values = new ArrayList<>();
    private final Map<T, Integer> codes = new HashMap<>();
    /**
     * Codes of values met lately, by identity: a reader shares repeated values (one object per judgement, segment,
     * date), so most are found here without hashing and comparing them.
     */
    private static final int RECENT = 64;
    private final Object[] recentValues = new Object[RECENT];
    private final int[] recentCodes = new int[RECENT];
    private char[] small = new char[16];
    private int[] large;

    ValueColumn() {
        values.add(null);
    }

    void ensureCapacity(int capacity) {
        if (large != null) {
            if (capacity > large.length) {
                large = Arrays.copyOf(large, Math.max(capacity, large.length + (large.length >> 1)));
            }
        } else if (capacity > small.length) {
            small = Arrays.copyOf(small, Math.max(capacity, small.length + (small.length >> 1)));
        }
    }

    void set(int index, T value) {
        setCode(index, value == null ? 0 : codeOf(value));
    }

    /** The code of a non-null value, given it when new. */
    int codeOf(T value) {
        int recent = System.identityHashCode(value) & (RECENT - 1);
        if (recentValues[recent] == value) {
            return recentCodes[recent];
        }
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            values.add(value);
            codes.put(value, code);
        }
        recentValues[recent] = value;
        recentCodes[recent] = code;
        return code;
    }

    /** Sets the value of an account to that of a code given by {@link #codeOf} (or 0 for null). */
    void setCode(int index, int code) {
        if (large == null && code > Character.MAX_VALUE) {
            large = new int[small.length];
            for (int i = 0; i < small.length; i++) {
                large[i] = small[i];
            }
            small = null;
        }
        if (large != null) {
            large[index] = code;
        } else {
            small[index] = (char) code;
        }
    }

    T get(int index) {
        return values.get(code(index));
    }

    /** Reads the code of {@code index} into the cache (see {@code Portfolio}'s rows). */
    int touch(int index) {
        return code(index);
    }

    /** The code of an account's value: equal values have equal codes, null has 0; below {@link #distinct()}. */
    int code(int index) {
        return large != null ? large[index] : small[index];
    }

    /** The value of a code; null for 0. */
    T value(int code) {
        return values.get(code);
    }

    /** Number of distinct values so far, null included. */
    int distinct() {
        return values.size();
    }
}
