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
        return SharedEngine.get().render(request(folder));
    }

    private RenderRequest request(Path folder) {
        return new RenderRequest(SharedEngine.template("kpi-basics.rptdesign"),
                Map.of("dataFolder", folder.toString()), List.of(OutputFormat.PDF, OutputFormat.XLSX), out,
                Locale.ENGLISH, "kpi-basics");
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
    void aDataErrorShowsTheDataSourceMessageFirstAndAlone() throws Exception {
        Files.writeString(data.resolve("account_revenue.csv"), HEADER + "A,Client A,Enterprise,oops,1\n");
        assertEquals("account_revenue.csv, line 2, column 'revenue_previous' (4): expected a decimal number, found 'oops'",
                renderFails().getMessage());
    }

    @Test
    void textLongerThanAnExcelCellIsCutWithAMarkAndOneWarning() throws Exception {
        String longName = "Northwind-".repeat(4_000); // 40,000 characters
        Files.writeString(data.resolve("account_revenue.csv"), HEADER
                + "A," + longName + ",Enterprise,41000.00,45100.00\n"
                + "B,Client B,SMB,8000.00,8400.00\n");
        List<String> warnings = new java.util.ArrayList<>();
        List<Path> files = SharedEngine.get().render(request(data), document -> { }, warnings::add);

        try (var workbook = Outputs.xlsx(files.get(1))) {
            String cell = findCellStartingWith(workbook, "Northwind-");
            assertTrue(cell != null, "the long name is in the workbook");
            assertEquals(32_767, cell.length());
            assertEquals(longName.substring(0, 32_766) + "\u2026", cell);
        }
        assertEquals(List.of("kpi-basics.xlsx: text longer than an Excel cell holds (32,767 characters) was cut and ends in '\u2026':"
                + " account_revenue.csv, row 2, column 'name' (40,000 characters)"), warnings);
        assertTrue(Outputs.pdfText(files.get(0)).contains("Client B"));
    }

    private static String findCellStartingWith(org.apache.poi.ss.usermodel.Workbook workbook, String start) {
        for (var sheet : workbook) {
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith(start)) {
                        return cell.getStringCellValue();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aFormatThatFailsLeavesNoFileOfTheRunAndTheLastGoodFilesUntouched() throws Exception {
        List<Path> good = render(SharedEngine.sampleData("startup"));
        byte[] goodPdf = Files.readAllBytes(good.get(0));
        byte[] goodXlsx = Files.readAllBytes(good.get(1));
        // the XLSX emitter cannot write where a folder is in the way; the PDF renders first and fine
        Files.createDirectory(out.resolve(".kpi-basics.xlsx.emitted"));
        Files.writeString(data.resolve("account_revenue.csv"), HEADER + "A,Client Z,Enterprise,1.00,2.00\n");
        renderFails();
        Files.deleteIfExists(out.resolve(".kpi-basics.xlsx.emitted"));
        assertTrue(java.util.Arrays.equals(goodPdf, Files.readAllBytes(good.get(0))), "this run's PDF replaced the good one");
        assertTrue(java.util.Arrays.equals(goodXlsx, Files.readAllBytes(good.get(1))), "the good XLSX was touched");
        assertEquals(List.of("kpi-basics.pdf", "kpi-basics.xlsx"),
                Files.list(out).map(f -> f.getFileName().toString()).sorted().toList());
    }

    @Test
    void aDesignTextLongerThanAnExcelCellIsExplainedAndNoFormatIsWritten() throws Exception {
        // not from kpikit's data source, so not cut: a label of the design itself
        Path design = data.resolve("long-label.rptdesign");
        Files.writeString(design, """
                <?xml version="1.0" encoding="UTF-8"?>
                <report xmlns="http://www.eclipse.org/birt/2005/design" version="3.2.23">
                  <body>
                    <label><text-property name="text">%s</text-property></label>
                  </body>
                </report>
                """.formatted("word ".repeat(8_000)));
        ReportFailedException e = assertThrows(ReportFailedException.class, () -> SharedEngine.get().render(new RenderRequest(
                design, Map.of(), List.of(OutputFormat.PDF, OutputFormat.XLSX), out, Locale.ENGLISH, "long-label")));
        assertEquals(design + ": the XLSX output has a text longer than an Excel cell holds (32,767 characters) that does"
                + " not come from kpikit's data source (a label, text or expression of the design); shorten it there,"
                + " or render another format", e.getMessage());
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "not even the PDF, which rendered");
        }
    }

    @Test
    void anOutputFolderBelowARegularFileIsNamedAsNotADirectory() throws Exception {
        Path file = Files.writeString(out.resolve("a-file"), "x");
        ReportFailedException e = assertThrows(ReportFailedException.class, () -> SharedEngine.get().render(
                new RenderRequest(SharedEngine.template("kpi-basics.rptdesign"), Map.of("dataFolder", data.toString()),
                        List.of(OutputFormat.PDF), file.resolve("reports"), Locale.ENGLISH, "kpi-basics")));
        assertEquals("cannot write to " + file.resolve("reports") + ": " + file + " is not a directory", e.getMessage());
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
