package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.kpi.Grain;

/**
 * The agency's metric table in PostgreSQL, named by metrics.jdbc, against sample-data/agency/metrics.csv: the database
 * sums it by month and the scorecard is the CSV path's, row for row. CI starts PostgreSQL (.ci/run) and passes its URL
 * in KPIKIT_TEST_PG_URL; without it the test is skipped, in CI (KPIKIT_CI) it fails.
 */
class MetricsPushdownPostgresTest {

    private static final String TABLE = "kpikit_metrics_" + ProcessHandle.current().pid();
    private static final Path AGENCY = Path.of("..", "sample-data", "agency");

    @TempDir
    static Path folder;


    @BeforeAll
    static void agencyMetricsInPostgres() throws Exception {
        String url = TestPostgres.url();
        List<String> lines = Files.readAllLines(AGENCY.resolve("metrics.csv"));
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("create table " + TABLE + " (\"date\" date, client varchar(60), campaign varchar(20), impressions bigint,"
                    + " clicks bigint, conversions bigint, \"adSpend\" numeric(14, 2), \"attributedRevenue\" numeric(14, 2))");
            try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    insert.setObject(1, LocalDate.parse(cells[0]));
                    insert.setString(2, cells[1]);
                    insert.setString(3, cells[2]);
                    insert.setLong(4, Long.parseLong(cells[3]));
                    insert.setLong(5, Long.parseLong(cells[4]));
                    insert.setLong(6, Long.parseLong(cells[5]));
                    insert.setBigDecimal(7, new BigDecimal(cells[6]));
                    insert.setBigDecimal(8, new BigDecimal(cells[7]));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Files.copy(AGENCY.resolve("kpi-catalog.json"), folder.resolve("kpi-catalog.json"));
        Files.writeString(folder.resolve("metrics.jdbc"), "url = " + url + "\ntable = " + TABLE + "\n");
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

    @Test
    void scorecardEqualsTheCsvPathsInEveryGrain() throws Exception {
        FolderScorecard.Options all = FolderScorecard.Options.all();
        List<FolderScorecard.Row> fromCsv = FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), AGENCY.resolve("metrics.csv"), all);
        List<FolderScorecard.Row> fromDatabase = FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), folder.resolve("metrics.jdbc"), all);
        assertTrue(fromCsv.size() > 50);
        assertEquals(fromCsv, fromDatabase);
    }

    @Test
    void scorecardAsOfADateEqualsTheCsvPaths() throws Exception {
        FolderScorecard.Options options = new FolderScorecard.Options(LocalDate.parse("2025-08-15"), Grain.QUARTER, 3, null);
        List<FolderScorecard.Row> fromCsv = FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), AGENCY.resolve("metrics.csv"), options);
        List<FolderScorecard.Row> fromDatabase = FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), folder.resolve("metrics.jdbc"), options);
        assertEquals(fromCsv, fromDatabase);
    }
}
