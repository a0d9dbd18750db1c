package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.scoring.KeyAccountRevenue;
import dev.kpikit.scoring.PeriodConcentration;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * A revenue table in PostgreSQL, named by revenue.jdbc, against the same rows written to revenue.csv: the database
 * sums them (one GROUP BY per question) and every figure kpikit derives is the CSV path's. CI starts PostgreSQL
 * (.ci/run) and passes its URL in KPIKIT_TEST_PG_URL; without it the test is skipped, in CI (KPIKIT_CI) it fails.
 */
class RevenuePushdownPostgresTest {

    private static final int ACCOUNTS = 3_000;
    private static final int ROWS = 72_000;
    private static final String TABLE = "kpikit_pushdown_" + ProcessHandle.current().pid();

    @TempDir
    static Path dir;
    static Path csvFolder;
    static Path databaseFolder;


    /**
     * Invoices over two years and a month past the as-of date, credit notes and zero rows among them, and 100 account
     * ids that the account table lacks; the CSV file holds the very rows of the table.
     */
    @BeforeAll
    static void sameRowsInPostgresAndInCsv() throws Exception {
        String url = TestPostgres.url();
        csvFolder = Files.createDirectories(dir.resolve("csv"));
        databaseFolder = Files.createDirectories(dir.resolve("database"));
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("create table " + TABLE + " (invoice_date date, account_id varchar(20), amount numeric(14, 2))");
            sql.execute("insert into " + TABLE + " select date '2024-11-01' + (g * 37 % 790), 'A' || lpad((g % " + ACCOUNTS
                    + ")::text, 5, '0'), round(((g * 7919 % 200000) - 20000) / 100.0, 2) from generate_series(1, " + ROWS + ") g");
            try (ResultSet rows = sql.executeQuery("select invoice_date, account_id, amount from " + TABLE);
                    Writer csv = Files.newBufferedWriter(csvFolder.resolve("revenue.csv"), StandardCharsets.UTF_8)) {
                csv.write("invoice_date,account_id,amount\n");
                while (rows.next()) {
                    csv.write(rows.getDate(1).toLocalDate() + "," + rows.getString(2) + "," + rows.getBigDecimal(3).toPlainString() + "\n");
                }
            }
        }
        List<String> accounts = new ArrayList<>(List.of("account_id,name,segment,strategic_value,growth_potential,engagement,"
                + "satisfaction,relationship_start"));
        for (int i = 0; i < ACCOUNTS - 100; i++) {
            accounts.add(String.format("A%05d,Account %d,%s,%d,%d,%s,%d,2019-0%d-15", i, i, i % 3 == 0 ? "Retail" : "Industry",
                    1 + i % 5, 1 + i * 7 % 5, i % 11 == 0 ? "" : String.valueOf(1 + i * 3 % 5), 1 + i * 2 % 5, 1 + i % 9));
        }
        Files.write(csvFolder.resolve("accounts.csv"), accounts);
        Files.write(databaseFolder.resolve("accounts.csv"), accounts);
        Files.writeString(databaseFolder.resolve("revenue.jdbc"), "# the invoices in PostgreSQL\nurl = " + url
                + "\ntable = " + TABLE + "\n");
    }

    @AfterAll
    static void dropTable() throws Exception {
        String url = System.getenv("KPIKIT_TEST_PG_URL");
        if (url != null) {
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                sql.execute("drop table if exists " + TABLE);
            }
        }
    }

    private static ScoringFolder folder(Path path) {
        return new ScoringFolder(path, ScoringFolder.defaultMapping().withOverrides("date=invoice_date"));
    }

    @Test
    void latestDateIsTheCsvPaths() throws Exception {
        assertEquals(folder(csvFolder).asOfOrLatest(null), folder(databaseFolder).asOfOrLatest(null));
    }

    @Test
    void portfolioEqualsTheCsvPathsAndOnlyOneRowPerAccountArrives() throws Exception {
        LocalDate asOf = LocalDate.parse("2026-11-30");
        for (PeriodLength period : PeriodLength.values()) {
            ScoringFolder database = folder(databaseFolder);
            Portfolio fromDatabase = database.portfolio(asOf, period, ScoringModel.defaultModel());
            Portfolio fromCsv = folder(csvFolder).portfolio(asOf, period, ScoringModel.defaultModel());
            assertEquals(ACCOUNTS, fromDatabase.accounts().size());
            assertEquals(100, fromDatabase.unknownAccountIds().size());
            assertEquals(fromCsv, fromDatabase, "every rank, score, point, tier, revenue, ABC and RFM class, " + period);
            assertEquals(ACCOUNTS, database.rowsFromDatabase(), "one row per account crossed the wire");
        }
    }

    @Test
    void concentrationEqualsTheCsvPaths() throws Exception {
        LocalDate asOf = LocalDate.parse("2026-10-15");
        for (PeriodLength period : PeriodLength.values()) {
            List<PeriodConcentration> fromDatabase = folder(databaseFolder).concentration(asOf, period, 5);
            List<PeriodConcentration> fromCsv = folder(csvFolder).concentration(asOf, period, 5);
            assertTrue(fromCsv.size() >= 2);
            assertEquals(fromCsv, fromDatabase, period.toString());
        }
    }

    @Test
    void monthlyKeyAccountRevenueEqualsTheCsvPaths() throws Exception {
        LocalDate asOf = LocalDate.parse("2026-10-15");
        List<List<KeyAccountRevenue.Month>> both = new ArrayList<>();
        for (Path path : List.of(csvFolder, databaseFolder)) {
            KeyAccountRevenue revenue = new KeyAccountRevenue(java.util.Set.of("A00001", "A00002", "A00999"), asOf, 14);
            folder(path).readRevenueByPeriod(revenue.firstDay(), asOf, PeriodLength.MONTH, revenue::add);
            both.add(revenue.months());
        }
        assertTrue(both.get(0).get(13).keyAccounts().signum() != 0);
        assertEquals(both.get(0), both.get(1));
    }

    @Test
    void unknownSettingIsRefusedNamingTheFileAndSetting() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("typo"));
        Files.writeString(folder.resolve("revenue.jdbc"), "url = " + TestPostgres.url() + "\ntabel = invoices\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> folder(folder).asOfOrLatest(null));
        assertEquals("revenue.jdbc: unknown setting 'tabel'; expected url, user, password, password.env, table or query",
                e.getMessage());
    }

    @Test
    void missingColumnIsRefusedNamingTheSourceAndColumns() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("no-amount"));
        Files.writeString(folder.resolve("revenue.jdbc"), "url = " + TestPostgres.url()
                + "\nquery = select invoice_date, account_id from " + TABLE + "\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> folder(folder).asOfOrLatest(null));
        assertTrue(e.getMessage().startsWith("revenue.jdbc (query): no column for field 'amount'"), e.getMessage());
    }

    @Test
    void emptyAmountIsRefusedNamingTheColumn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("blank"));
        Files.writeString(folder.resolve("revenue.jdbc"), "url = " + TestPostgres.url() + "\nquery = select invoice_date, account_id,"
                + " case when account_id = 'A00007' then null else amount end as amount from " + TABLE + "\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> folder(folder).ledger(LocalDate.parse("2026-11-30"), PeriodLength.YEAR));
        assertEquals("revenue.jdbc (query), column \"amount\": the amount is empty in some rows"
                + " (find them with WHERE \"amount\" IS NULL)", e.getMessage());
    }
}
