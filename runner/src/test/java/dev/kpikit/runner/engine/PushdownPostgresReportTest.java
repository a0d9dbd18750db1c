package dev.kpikit.runner.engine;

import static dev.kpikit.runner.engine.ScenarioReports.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.TestPostgres;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.scoring.PeriodLength;

/**
 * A ledger of 12 million invoice rows in PostgreSQL (generated there with generate_series, never sent over JDBC),
 * 20,000 accounts of 600 rows each, named by the data folder's revenue.jdbc: the database sums it, so the key-account
 * review renders in a JVM of 256 MB and kpikit receives one row per account. CI starts PostgreSQL (.ci/run) and passes
 * its URL in KPIKIT_TEST_PG_URL; without it the test is skipped, in CI (KPIKIT_CI) it fails.
 */
class PushdownPostgresReportTest {

    private static final int ACCOUNTS = 20_000;
    private static final long ROWS = 12_000_000L;
    private static final String TABLE = "kpikit_ledger_12m_" + ProcessHandle.current().pid();

    @TempDir
    static Path dir;
    static Path folder;


    @BeforeAll
    static void ledgerOfTwelveMillionRowsInPostgres() throws Exception {
        String url = TestPostgres.url();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            // unlogged: the test's rows need no crash safety, and PostgreSQL writes them twice as fast
            sql.execute("create unlogged table " + TABLE + " as select date '2023-11-01' + (g * 7 % 1126)::int as invoice_date,"
                    + " 'K' || lpad((g % " + ACCOUNTS + ")::text, 5, '0') as account_id,"
                    + " round(((g * 7919 % 500000) - 25000) / 100.0, 2)::numeric(14, 2) as amount"
                    + " from generate_series(1::bigint, " + ROWS + ") g");
            sql.execute("analyze " + TABLE);
        }
        folder = Files.createDirectories(dir.resolve("ledger"));
        List<String> accounts = new ArrayList<>(List.of("account_id,name,segment,strategic_value,growth_potential,engagement,"
                + "satisfaction,relationship_start"));
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(String.format("K%05d,Customer %d,%s,%d,%d,%d,%d,2020-0%d-01", i, i, i % 4 == 0 ? "Retail" : "Wholesale",
                    1 + i % 5, 1 + i * 7 % 5, 1 + i * 3 % 5, 1 + i * 2 % 5, 1 + i % 9));
        }
        Files.write(folder.resolve("accounts.csv"), accounts);
        Files.writeString(folder.resolve("revenue.jdbc"), "url = " + url + "\ntable = " + TABLE + "\n");
    }

    @AfterAll
    static void dropLedger() throws Exception {
        String url = System.getenv("KPIKIT_TEST_PG_URL");
        if (url != null) {
            try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
                sql.execute("drop table if exists " + TABLE);
            }
        }
    }

    @Test
    void reviewRendersFromTwelveMillionRowsInA256MegabyteJvm() throws Exception {
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process render = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true",
                "-Dkpikit.home=" + SharedEngine.home(), "-cp", System.getProperty("java.class.path"),
                "dev.kpikit.runner.cli.KpikitCommand", "render", "--template", SharedEngine.template("key-account-review.rptdesign").toString(),
                "--data", folder.toString(), "--param", "asOf=2026-11-30", "--out", out.toString(), "--format", "pdf")
                .redirectErrorStream(true).redirectOutput(dir.resolve("render.log").toFile()).start();
        boolean finished = render.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            render.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("render.log"), StandardCharsets.UTF_8);
        assertEquals(0, finished ? render.exitValue() : -1, log);
        File[] pdfs = out.toFile().listFiles((d, name) -> name.endsWith(".pdf"));
        assertEquals(1, pdfs == null ? 0 : pdfs.length, log);
        String text = ScenarioReports.flatText(pdfs[0].toPath());
        assertContains(text, "Customer ");
        assertContains(text, "20,000");
    }

    @Test
    void kpikitReceivesOneRowPerAccountOfTheTwelveMillion() throws Exception {
        ScoringFolder ledgerFolder = new ScoringFolder(folder);
        int accounts = ledgerFolder.ledger(LocalDate.parse("2026-11-30"), PeriodLength.YEAR).accounts().size();
        assertEquals(ACCOUNTS, accounts);
        assertEquals(ACCOUNTS, ledgerFolder.rowsFromDatabase());
    }
}
