package dev.kpikit.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Account ids numbered 0, 1, 2... in the order they were first added: one String per id and
 * an open-addressing table of longs, where a map would take an entry object and a boxed
 * number per account.
 * <p>
 * An id of at most {@value #INLINE} printable ASCII characters (A0012345, CUST-0001234) is kept in its slot as well,
 * packed into the slot's two longs beside its number: finding it reads one slot, not the slot, the id array, the
 * String and its bytes (the revenue pass's cost at a million accounts, each read a cache miss), and it can be found
 * from a CSV cell's bytes without making a String of them ({@link #add(byte[], int, int)}).
 */
final class IdIndex {

    /** At most this many characters of an id are kept in its slot: 8 in the first long, 4 in the second. */
    private static final int INLINE = 12;
    /** The first long of an empty slot; an inline id never packs to it, its first character being printable. */
    private static final long EMPTY = 0;
    /** The first long of a slot holding an id that is not inline: its String tells whether it is the one sought. */
    private static final long NOT_INLINE = -1;

    private String[] ids;
    /** Per slot: the first 8 characters packed (or EMPTY, NOT_INLINE), then characters 9 to 12 packed and the number. */
    private long[] table;
    private int size;

    IdIndex() {
        this(16);
    }

    /** An index with room for {@code expected} ids before it grows (growing holds the old and the new arrays at once). */
    IdIndex(int expected) {
        ids = new String[Math.max(16, expected)];
        // at most half the slots used (see insert): the power of two of at least twice the ids
        table = new long[2 * Math.max(32, Integer.highestOneBit(Math.max(1, 2 * expected - 1)) << 1)];
    }

    /**
     * The ids of the parts (no id in two of them) as one index, numbered {@code numbers[i]} for the i-th id of the
     * parts taken in turn, the numbers together 0 to its length - 1: the same index as adding them one by one in the
     * order of their numbers, built from the parts' slots without reading an inline id's String again.
     */
    static IdIndex joined(IdIndex[] parts, int[] numbers) {
        int total = numbers.length;
        IdIndex joined = new IdIndex(total);
        int mask = joined.table.length / 2 - 1;
        for (IdIndex part : parts) {
            int partStart = joined.size;
            for (int i = 0; i < part.size; i++) {
                joined.ids[numbers[partStart + i]] = part.ids[i];
            }
            for (int from = 0; from < part.table.length; from += 2) {
                long first = part.table[from];
                if (first == EMPTY) {
                    continue;
                }
                long second = part.table[from + 1];
                int number = (int) second;
                long packed = second & 0xFFFFFFFF00000000L;
                int slot = (first == NOT_INLINE ? spread(part.ids[number].hashCode()) : inlineHash(first, packed)) & mask;
                while (joined.table[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                joined.table[2 * slot] = first;
                joined.table[2 * slot + 1] = packed | numbers[partStart + number];
            }
            joined.size += part.size;
        }
        if (joined.size != total) {
            throw new IllegalArgumentException(joined.size + " ids numbered 0 to " + (total - 1));
        }
        return joined;
    }

    /**
     * Each id's first 8 characters packed in a long, by number: compared unsigned, two of them order their ids as
     * {@link String#compareTo} does, or are equal (then the Strings tell). A character beyond ASCII ends the packing
     * as 0x80, above every ASCII character as it is in the String order. Inline ids are packed so in their slots
     * already: only the others' Strings are read.
     */
    long[] prefixes() {
        long[] prefixes = new long[size];
        for (int slot = 0; slot < table.length; slot += 2) {
            long first = table[slot];
            if (first != EMPTY) {
                int number = (int) table[slot + 1];
                prefixes[number] = first != NOT_INLINE ? first : prefix(ids[number]);
            }
        }
        return prefixes;
    }

    private static long prefix(String id) {
        long prefix = 0;
        for (int i = 0; i < Math.min(8, id.length()); i++) {
            char c = id.charAt(i);
            prefix |= (long) Math.min(c, 0x80) << (56 - 8 * i);
            if (c >= 0x80) {
                break;
            }
        }
        return prefix;
    }

    /** Room for {@code expected} ids in all before it grows again: one rehash for many ids to come, not one per doubling. */
    void ensureCapacity(int expected) {
        if (expected > ids.length) {
            ids = Arrays.copyOf(ids, expected);
        }
        int length = 2 * Math.max(32, Integer.highestOneBit(Math.max(1, 2 * expected - 1)) << 1);
        if (length > table.length) {
            rehash(length);
        }
    }

    int size() {
        return size;
    }

    /** Reads the id of {@code index} (its String, not its text) into the cache (see {@code Portfolio}'s rows). */
    int touch(int index) {
        return ids[index] == null ? 0 : 1;
    }

    String id(int index) {
        return ids[index];
    }

    /** The number of {@code id}; -1 when it was never added. */
    int indexOf(String id) {
        int slot = find(id);
        return table[2 * slot] == EMPTY ? -1 : (int) table[2 * slot + 1];
    }

    /** The number of {@code id}, adding it when new. */
    int add(String id) {
        int slot = find(id);
        return table[2 * slot] == EMPTY ? insert(slot, id) : (int) table[2 * slot + 1];
    }

    /**
     * The number of the id whose ASCII text is {@code bytes[from, to)}, adding it when new: the same number as
     * {@link #add(String)} of that text, without a String unless the id is new.
     */
    int add(byte[] bytes, int from, int to) {
        return add(bytes, from, to, null);
    }

    /**
     * As {@link #add(byte[], int, int)}, holding {@code text} for a new id when given (a String equal to the bytes'
     * text, already held elsewhere) rather than making one; the String is not read, so that it costs no cache miss.
     */
    int add(byte[] bytes, int from, int to, String text) {
        long first = packFirst(bytes, from, to);
        if (first == NOT_INLINE) {
            return add(text != null ? text : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        }
        long second = packSecond(bytes, from, to);
        int slot = inlineSlot(first, second);
        return table[2 * slot] == EMPTY
                ? insert(slot, text != null ? text : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1), first, second)
                : (int) table[2 * slot + 1];
    }

    /** The number of the id whose ASCII text is {@code bytes[from, to)}; -1 when it was never added. */
    int indexOf(byte[] bytes, int from, int to) {
        long first = packFirst(bytes, from, to);
        if (first == NOT_INLINE) {
            return indexOf(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        }
        int slot = inlineSlot(first, packSecond(bytes, from, to));
        return table[2 * slot] == EMPTY ? -1 : (int) table[2 * slot + 1];
    }

    /** The slot holding the inline id packed as {@code first} and {@code second}, or the empty slot where it belongs. */
    private int inlineSlot(long first, long second) {
        int mask = table.length / 2 - 1;
        for (int slot = inlineHash(first, second) & mask; ; slot = (slot + 1) & mask) {
            long key = table[2 * slot];
            if (key == EMPTY || key == first && (table[2 * slot + 1] & 0xFFFFFFFF00000000L) == second) {
                return slot;
            }
        }
    }

    /** As {@link #packFirst(String)} for the ASCII text {@code bytes[from, to)}. */
    private static long packFirst(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0 || length > INLINE) {
            return NOT_INLINE;
        }
        long first = 0;
        for (int i = 0; i < length; i++) {
            int c = bytes[from + i];
            if (c < 0x20 || c > 0x7E) {
                return NOT_INLINE;
            }
            if (i < 8) {
                first |= (long) c << (56 - 8 * i);
            }
        }
        return first;
    }

    /** As {@link #packSecond(String)} for the text {@code bytes[from, to)} of an inline id. */
    private static long packSecond(byte[] bytes, int from, int to) {
        long second = 0;
        for (int i = 8; i < to - from; i++) {
            second |= (long) bytes[from + i] << (56 - 8 * (i - 8));
        }
        return second;
    }

    /** The slot holding {@code id}, or the empty slot where it belongs. */
    private int find(String id) {
        long first = packFirst(id);
        if (first != NOT_INLINE) {
            return inlineSlot(first, packSecond(id));
        }
        int mask = table.length / 2 - 1;
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            long key = table[2 * slot];
            if (key == EMPTY || key == NOT_INLINE && ids[(int) table[2 * slot + 1]].equals(id)) {
                return slot;
            }
        }
    }

    private int insert(int slot, String id) {
        long first = packFirst(id);
        return insert(slot, id, first, first == NOT_INLINE ? 0 : packSecond(id));
    }

    /** Inserts {@code id}, packed as {@code first} and {@code second} (0 when not inline), in its empty slot. */
    private int insert(int slot, String id, long first, long second) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size + (size >> 1));
        }
        ids[size] = id;
        table[2 * slot] = first;
        table[2 * slot + 1] = second | size;
        size++;
        if (size * 2 > table.length / 2) {
            rehash(table.length * 2);
        }
        return size - 1;
    }

    private void rehash(int length) {
        long[] old = table;
        table = new long[length];
        int mask = table.length / 2 - 1;
        for (int from = 0; from < old.length; from += 2) {
            long first = old[from];
            if (first == EMPTY) {
                continue;
            }
            long second = old[from + 1];
            int slot = (first == NOT_INLINE ? spread(ids[(int) second].hashCode())
                    : inlineHash(first, second & 0xFFFFFFFF00000000L)) & mask;
            while (table[2 * slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = first;
            table[2 * slot + 1] = second;
        }
    }

    /** The first 8 characters of an inline id, packed (a shorter id padded with zeros); NOT_INLINE for another id. */
    private static long packFirst(String id) {
        int length = id.length();
        if (length == 0 || length > INLINE) {
            return NOT_INLINE;
        }
        long first = 0;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return NOT_INLINE;
            }
            if (i < 8) {
                first |= (long) c << (56 - 8 * i);
            }
        }
        return first;
    }

    /** Characters 9 to 12 of an inline id, packed into the upper half of a long. */
    private static long packSecond(String id) {
        long second = 0;
        for (int i = 8; i < id.length(); i++) {
            second |= (long) id.charAt(i) << (56 - 8 * (i - 8));
        }
        return second;
    }

    private static int inlineHash(long first, long second) {
        long h = (first ^ (second >>> 7)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
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
