package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The JDBC reader against a real PostgreSQL server, the database a business is likely to keep
 * its revenue in. CI starts one (.ci/run) and passes its URL in KPIKIT_TEST_PG_URL; on a
 * developer machine without it the test is skipped, in CI (KPIKIT_CI) it fails instead.
 */
class JdbcTableReaderPostgresTest {


    @Test
    void readsRevenueRowsWithExactTypes() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestPostgres.url());
                Statement sql = connection.createStatement()) {
            String table = "kpikit_reader_test_" + ProcessHandle.current().pid();
            sql.execute("drop table if exists " + table);
            sql.execute("create table " + table + " (invoice_date date, account_id varchar(20), amount numeric(14, 2),"
                    + " quantity integer, paid boolean)");
            sql.execute("insert into " + table + " values (date '2026-10-31', 'C01', 12345.67, 3, true),"
                    + " (date '2026-11-01', '007', null, null, null)");
            try (TableReader reader = JdbcTableReader.open(connection, "select * from " + table + " order by invoice_date")) {
                assertEquals(List.of(ColumnType.DATE, ColumnType.STRING, ColumnType.DECIMAL, ColumnType.INTEGER, ColumnType.BOOLEAN),
                        reader.columns().stream().map(Column::type).toList());
                assertTrue(reader.next());
                assertEquals(LocalDate.parse("2026-10-31"), reader.value(0));
                assertEquals("C01", reader.value(1));
                assertEquals(new BigDecimal("12345.67"), reader.value(2));
                assertEquals(3L, ((Number) reader.value(3)).longValue());
                assertEquals(Boolean.TRUE, reader.value(4));
                assertTrue(reader.next());
                assertEquals("007", reader.value(1), "an id stays text with its leading zeros");
                assertNull(reader.value(2));
                assertFalse(reader.next());
            } finally {
                sql.execute("drop table " + table);
            }
        }
    }
}
