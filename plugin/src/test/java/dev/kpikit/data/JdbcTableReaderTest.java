package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTableReaderTest {

    private String url;
    private Connection connection;

    @BeforeEach
    void createDatabase() throws SQLException {
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        connection = DriverManager.getConnection(url, "sa", "");
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    create table revenue(
                      id bigint, small smallint, amount decimal(12, 2), whole numeric(10, 0), ratio double precision,
                      share real, invoiced date, stamp timestamp, zoned timestamp with time zone, active boolean,
                      name varchar(50), note clob)""");
            sql.execute("""
                    insert into revenue values
                      (1, 2, 1234.56, 42, 0.1, 0.25, date '2024-01-31', timestamp '2024-02-01 13:45:00',
                       timestamp with time zone '2024-03-01 23:00:00+01:00', true, 'Acme', 'long text'),
                      (2, null, null, null, null, null, null, null, null, null, null, null)""");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("shutdown");
        }
        connection.close();
    }

    @Test
    void mapsSqlTypesAndReadsExactValues() throws Exception {
        try (TableReader reader = JdbcTableReader.open(connection, "select * from revenue order by id")) {
            assertEquals(List.of(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.INTEGER,
                    ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.DATE, ColumnType.DATE,
                    ColumnType.BOOLEAN, ColumnType.STRING, ColumnType.STRING),
                    reader.columns().stream().map(Column::type).toList());
            assertEquals("ID", reader.columns().get(0).name());
            assertTrue(reader.next());
            assertEquals(1, reader.rowNumber());
            assertEquals(List.of(1L, 2L, new BigDecimal("1234.56"), 42L, new BigDecimal("0.1"), new BigDecimal("0.25"),
                    LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), true, "Acme", "long text"),
                    values(reader));
            assertTrue(reader.next());
            for (int i = 1; i < reader.columns().size(); i++) {
                assertNull(reader.value(i), reader.columns().get(i).name());
            }
            assertFalse(reader.next());
        }
        assertFalse(connection.isClosed(), "the caller's connection stays open");
    }

    private static List<Object> values(TableReader reader) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < reader.columns().size(); i++) {
            values.add(reader.value(i));
        }
        return values;
    }

    @Test
    void bindsParametersAndUsesColumnLabels() throws Exception {
        try (TableReader reader = JdbcTableReader.open(connection,
                "select id as account_id, amount as \"Amount\" from revenue where id = ?", 1)) {
            assertEquals(List.of(new Column("ACCOUNT_ID", ColumnType.INTEGER), new Column("Amount", ColumnType.DECIMAL)),
                    reader.columns());
            assertEquals("query 'select id as account_id, amount as \"Amount\" from revenue whe...'", reader.source(),
                    "a long query is shortened");
            assertTrue(reader.next());
            assertEquals(new BigDecimal("1234.56"), reader.value(1));
            assertFalse(reader.next());
        }
    }

    @Test
    void opensAndClosesItsOwnConnection() throws Exception {
        try (TableReader reader = JdbcTableReader.open(url, "sa", "", "select count(*) as n from revenue")) {
            assertTrue(reader.next());
            assertEquals(2L, reader.value(0));
        }
    }

    @Test
    void anErrorWhileFetchingNamesTheRow() throws Exception {
        String lazy = url + ";LAZY_QUERY_EXECUTION=TRUE";
        try (TableReader reader = JdbcTableReader.open(lazy, "sa", "",
                "select cast(x as int) as n from (values ('1'), ('x')) as t(x)")) {
            assertTrue(reader.next());
            DataFormatException e = assertThrows(DataFormatException.class, reader::next);
            assertTrue(e.getMessage().startsWith("query 'select cast(x as int) as n from (values ('1'), ('x')) as t(x...', "
                    + "row 2: Data conversion error converting \"x\""),
                    e.getMessage());
            assertEquals(2, e.line());
        }
    }

    @Test
    void columnsWithTheSameNameAreRejected() {
        SQLException e = assertThrows(SQLException.class,
                () -> JdbcTableReader.open(connection, "select 1 as a, 2 as a"));
        assertEquals("query 'select 1 as a, 2 as a': the header names column 'A' twice (columns 1 and 2); "
                + "give the columns distinct names with AS", e.getMessage());
    }
}
