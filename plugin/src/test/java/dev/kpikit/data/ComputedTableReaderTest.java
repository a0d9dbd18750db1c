package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Rows computed in memory: a costly cell (an explanation) is computed only when read, once per row. */
class ComputedTableReaderTest {

    private static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.STRING), new Column("explanation", ColumnType.STRING));

    @Test
    void lazyCellIsComputedOnlyWhenReadAndOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        List<Object[]> rows = List.of(
                new Object[] {"A1", new LazyValue(() -> "A1 explained " + computed.incrementAndGet())},
                new Object[] {"B2", new LazyValue(() -> "B2 explained " + computed.incrementAndGet())});
        try (TableReader reader = new ComputedTableReader("accounts", COLUMNS, rows.iterator())) {
            assertTrue(reader.next());
            assertEquals("A1", reader.value(0));
            assertEquals(0, computed.get(), "not read, not computed");
            assertTrue(reader.next());
            assertEquals("B2 explained 1", reader.value(1));
            assertEquals("B2 explained 1", reader.value(1), "computed once for the row");
            assertEquals(1, computed.get());
        }
    }

    @Test
    void valueBeforeTheFirstRowIsRefusedNamingTheSource() {
        TableReader reader = new ComputedTableReader("accounts", COLUMNS, List.<Object[]>of().iterator());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.value(0));
        assertEquals("accounts: no current row; call next() first", e.getMessage());
    }
}
