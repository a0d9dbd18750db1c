package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;

/**
 * Inputs that used to fail with a stack trace, a bare path, BIRT's "Error happened while running
 * the report." or the same message three times, run through the real CLI in its own JVM (its
 * logging set-up included): one clear message on stderr, exit code 1.
 */
class ClearRefusalsTest {

    @TempDir
    Path dir;

    private KpikitRun kpikit(String... args) throws IOException, InterruptedException {
        return KpikitRun.of(dir, Duration.ofSeconds(120), List.of(args));
    }

    /** One line on stderr, the whole message, with no trace or class name. */
    private static void assertOneClearLine(KpikitRun run, String expected) {
        assertEquals(1, run.exit(), run.stderr());
        assertEquals(expected, run.stderr().strip());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("Error:"), run.stderr());
    }

    private Path startupCopy() throws IOException {
        Path copy = dir.resolve("startup");
        Files.createDirectories(copy);
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** The startup sample whose first KPI's formula is {@code formula}. */
    private Path startupWithFormula(String formula) throws IOException {
        Path data = startupCopy();
        Path catalog = data.resolve("kpi-catalog.json");
        String json = Files.readString(catalog);
        Matcher first = Pattern.compile("\"formula\": \"revenue\"").matcher(json);
        assertTrue(first.find());
        Files.writeString(catalog, json.substring(0, first.start()) + "\"formula\": \"" + formula + "\"" + json.substring(first.end()));
        return data;
    }

    private static final String HUGE_FORMULA = "revenue" + "+revenue".repeat(12_500); // 100,007 characters

    @Test
    void workbookWithAHundredKilobyteFormulaNamesCatalogKpiAndLimit() throws Exception {
        Path data = startupWithFormula(HUGE_FORMULA);
        KpikitRun run = kpikit("workbook", "--data", data.toString(), "--out", dir.resolve("out/w.xlsx").toString());
        assertOneClearLine(run, "kpikit workbook: " + data.resolve("kpi-catalog.json") + ": KPI 'revenue': The formula is 100,007"
                + " characters long; the limit is 1,000 at position 1001 in formula '" + HUGE_FORMULA.substring(0, 60) + "...'");
        assertFalse(Files.exists(dir.resolve("out/w.xlsx")));
    }

    @Test
    void renderWithAHundredKilobyteFormulaNamesCatalogKpiAndLimit() throws Exception {
        Path data = startupWithFormula(HUGE_FORMULA);
        Path out = dir.resolve("out");
        KpikitRun run = kpikit("render", "--scenario", "startup", "--data", data.toString(), "--out", out.toString());
        assertOneClearLine(run, "kpikit render: " + data.resolve("kpi-catalog.json") + ": KPI 'revenue': The formula is 100,007"
                + " characters long; the limit is 1,000 at position 1001 in formula '" + HUGE_FORMULA.substring(0, 60) + "...'");
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void workbookIntoAFolderBelowARegularFileSaysNotADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        KpikitRun run = kpikit("workbook", "--data", SharedEngine.sampleData("startup").toString(), "--out", file.resolve("x.xlsx").toString());
        assertOneClearLine(run, "kpikit workbook: cannot write to " + file.resolve("x.xlsx") + ": " + file + " is not a directory");
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void renderIntoAFolderBelowARegularFileSaysNotADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        KpikitRun run = kpikit("render", "--scenario", "startup", "--format", "pdf,xlsx", "--out", file.resolve("reports").toString());
        assertOneClearLine(run, "kpikit render: cannot write to " + file.resolve("reports") + ": " + file + " is not a directory");
    }

    @Test
    void aModelNestedAMegabyteDeepGivesAShortMessageNamingTheFile() throws Exception {
        Path model = dir.resolve("deep-model.json");
        Files.writeString(model, "{\"factors\": " + "[".repeat(500_000) + "]".repeat(500_000) + "}");
        KpikitRun run = kpikit("score", "--data", SharedEngine.sampleData("startup").toString(), "--model", model.toString());
        assertOneClearLine(run, "kpikit score: deep-model.json, line 1, column 1011, factors[0][0]...[0][0][0]:"
                + " the model nests objects and arrays deeper than 1000 levels");
    }

    @Test
    void anXlsxThatIsNoZipGivesKpikitsMessageWithNoLogLineBefore() throws Exception {
        Path data = startupCopy();
        Files.delete(data.resolve("revenue.csv"));
        // starts like a zip, so POI itself gets to read it and warns about its broken directory
        Files.write(data.resolve("revenue.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        KpikitRun run = kpikit("score", "--data", data.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().startsWith("kpikit score: revenue.xlsx cannot be read as an Excel .xlsx workbook: "), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());

        Files.writeString(data.resolve("revenue.xlsx"), "date,account_id,amount\n");
        assertOneClearLine(kpikit("score", "--data", data.toString()),
                "kpikit score: revenue.xlsx is not an Excel .xlsx workbook: an .xlsx file is a zip archive and this file is not one");
    }

    @Test
    void sendTellsAFailureOnce() throws Exception {
        Path data = startupCopy();
        Files.writeString(data.resolve("revenue.csv"), "date,account_id,amount\n2026-01-05,C01,12O0.00\n");
        KpikitRun run = kpikit("send", "--scenario", "startup", "--data", data.toString(), "--to", "finance@example.com",
                "--dry-run", dir.resolve("mail").toString(), "--store", "jdbc:h2:file:" + dir.resolve("store").toString());
        assertEquals(1, run.exit(), run.stdout() + run.stderr());
        String all = run.stdout() + run.stderr();
        String failure = "revenue.csv, line 2, column 'amount' (3): expected a decimal number, found '12O0.00'";
        assertEquals(1, all.split(Pattern.quote(failure), -1).length - 1, all);
        assertTrue(run.stdout().contains("FAILED"), run.stdout());
        assertFalse(all.contains("OdaException") || all.contains("Cannot execute the statement"), all);
    }

    /** "localhost:abc" said Java's "For input string", a port over 65535 "port out of range", an empty host sent to localhost. */
    @Test
    void sendRefusesAnSmtpHostAndPortItCannotUseSayingTheForm() throws Exception {
        for (String smtp : List.of("localhost:abc", "localhost:99999", "", "localhost:")) {
            KpikitRun run = kpikit("send", "--scenario", "startup", "--to", "finance@example.com", "--smtp", smtp,
                    "--store", "jdbc:h2:file:" + dir.resolve("store").toString());
            assertEquals(1, run.exit(), smtp);
            assertEquals("kpikit send: --smtp '" + smtp + "': expected HOST or HOST:PORT with a port from 1 to 65535"
                    + " (e.g. smtp.example.com:587)", run.stderr().strip(), smtp);
        }
    }

    @Test
    void csvThatIsNotUtf8NamesTheLineAndByteOfTheFault() throws Exception {
        Path data = startupCopy();
        byte[] accounts = Files.readAllBytes(data.resolve("accounts.csv"));
        String text = new String(accounts, StandardCharsets.UTF_8);
        int offset = text.indexOf("Client A") + "Client ".length();
        accounts[offset] = (byte) 0xC9; // "Client É" saved as Windows-1252: not UTF-8
        Files.write(data.resolve("accounts.csv"), accounts);
        assertOneClearLine(kpikit("score", "--data", data.toString()), "kpikit score: accounts.csv, line 2, byte offset " + offset
                + " (0xC9): the file is not UTF-8 text; save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or set the"
                + " encoding it is saved in, such as windows-1252 (the data source's 'encoding' property, the command line's --encoding, a schedule's 'encoding')");

        KpikitRun run = kpikit("score", "--data", data.toString(), "--encoding", "windows-1252");
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.stdout().contains(",Client \u00c9,"), run.stdout());
    }
}
