package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-templates/key-accounts.rptdesign on a data folder with a net-negative account through the real engine:
 * Alpha 600 and Beta 400 invoiced, Nova 300 invoiced and 1,000 credited (-700). The report renders (it used to fail
 * on "HHI needs non-negative values"), Nova's share is 0 and its explanation says why, the total keeps its -700,
 * and the HHI is that of 60% and 40%: 5,200.
 */
class NetNegativeReportTest {

    @TempDir
    static Path dir;

    private static String text;

    @BeforeAll
    static void render() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("accounts.csv"), """
                account_id,name,segment,strategic_value
                A,Alpha,SMB,3
                B,Beta,SMB,3
                N,Nova,SMB,3
                """);
        Files.writeString(data.resolve("revenue.csv"), """
                date,account_id,amount
                2026-01-10,A,600
                2026-02-10,B,400
                2026-02-11,N,300
                2026-03-01,N,-1000
                """);
        Path out = Files.createDirectories(dir.resolve("out"));
        SharedEngine.get().render(new RenderRequest(SharedEngine.template("key-accounts.rptdesign"),
                Map.of("dataFolder", data.toString()), List.of(OutputFormat.PDF), out, Locale.ENGLISH, "key-accounts"));
        text = Outputs.pdfText(out.resolve("key-accounts.pdf")).replaceAll("\\s+", " ");
    }

    @Test
    void theNetNegativeAccountIsListedWithAZeroShareAndItsMark() {
        assertTrue(text.contains("Nova -700 0.0%"), text);
        assertTrue(text.contains("net revenue negative in the period, counted as a 0% share"), text);
    }

    @Test
    void theOtherSharesArePartsOfThePositiveRevenue() {
        assertTrue(text.contains("Alpha 600 60.0%"), text);
        assertTrue(text.contains("Beta 400 40.0%"), text);
    }

    @Test
    void theTotalKeepsTheCreditNotesAndTheHhiCountsTheAccountAsZero() {
        assertTrue(text.contains("Total 300"), text);
        assertTrue(text.contains("Concentration (KA_HHI) 5,200 HIGH"), text);
        assertTrue(text.contains("Top 5 share (KA_TOP_N_SHARE) 100.0%"), text);
    }
}
