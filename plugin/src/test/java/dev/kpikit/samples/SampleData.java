package dev.kpikit.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.kpikit.data.FolderScorecard;
import dev.kpikit.kpi.KpiResult;

/**
 * Helpers for the sample-data tests: the folders, running a generator, and plain sums over a CSV
 * (String.split and BigDecimal, nothing of kpikit) to check kpikit's results against.
 */
final class SampleData {

    static final Path ROOT = Path.of("../sample-data");
    static final MathContext MC = MathContext.DECIMAL128;
    static final String ACCOUNTS_HEADER =
            "account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start";
    static final String REVENUE_HEADER = "date,account_id,amount";

    private SampleData() {
    }

    static Path folder(String scenario) {
        return ROOT.resolve(scenario);
    }

    /** Runs {@code java <generator> <into>} with the JDK running the tests. */
    static void runGenerator(Path generator, Path into) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, generator.toString(), into.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the generator did not finish");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), output);
    }

    /** Every named file of {@code into} equals the committed one, byte for byte. */
    static void assertSameFiles(Path committed, Path generated, String... files) throws Exception {
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(file)), Files.readAllBytes(generated.resolve(file)),
                    file + " is not what the generator writes; run it and commit the result");
        }
    }

    /** The rows of a CSV without quoting (as the samples are), each as column name to text. */
    static List<Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, csv + ": " + line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Month "2026-10" to column to the sum of that column's (non-blank) values in the month. */
    static Map<String, Map<String, BigDecimal>> monthlySums(Path csv, String... columns) throws Exception {
        Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
        for (Map<String, String> row : rows(csv)) {
            Map<String, BigDecimal> month = sums.computeIfAbsent(row.get("date").substring(0, 7), m -> new TreeMap<>());
            for (String column : columns) {
                String cell = row.get(column);
                if (!cell.isEmpty()) {
                    month.merge(column, new BigDecimal(cell), BigDecimal::add);
                }
            }
        }
        return sums;
    }

    /** Account id to the sum of its amounts. */
    static Map<String, BigDecimal> totalsByAccount(Path revenueCsv) throws Exception {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Map<String, String> row : rows(revenueCsv)) {
            totals.merge(row.get("account_id"), new BigDecimal(row.get("amount")), BigDecimal::add);
        }
        return totals;
    }

    /** The catalog of a scenario evaluated over its metrics.csv: the latest month's results by KPI id. */
    static Map<String, KpiResult> latestKpis(String scenario, Locale locale) throws Exception {
        Path folder = folder(scenario);
        Map<String, KpiResult> latest = new LinkedHashMap<>();
        for (FolderScorecard.Row row : FolderScorecard.evaluate(folder.resolve("kpi-catalog.json"), folder.resolve("metrics.csv"),
                new FolderScorecard.Options(null, null, 1, locale))) {
            latest.put(row.result().kpiId(), row.result());
        }
        return latest;
    }

    static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, MC);
    }

    static BigDecimal growth(BigDecimal current, BigDecimal previous) {
        return current.subtract(previous).divide(previous.abs(), MC);
    }

    /** Equal as numbers (scale aside), with both values in the message. */
    static void assertNumber(BigDecimal expected, BigDecimal actual, String what) {
        assertTrue(actual != null && expected.compareTo(actual) == 0, what + ": expected " + expected + ", was " + actual);
    }
}
