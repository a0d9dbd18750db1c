package dev.kpikit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reads the rows of a CSV file straight from its bytes, in parts read in parallel, for the tables with millions of rows
 * (revenue, metrics): a decimal cell becomes its unscaled long and scale, a date its epoch day, a text cell a String only
 * when asked for. The delimiter, decimal separator and column types are those {@link CsvTableReader} decided from the
 * header and the first rows (it makes the scanner, see {@link CsvTableReader#scanner()}).
 * <p>
 * It reads plain CSV: UTF-8 (a byte order mark first is skipped, then Excel's separator hint line {@code sep=;} as the
 * reader skips it), lines ending in LF or CRLF, cells unquoted (Excel's {@code ="007"} among them, read as the text
 * between its quotes), or quoted without a line break inside. A cell that is not in the plain form (spaces around it,
 * text beyond ASCII, quotes doubled inside) is read by {@link CellText}, as the reader reads it. Anything else, and
 * every refusal (a cell that is not of its column's type, a row with another number of cells, a blank cell its caller
 * needs), makes {@link #scan} return null: the caller then reads the file with {@link CsvTableReader}, which accepts
 * what it always accepted and words each refusal (file, line, column, what was expected) as it always did. A refused
 * file is thus read twice; a good one once.
 */
final class CsvScanner {

    /** The values of one row, valid during {@link RowSink#row}. */
    static final class Row {

        private final List<Column> columns;
        private final boolean[] blank;
        private final long[] value;
        private final int[] scale;
        private final String[] odd;
        /** Quoted with a doubled quote, or with bytes beyond ASCII: not in the plain form. */
        private final boolean[] wide;
        private final int[] start;
        private final int[] end;
        private byte[] bytes;
        private long position;

        private Row(List<Column> columns) {
            int n = columns.size();
            this.columns = columns;
            blank = new boolean[n];
            value = new long[n];
            scale = new int[n];
            odd = new String[n];
            wide = new boolean[n];
            start = new int[n];
            end = new int[n];
        }

        /** Where the row starts in the file, in bytes: rows in file order have increasing positions. */
        long position() {
            return position;
        }

        /** Whether the cell is blank: an empty value. */
        boolean isBlank(int column) {
            return blank[column];
        }

        /**
         * A non-blank cell's value: a DECIMAL's unscaled value (see {@link #scale}), an INTEGER's value, a DATE's epoch
         * day, a BOOLEAN's 1 or 0.
         */
        long value(int column) {
            return value[column];
        }

        /** A DECIMAL cell's number of decimals, 0 or more: the value is {@code value(column)} x 10^-scale. */
        int scale(int column) {
            return scale[column];
        }

        /**
         * Whether a non-blank STRING cell's text is its bytes {@code bytes()[start(column), end(column))} as they are
         * (ASCII, nothing to strip or unquote), so that it can be looked up without a String.
         */
        boolean isAscii(int column) {
            return odd[column] == null;
        }

        /** The buffer the current row's cells are in. */
        byte[] bytes() {
            return bytes;
        }

        int start(int column) {
            return start[column];
        }

        int end(int column) {
            return end[column];
        }

        /** A non-blank STRING cell's text, stripped of spaces as {@link CellText} strips it. */
        String text(int column) {
            if (columns.get(column).type() != ColumnType.STRING) {
                throw new IllegalArgumentException("column " + column + " is " + columns.get(column).type());
            }
            String text = odd[column];
            return text != null ? text : new String(bytes, start[column], end[column] - start[column], StandardCharsets.ISO_8859_1);
        }
    }

    /** Takes the rows of one part of the file into the part's own state. */
    @FunctionalInterface
    interface RowSink<P> {

        /** Takes a row into {@code part}; false when it cannot (a blank cell that must not be): the file is then read by the reader. */
        boolean row(P part, Row row);
    }

    /** Thrown inside a part for what the scanner leaves to the reader; no stack trace, as it is not an error. */
    private static final class Unhandled extends RuntimeException {

        private static final long serialVersionUID = 1L;
        static final Unhandled INSTANCE = new Unhandled();

        private Unhandled() {
            super("left to the reader", null, false, false);
        }
    }

    private static final int BUFFER_BYTES = 1 << 20;
    private static final byte[] UTF8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final long size;
    private final long dataStart;
    private final byte delimiter;
    private final byte decimalSeparator;
    private final List<Column> columns;
    private final ColumnType[] types;
    private final CellText cells;
    /** By column: a number such as 1.234 is left to the reader, which refuses it (see CsvTableReader#ambiguousPoints). */
    private final boolean[] ambiguousPoints;
    private final int threads;
    private final long partBytes;

    private CsvScanner(Path file, long size, long dataStart, byte delimiter, CellText cells, List<Column> columns,
                       boolean[] ambiguousPoints, int threads, long partBytes) {
        this.file = file;
        this.size = size;
        this.dataStart = dataStart;
        this.delimiter = delimiter;
        this.decimalSeparator = (byte) cells.decimalSeparator();
        this.columns = columns;
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.cells = cells;
        this.ambiguousPoints = ambiguousPoints;
        this.threads = threads;
        this.partBytes = partBytes;
    }

    /**
     * A scanner of the file's rows after its header; null when the file is not plain enough to start: another encoding
     * than UTF-8 (or a UTF-16 byte order mark), a delimiter beyond ASCII, a header that is not one line.
     */
    static CsvScanner of(Path file, Charset encoding, char delimiter, CellText cells, List<Column> columns,
                         boolean[] ambiguousPoints) throws IOException {
        if (!encoding.equals(StandardCharsets.UTF_8) || delimiter >= 0x80 || cells.decimalSeparator() >= 0x80) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long headerEnd = headerEnd(channel, size, (byte) delimiter);
            return headerEnd < 0 ? null : new CsvScanner(file, size, headerEnd, (byte) delimiter, cells, columns,
                    ambiguousPoints.clone(), Runtime.getRuntime().availableProcessors(), 0);
        }
    }

    /** The same scanner reading parts of about {@code bytes} bytes (0: the file split evenly among the threads). */
    CsvScanner withPartBytes(long bytes) {
        return new CsvScanner(file, size, dataStart, delimiter, cells, columns, ambiguousPoints, threads, bytes);
    }

    /** The same scanner reading on at most {@code count} threads (and in as many parts, unless part bytes are set). */
    CsvScanner withThreads(int count) {
        return new CsvScanner(file, size, dataStart, delimiter, cells, columns, ambiguousPoints, Math.max(1, count), partBytes);
    }

    /**
     * Reads every row into the part of the file it is in: one state per part, from {@code newPart}, returned in the
     * order of the parts in the file, each having taken its rows in file order. Null when the file must be read by
     * {@link CsvTableReader} (see the class comment).
     */
    <P> List<P> scan(Supplier<P> newPart, RowSink<P> sink) throws IOException {
        List<long[]> ranges = parts();
        List<P> parts = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            parts.add(newPart.get());
        }
        AtomicBoolean givenUp = new AtomicBoolean();
        if (ranges.size() <= 1 || threads == 1) {
            for (int i = 0; i < ranges.size() && !givenUp.get(); i++) {
                scanPart(ranges.get(i), parts.get(i), sink, givenUp);
            }
            return givenUp.get() ? null : parts;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ranges.size()), runnable -> {
            Thread thread = new Thread(runnable, "kpikit-csv-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                long[] range = ranges.get(i);
                P part = parts.get(i);
                done.add(pool.submit(() -> {
                    scanPart(range, part, sink, givenUp);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(DataFiles.name(file) + ": interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        } finally {
            pool.shutdownNow();
        }
        return givenUp.get() ? null : parts;
    }

    /** The byte ranges of the parts, each starting at the start of a line. */
    private List<long[]> parts() throws IOException {
        long dataBytes = size - dataStart;
        long bytes = partBytes > 0 ? partBytes : Math.max(1 << 16, (dataBytes + threads - 1) / threads);
        List<long[]> ranges = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = dataStart;
            while (start < size) {
                long end = start + bytes >= size ? size : lineStartFrom(channel, start + bytes);
                ranges.add(new long[] {start, end});
                start = end;
            }
        }
        return ranges;
    }

    /** The position after the first line break at or after {@code position - 1}, or the file's size. */
    private long lineStartFrom(FileChannel channel, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        for (long at = position - 1; at < size; ) {
            buffer.clear();
            int read = channel.read(buffer, at);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += read;
        }
        return size;
    }

    /** A header longer than this is left to the reader. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    /**
     * Where the rows start: after the byte order mark and the header record, read as the reader reads it (a quote opens
     * a quoted value only at a cell's start); -1 when the header is not one line (or not UTF-8 text: a UTF-16 mark).
     */
    private static long headerEnd(FileChannel channel, long size, byte delimiter) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, MAX_HEADER_BYTES));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read the start of the file
        }
        int read = buffer.position();
        if (read >= 2 && ((buffer.get(0) & 0xFF) == 0xFF && (buffer.get(1) & 0xFF) == 0xFE
                || (buffer.get(0) & 0xFF) == 0xFE && (buffer.get(1) & 0xFF) == 0xFF)) {
            return -1; // UTF-16, which the reader reads
        }
        int i = read >= 3 && buffer.get(0) == UTF8_BYTE_ORDER_MARK[0] && buffer.get(1) == UTF8_BYTE_ORDER_MARK[1]
                && buffer.get(2) == UTF8_BYTE_ORDER_MARK[2] ? 3 : 0;
        i = afterSeparatorHint(buffer, i, read);
        // the reader skips blank lines before the header as it skips them later: records of one blank cell
        boolean cellStart = true;
        boolean quoted = false;
        boolean oneCell = true;
        boolean spacesOnly = true;
        boolean special = false; // a quote or a byte beyond ASCII: whether the record is blank is left to the reader
        for (; i < read; i++) {
            byte b = buffer.get(i);
            special |= b == '"' || b < 0;
            if (quoted) {
                if (b == '"') {
                    if (i + 1 < read && buffer.get(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (b == '\n' || b == '\r') {
                    return -1; // a line break inside the header's quotes
                }
                continue;
            }
            int end;
            if (b == '\n') {
                end = i + 1;
            } else if (b == '\r') {
                if (i + 1 >= read || buffer.get(i + 1) != '\n') {
                    return -1; // a lone carriage return ends a line for the reader
                }
                end = i + 2;
            } else {
                if (b == '"' && cellStart) {
                    quoted = true;
                } else if (b == delimiter) {
                    oneCell = false;
                }
                cellStart = b == delimiter;
                spacesOnly &= isSpace(b);
                continue;
            }
            if (!oneCell || !spacesOnly) {
                return oneCell && special ? -1 : end;
            }
            i = end - 1; // a blank line: the header is on a later one
            cellStart = true;
            special = false;
        }
        return -1; // no header line ends in the bytes read: a header without rows, or one too long, is left to the reader
    }

    /**
     * Where the line after Excel's separator hint starts ({@code sep=;} alone on the first line, as
     * {@link CsvTableReader#separatorHint} reads it, which decided the delimiter), or {@code from} when there is none: the
     * reader skips that line, so the header is found after it. A hint ending in a lone carriage return is left as it is:
     * the header search then leaves the file to the reader.
     */
    private static int afterSeparatorHint(ByteBuffer buffer, int from, int read) {
        String hint = CsvTableReader.HINT;
        int named = from + hint.length();
        if (named >= read) {
            return from;
        }
        for (int k = 0; k < hint.length(); k++) {
            if (Character.toLowerCase((char) buffer.get(from + k)) != hint.charAt(k)) {
                return from;
            }
        }
        byte b = buffer.get(named);
        if (b != ',' && b != ';' && b != '\t' && b != '|') {
            return from; // not a hint the reader takes: it refuses the file
        }
        if (named + 1 < read && buffer.get(named + 1) == '\n') {
            return named + 2;
        }
        if (named + 2 < read && buffer.get(named + 1) == '\r' && buffer.get(named + 2) == '\n') {
            return named + 3;
        }
        return from;
    }

    private <P> void scanPart(long[] range, P part, RowSink<P> sink, AtomicBoolean givenUp) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            new PartReader<>(range[0], range[1], part, sink, givenUp).read(channel);
        } catch (Unhandled e) {
            givenUp.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one part's lines through a buffer, splitting and parsing cells in place. */
    private final class PartReader<P> {

        private final long start;
        private final long end;
        private final P part;
        private final RowSink<P> sink;
        private final AtomicBoolean givenUp;
        private final Row row = new Row(columns);
        private final int columnCount = columns.size();

        PartReader(long start, long end, P part, RowSink<P> sink, AtomicBoolean givenUp) {
            this.start = start;
            this.end = end;
            this.part = part;
            this.sink = sink;
            this.givenUp = givenUp;
        }

        void read(FileChannel channel) throws IOException {
            byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, end - start + 1)];
            int length = 0;
            long position = start;
            long bufferStart = start; // the file position of buffer[0]
            while (position < end || length > 0) {
                if (givenUp.get()) {
                    return; // another part met what the reader must read: stop early
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
                int read = position < end
                        ? channel.read(ByteBuffer.wrap(buffer, length, (int) Math.min(buffer.length - length, end - position)), position)
                        : 0;
                if (read < 0) {
                    throw new IOException(DataFiles.name(file) + " changed while being read");
                }
                position += read;
                length += read;
                int lines;
                if (position >= end) {
                    if (length > 0 && buffer[length - 1] != '\n') {
                        if (end != size) {
                            throw new IOException(DataFiles.name(file) + " changed while being read");
                        }
                        if (buffer[length - 1] == '\r') {
                            throw Unhandled.INSTANCE; // a lone carriage return at the very end
                        }
                        if (length == buffer.length) {
                            buffer = Arrays.copyOf(buffer, buffer.length + 1);
                        }
                        buffer[length++] = '\n'; // the last line without a line break
                    }
                    lines = length;
                } else {
                    lines = lastLineEnd(buffer, length);
                }
                if (lines > 0) {
                    parseLines(buffer, lines, bufferStart);
                    bufferStart += lines;
                    System.arraycopy(buffer, lines, buffer, 0, length - lines);
                    length -= lines;
                }
            }
        }

        private int lastLineEnd(byte[] buffer, int length) {
            for (int i = length - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    return i + 1;
                }
            }
            return 0;
        }

        /** Parses the lines of buffer[0, to), each ending in '\n'; buffer[0] is at {@code bufferStart} in the file. */
        private void parseLines(byte[] b, int to, long bufferStart) {
            row.bytes = b;
            int position = 0;
            while (position < to) {
                row.position = bufferStart + position;
                int next = parseLine(b, position);
                position = next < 0 ? -next - 1 : next;
                if (next >= 0 && !sink.row(part, row)) {
                    throw Unhandled.INSTANCE;
                }
            }
        }

        /**
         * Splits and parses the line at {@code position} into {@link #row}: the next line's position, or -1 - that
         * position for a blank line (or one of empty cells only). Kept apart from the loop that hands rows to the sink,
         * so that a sink of another class (the account table's after the revenue's) recompiles only that small loop, not
         * the parsing: recompiling it all cost about a second on a loaded machine, the parts meanwhile interpreted.
         */
        private int parseLine(byte[] b, int position) {
            int[] starts = row.start;
            int[] ends = row.end;
            int column = 0;
            while (true) {
                byte c = b[position];
                int cellStart;
                int cellEnd;
                boolean cellOdd = false;
                if (c == '"') {
                    cellStart = position + 1;
                    int i = cellStart;
                    while (true) {
                        c = b[i];
                        if (c == '"') {
                            if (b[i + 1] == '"') {
                                cellOdd = true; // a quote written twice: CellText reads the unescaped text
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n' || c == '\r') {
                            throw Unhandled.INSTANCE; // a line break inside quotes: parts could split the value
                        }
                        cellOdd |= c < 0;
                        i++;
                    }
                    cellEnd = i;
                    position = i + 1;
                    c = b[position];
                    if (c == '\r' && b[position + 1] == '\n') {
                        c = b[++position];
                    }
                    if (c != delimiter && c != '\n') {
                        throw Unhandled.INSTANCE; // text after the closing quote
                    }
                } else {
                    cellStart = position;
                    int ascii = 0;
                    while ((c = b[position]) != delimiter && c != '\n' && c != '\r' && c != '"') {
                        ascii |= c;
                        position++;
                    }
                    cellEnd = position;
                    if (c == '"') {
                        // the cell is the text between the quotes of Excel's ="007"; any other quote inside a cell
                        // is left to the reader
                        cellEnd = excelTextEnd(b, cellStart, position);
                        cellStart = position + 1;
                        for (int i = cellStart; i < cellEnd; i++) {
                            ascii |= b[i];
                        }
                        position = cellEnd + 1;
                        c = b[position];
                    }
                    if (c == '\r') {
                        if (b[position + 1] != '\n') {
                            throw Unhandled.INSTANCE; // a lone carriage return
                        }
                        c = b[++position];
                    }
                    cellOdd = ascii < 0;
                }
                if (column == columnCount) {
                    throw Unhandled.INSTANCE; // more cells than the header: the reader words it
                }
                starts[column] = cellStart;
                ends[column] = cellEnd;
                row.wide[column] = cellOdd;
                column++;
                position++;
                if (c == '\n') {
                    break;
                }
            }
            if (isBlankRow(b, column)) {
                return -1 - position; // a blank line, or empty cells only: the reader skips it too
            }
            if (column != columnCount) {
                throw Unhandled.INSTANCE; // fewer cells than the header
            }
            for (int i = 0; i < columnCount; i++) {
                parseCell(b, i);
            }
            return position;
        }

        /**
         * Where the text of Excel's {@code ="007"} ends, its closing quote, for an unquoted cell at {@code cellStart}
         * with a quote at {@code quote}: the text between the quotes is then the cell's (see
         * {@link CellText#excelText}). Any other quote inside an unquoted cell ({@code A"1}, {@code ="A"&"B"},
         * {@code ="A""1"}, spaces before the {@code =}) leaves the file to the reader.
         */
        private int excelTextEnd(byte[] b, int cellStart, int quote) {
            if (quote != cellStart + 1 || b[cellStart] != '=') {
                throw Unhandled.INSTANCE;
            }
            int close = quote + 1;
            byte c;
            while ((c = b[close]) != '"') {
                if (c == delimiter || c == '\n' || c == '\r') {
                    throw Unhandled.INSTANCE; // no closing quote in the cell
                }
                close++;
            }
            c = b[close + 1];
            if (c != delimiter && c != '\n' && c != '\r') {
                throw Unhandled.INSTANCE; // more after the closing quote, or a quote in the text
            }
            return close;
        }

        private boolean isBlankRow(byte[] b, int cells) {
            for (int i = 0; i < cells; i++) {
                if (!isBlankLine(b, row.start[i], row.end[i], row.wide[i])) {
                    return false;
                }
            }
            return true;
        }

        private boolean isBlankLine(byte[] b, int from, int to, boolean odd) {
            if (odd) {
                return CellText.isBlank(text(b, from, to));
            }
            for (int i = from; i < to; i++) {
                if (!isSpace(b[i])) {
                    return false;
                }
            }
            return true;
        }

        private void parseCell(byte[] b, int column) {
            int from = row.start[column];
            int to = row.end[column];
            row.odd[column] = null;
            if (from == to) {
                row.blank[column] = true;
                return;
            }
            row.blank[column] = false;
            boolean plain = !row.wide[column] && !isSpace(b[from]) && !isSpace(b[to - 1]);
            if (plain && parsePlain(b, column, from, to)) {
                return;
            }
            parseWithCellText(text(b, from, to), column);
        }

        /** The plain forms, byte by byte; false for any other text, which CellText then reads or refuses. */
        private boolean parsePlain(byte[] b, int column, int from, int to) {
            switch (types[column]) {
                case STRING:
                    return true;
                case DECIMAL:
                    return parseNumber(b, column, from, to, decimalSeparator)
                            && !(ambiguousPoints[column] && row.scale[column] == 3 && to - from <= 8
                                    && CellText.pointMayGroupThousands(new String(b, from, to - from, StandardCharsets.ISO_8859_1)));
                case INTEGER:
                    return parseNumber(b, column, from, to, (byte) 0);
                case DATE:
                    return parseDate(b, column, from, to);
                case BOOLEAN:
                    return parseBoolean(b, column, from, to);
                default:
                    return false;
            }
        }

        /** An optional minus, digits, at most one separator and at least one digit after it; at most 18 digits (a long). */
        private boolean parseNumber(byte[] b, int column, int from, int to, byte separator) {
            int i = from;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            long unscaled = 0;
            int digits = 0;
            int digitsAtEnd = 0;
            boolean separated = false;
            for (; i < to; i++) {
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    if (++digits > 18) {
                        return false;
                    }
                    unscaled = unscaled * 10 + (c - '0');
                    digitsAtEnd++;
                } else if (c == separator && separator != 0 && !separated) {
                    separated = true;
                    digitsAtEnd = 0;
                } else {
                    return false;
                }
            }
            if (digitsAtEnd == 0) {
                return false;
            }
            row.value[column] = negative ? -unscaled : unscaled;
            row.scale[column] = separated ? digitsAtEnd : 0;
            return true;
        }

        /** yyyy-MM-dd, a real day of the calendar. */
        private boolean parseDate(byte[] b, int column, int from, int to) {
            if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
                return false;
            }
            int year = digits(b, from, from + 4);
            int month = digits(b, from + 5, from + 7);
            int day = digits(b, from + 8, from + 10);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
                return false;
            }
            int key = year * 10_000 + month * 100 + day;
            int slot = (key ^ key >>> 10) & (DATES_KEPT - 1);
            if (dateKeys[slot] == key) {
                row.value[column] = dateDays[slot];
                return true;
            }
            try {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                dateKeys[slot] = key;
                dateDays[slot] = epochDay;
                row.value[column] = epochDay;
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** Dates kept by {@link #parseDate}, a power of two. */
        private static final int DATES_KEPT = 1024;
        /**
         * Epoch days of the dates met lately, by yyyymmdd in a slot of its own (0: none): a ledger has a few thousand
         * distinct days in millions of rows, and making and checking a LocalDate for each row was a tenth of the scan.
         */
        private final int[] dateKeys = new int[DATES_KEPT];
        private final long[] dateDays = new long[DATES_KEPT];

        private int digits(byte[] b, int from, int to) {
            int number = 0;
            for (int i = from; i < to; i++) {
                int digit = b[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                number = number * 10 + digit;
            }
            return number;
        }

        private boolean parseBoolean(byte[] b, int column, int from, int to) {
            String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                row.value[column] = text.length() == 4 ? 1 : 0;
                return true;
            }
            return false;
        }

        /** A cell not in the plain form, read by CellText as the reader reads it; a refusal leaves the file to the reader. */
        private void parseWithCellText(String text, int column) {
            Object value;
            try {
                value = cells.parse(text, types[column]);
            } catch (IllegalArgumentException refused) {
                throw Unhandled.INSTANCE;
            }
            if (ambiguousPoints[column] && value != null && CellText.pointMayGroupThousands(CellText.strip(text))) {
                throw Unhandled.INSTANCE; // 1.234 that may be 1234: the reader refuses it
            }
            if (value == null) {
                row.blank[column] = true;
                return;
            }
            switch (value) {
                case String string -> row.odd[column] = string;
                case Long number -> row.value[column] = number;
                case LocalDate date -> row.value[column] = date.toEpochDay();
                case Boolean bool -> row.value[column] = bool ? 1 : 0;
                case BigDecimal decimal -> {
                    if (decimal.scale() < 0 || decimal.unscaledValue().bitLength() > 63) {
                        throw Unhandled.INSTANCE; // beyond a long: the reader's BigDecimals
                    }
                    row.value[column] = decimal.unscaledValue().longValue();
                    row.scale[column] = decimal.scale();
                }
                default -> throw Unhandled.INSTANCE;
            }
        }
    }

    /** Whether Character.isWhitespace holds for the ASCII byte: what String.strip drops. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b >= 0x09 && b <= 0x0D || b >= 0x1C && b <= 0x1F;
    }

    /**
     * The cell's text as the reader gives it: UTF-8 decoded, a doubled quote read as one, Excel's {@code ="007"} as the
     * text it holds (this way only when quoted, {@code "=""007"""}); undecodable bytes leave the file to the reader.
     */
    private static String text(byte[] b, int from, int to) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from)).toString();
            return CellText.excelText(text.replace("\"\"", "\""));
        } catch (CharacterCodingException e) {
            throw Unhandled.INSTANCE;
        }
    }
}
