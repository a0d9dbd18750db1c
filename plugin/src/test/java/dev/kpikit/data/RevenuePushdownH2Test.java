package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.ScoringModel;

/**
 * The pushdown's SQL on a second database, H2 (in memory, upper-case names, its own types): the portfolio and the
 * concentration from revenue.jdbc equal those of the same rows in revenue.csv.
 */
class RevenuePushdownH2Test {

    private static final String URL = "jdbc:h2:mem:kpikit_pushdown_" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
    private static final int ACCOUNTS = 400;

    @TempDir
    static Path dir;
    static Path csvFolder;
    static Path databaseFolder;
    static Connection keepAlive;

    @BeforeAll
    static void sameRowsInH2AndInCsv() throws Exception {
        csvFolder = Files.createDirectories(dir.resolve("csv"));
        databaseFolder = Files.createDirectories(dir.resolve("database"));
        keepAlive = DriverManager.getConnection(URL);
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("create table invoices (invoice_date date, account_id varchar(20), amount decimal(14, 2))");
        }
        try (PreparedStatement insert = keepAlive.prepareStatement("insert into invoices values (?, ?, ?)");
                Writer csv = Files.newBufferedWriter(csvFolder.resolve("revenue.csv"), StandardCharsets.UTF_8)) {
            csv.write("invoice_date,account_id,amount\n");
            for (long g = 1; g <= ACCOUNTS * 20; g++) {
                LocalDate date = LocalDate.parse("2024-11-01").plusDays(g * 37 % 790);
                String account = String.format("A%05d", g % ACCOUNTS);
                BigDecimal amount = BigDecimal.valueOf(g * 7919 % 200000 - 20000, 2);
                insert.setObject(1, date);
                insert.setString(2, account);
                insert.setBigDecimal(3, amount);
                insert.addBatch();
                csv.write(date + "," + account + "," + amount.toPlainString() + "\n");
            }
            insert.executeBatch();
        }
        List<String> accounts = new ArrayList<>(List.of("account_id,name,strategic_value,growth_potential"));
        for (int i = 0; i < ACCOUNTS - 10; i++) {
            accounts.add(String.format("A%05d,Account %d,%d,%d", i, i, 1 + i % 5, 1 + i * 7 % 5));
        }
        Files.write(csvFolder.resolve("accounts.csv"), accounts);
        Files.write(databaseFolder.resolve("accounts.csv"), accounts);
        Files.writeString(databaseFolder.resolve("revenue.jdbc"), "url = " + URL + "\ntable = invoices\n");
    }

    @AfterAll
    static void closeDatabase() throws Exception {
        keepAlive.close();
    }

    private static ScoringFolder folder(Path path) {
        return new ScoringFolder(path, ScoringFolder.defaultMapping().withOverrides("date=invoice_date"));
    }

    @Test
    void portfolioAndConcentrationEqualTheCsvPaths() throws Exception {
        LocalDate asOf = folder(csvFolder).asOfOrLatest(null);
        assertEquals(asOf, folder(databaseFolder).asOfOrLatest(null));
        for (PeriodLength period : PeriodLength.values()) {
            assertEquals(folder(csvFolder).portfolio(asOf, period, ScoringModel.defaultModel()),
                    folder(databaseFolder).portfolio(asOf, period, ScoringModel.defaultModel()), period.toString());
            assertEquals(folder(csvFolder).concentration(asOf, period, 5),
                    folder(databaseFolder).concentration(asOf, period, 5), period.toString());
        }
    }
}
