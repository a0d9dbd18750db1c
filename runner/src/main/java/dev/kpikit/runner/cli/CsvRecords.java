package dev.kpikit.runner.cli;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV records as UTF-8 bytes, written cell by cell: the bytes {@link TableOutput#CSV_FORMAT} prints, made straight into
 * one array rather than through a StringBuilder, its String and that String's bytes. Its minimal quoting quotes a text
 * that starts at or before {@code #}, ends at or before a space, or holds a delimiter, quote or line break, and an
 * empty text first in its record; quotes inside are doubled. A test holds the two to the same bytes.
 */
final class CsvRecords {

    private static final byte DELIMITER = ',';
    private static final byte QUOTE = '"';
    private static final byte RECORD_END = '\n';

    private final PlainDecimal decimals = new PlainDecimal();
    private byte[] bytes;
    private int size;
    /** The characters of the text cell at hand. */
    private char[] chars = new char[256];
    /** No cell of the current record written yet. */
    private boolean recordStart = true;

    CsvRecords(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** A blank cell: nothing between its delimiters. */
    void blank() {
        startCell();
    }

    void text(String text) {
        boolean first = startCell();
        int length = text.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        char[] cells = chars;
        text.getChars(0, length, cells, 0); // one copy, then array reads: charAt checks its index each time
        boolean quoted = length == 0 ? first : cells[0] <= '#' || cells[length - 1] <= ' ';
        boolean ascii = true;
        int quotes = 0;
        for (int i = 0; i < length; i++) {
            char c = cells[i];
            if (c == QUOTE) {
                quotes++;
            } else if (c == DELIMITER || c == '\n' || c == '\r') {
                quoted = true;
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        quoted |= quotes > 0;
        if (!ascii) {
            // beyond ASCII, seldom: the String's own encoding
            byte[] encoded = (quoted ? '"' + text.replace("\"", "\"\"") + '"' : text).getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            return;
        }
        ensure(length + quotes + 2);
        byte[] into = bytes;
        int at = size;
        if (quoted) {
            into[at++] = QUOTE;
        }
        for (int i = 0; i < length; i++) {
            char c = cells[i];
            if (c == QUOTE) {
                into[at++] = QUOTE;
            }
            into[at++] = (byte) c;
        }
        if (quoted) {
            into[at++] = QUOTE;
        }
        size = at;
    }

    /** A decimal without an exponent, as {@link BigDecimal#toPlainString()} writes it. */
    void decimal(BigDecimal decimal) {
        startCell();
        decimals.append(this, decimal);
    }

    void number(long number) {
        startCell();
        decimals.append(this, number);
    }

    void endRecord() {
        ensure(1);
        bytes[size++] = RECORD_END;
        recordStart = true;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    // For PlainDecimal, which writes a number's digits here.

    /** Room for {@code more} bytes; the array to write them into at {@link #size()}. */
    byte[] room(int more) {
        ensure(more);
        return bytes;
    }

    int size() {
        return size;
    }

    void size(int size) {
        this.size = size;
    }

    /** Text of ASCII characters only, which needs no quotes (digits, a sign, a point). */
    void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** Writes the delimiter unless the cell is the first of its record; whether it is. */
    private boolean startCell() {
        boolean first = recordStart;
        if (!first) {
            ensure(1);
            bytes[size++] = DELIMITER;
        }
        recordStart = false;
        return first;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
