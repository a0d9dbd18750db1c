package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadAheadTableReaderTest {

    private static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.STRING),
            new Column("amount", ColumnType.INTEGER), new Column("explanation", ColumnType.STRING));
    private static final int ROWS = 100;
    private static final int ROWS_PER_PART = 7;

    @Test
    void theRowsAreThePartsRowsInOrderWithTheirValues() throws DataFormatException {
        AtomicInteger explained = new AtomicInteger();
        try (TableReader table = ReadAheadTableReader.of(parts(explained, ROWS), "t")) {
            for (int row = 0; row < ROWS; row++) {
                assertTrue(table.next());
                assertEquals(row + 1, table.rowNumber());
                assertEquals("A" + row, table.value(0));
                assertEquals((long) row * 3, table.value(1));
                assertEquals("because " + row, table.value(2));
            }
            assertFalse(table.next());
            assertThrows(IllegalStateException.class, () -> table.value(0));
        }
        assertTrue(explained.get() >= ROWS, "each row explained, some twice at most while the column was new");
    }

    @Test
    void aColumnNeverAskedForIsNeverWorkedOutAndOneAskedLateHasItsValues() throws DataFormatException {
        AtomicInteger explained = new AtomicInteger();
        try (TableReader table = ReadAheadTableReader.of(parts(explained, ROWS), "t")) {
            assertThrows(IllegalStateException.class, () -> table.value(0));
            for (int row = 0; row < ROWS; row++) {
                assertTrue(table.next());
                assertEquals("A" + row, table.value(0));
                if (row >= 40) {
                    assertEquals((long) row * 3, table.value(1), "row " + row);
                }
            }
        }
        assertEquals(0, explained.get());
    }

    @Test
    void aPartThatFailsStopsTheReadingWithItsError() {
        TableParts failing = new TableParts(COLUMNS, 3, part -> new ComputedTableReader("t", COLUMNS, part < 2
                ? List.<Object[]>of(new Object[] {"A", 1L, "x"}).iterator()
                : new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public Object[] next() {
                        throw new IllegalStateException("part 2 broke");
                    }
                }));
        List<Object> read = new ArrayList<>();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> {
            try (TableReader table = ReadAheadTableReader.of(failing, "t")) {
                while (table.next()) {
                    read.add(table.value(0));
                }
            }
        });
        assertEquals("part 2 broke", error.getMessage());
        assertEquals(List.of("A", "A"), read);
    }

    /** ROWS rows in parts of ROWS_PER_PART; the explanation counts how often it is worked out. */
    private static TableParts parts(AtomicInteger explained, int rows) {
        return new TableParts(COLUMNS, (rows + ROWS_PER_PART - 1) / ROWS_PER_PART, part -> {
            List<Object[]> values = new ArrayList<>();
            for (int row = part * ROWS_PER_PART; row < Math.min(rows, (part + 1) * ROWS_PER_PART); row++) {
                int number = row;
                values.add(new Object[] {"A" + row, (long) row * 3, new LazyValue(() -> {
                    explained.incrementAndGet();
                    return "because " + number;
                })});
            }
            return new ComputedTableReader("t", COLUMNS, values.iterator());
        });
    }
}
