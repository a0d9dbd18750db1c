package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken data gets an error that names the file, line and column, never a half-written
 * output over a good one, and the engine renders the next report as if nothing happened.
 */
class BadInputTest {

    private static final String HEADER = "account_id,name,segment,revenue_previous,revenue_current\n";

    @TempDir
    Path data;
    @TempDir
    Path out;

    private ReportFailedException renderFails() {
        return assertThrows(ReportFailedException.class, () -> render(data));
    }

    private List<Path> render(Path folder) throws ReportFailedException {
        return SharedEngine.get().render(new RenderRequest(SharedEngine.template("kpi-basics.rptdesign"),
                Map.of("dataFolder", folder.toString()), List.of(OutputFormat.PDF, OutputFormat.XLSX), out,
                Locale.ENGLISH, "kpi-basics"));
    }

    @AfterEach
    void engineStillRendersAGoodReport() throws Exception {
        List<Path> files = render(SharedEngine.sampleData("startup"));
        assertTrue(Outputs.pdfText(files.get(0)).contains("Client A"));
    }

    @Test
    void missingFileIsNamed() {
        String message = renderFails().getMessage();
        assertTrue(message.contains(data.resolve("account_revenue.csv") + " not found"), message);
    }

    @Test
    void malformedNumberNamesFileLineAndColumn() throws Exception {
        Files.writeString(data.resolve("account_revenue.csv"), HEADER
                + "A,Client A,Enterprise,41000.00,45100.00\n"
                + "B,Northwind Labs,SMB,8000.00,84O0.00\n");
        String message = renderFails().getMessage();
        assertTrue(message.contains("account_revenue.csv, line 3, column 'revenue_current' (5)"), message);
        assertTrue(message.contains("84O0.00"), message);
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Files.writeString(data.resolve("account_revenue.csv"),
                "account_id,name,segment,revenue_previous\nA,Client A,Enterprise,41000.00\n");
        String message = renderFails().getMessage();
        assertTrue(message.contains("account_revenue.csv") && message.contains("'revenue_current'"), message);
    }

    @Test
    void aFailedRenderLeavesTheGoodFileInPlace() throws Exception {
        Path good = render(SharedEngine.sampleData("startup")).get(0);
        byte[] before = Files.readAllBytes(good);
        Files.writeString(data.resolve("account_revenue.csv"), HEADER + "A,Client A,Enterprise,oops,1\n");
        renderFails();
        assertEquals(List.of(), List.of(Files.list(out).filter(f -> f.toString().endsWith(".partial")).toArray()));
        assertFalse(before.length == 0);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(good)), "the good PDF was overwritten");
    }
}
