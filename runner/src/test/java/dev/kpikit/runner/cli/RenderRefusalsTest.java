package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;

/**
 * {@code kpikit render} as a user runs it (its own JVM: the command starts and stops BIRT's global platform),
 * refusing report parameters that would read outside the data folder or name an impossible day, and writing its
 * files as any other file of the user's.
 */
class RenderRefusalsTest {

    @TempDir
    Path temp;

    private KpikitRun render(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("render"));
        command.addAll(List.of(args));
        return KpikitRun.of(temp, Duration.ofSeconds(120), command);
    }

    @Test
    void aModelFileParameterOutsideTheDataFolderIsRefusedWithoutReadingIt() throws Exception {
        Path out = temp.resolve("out");
        KpikitRun run = render("--template", SharedEngine.template("key-accounts.rptdesign").toString(),
                "--data", SharedEngine.sampleData("startup").toString(), "--param", "modelFile=../../../../etc/passwd",
                "--out", out.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertTrue(run.stderr().contains("parameter 'modelFile' must stay inside the data folder " + SharedEngine.sampleData("startup")
                + ": '../../../../etc/passwd' leads out of it"), run.stderr());
        assertFalse(run.stderr().contains("root:x:") || run.stderr().contains("Unrecognized token"), "nothing of /etc/passwd: " + run.stderr());
        assertFalse(Files.exists(out.resolve("key-accounts.pdf")));
    }

    /**
     * A data folder of Excel "CSV" tables (windows-1252): render was refused with "set the encoding it is saved in ...
     * (the data source's 'encoding' property, the command line's --encoding)", and render had no --encoding (an unknown
     * option), nor a parameter for it. Now --encoding reads it, in the PDF and in the XLSX (its own run); a wrong name is
     * said before anything is rendered.
     */
    @Test
    void encodingReadsAWindows1252FolderAsScoreDoes() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path startup = SharedEngine.sampleData("startup");
        Files.copy(startup.resolve("revenue.csv"), data.resolve("revenue.csv"));
        Files.write(data.resolve("accounts.csv"), Files.readString(startup.resolve("accounts.csv"))
                .replace("Client A", "Caf\u00e9 M\u00fcller").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path out = temp.resolve("out");
        KpikitRun refused = render("--template", SharedEngine.template("key-accounts.rptdesign").toString(), "--data", data.toString(),
                "--out", out.toString());
        assertEquals(1, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("the command line's --encoding"), refused.stderr());
        KpikitRun run = render("--template", SharedEngine.template("key-accounts.rptdesign").toString(), "--data", data.toString(),
                "--encoding", "windows-1252", "--format", "pdf,xlsx", "--out", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        String pdf = dev.kpikit.runner.engine.Outputs.pdfText(out.resolve("key-accounts.pdf")).replaceAll(" +", " ");
        assertTrue(pdf.contains("1 Caf\u00e9 M\u00fcller 558,447 42.9%"), pdf);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("key-accounts.xlsx").toFile())) {
            boolean found = false;
            for (var row : workbook.getSheetAt(0)) {
                for (var cell : row) {
                    found |= cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("Caf\u00e9 M\u00fcller");
                }
            }
            assertTrue(found, "the name in the XLSX");
        }
        KpikitRun unknown = render("--template", SharedEngine.template("key-accounts.rptdesign").toString(), "--data", data.toString(),
                "--encoding", "klingon", "--out", temp.resolve("none").toString());
        assertEquals(1, unknown.exit(), unknown.stderr());
        assertEquals("kpikit render: --encoding 'klingon' names no known character set; use UTF-8, windows-1252, ISO-8859-1"
                + " or another Java charset name", unknown.stderr().strip());
    }

    @Test
    void anImpossibleAsOfDateIsRefusedNamingTheParameter() throws Exception {
        Path out = temp.resolve("out");
        KpikitRun run = render("--scenario", "startup", "--param", "asOf=2026-02-30", "--out", out.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("kpikit render: " + SharedEngine.template("startup.rptdesign") + ", parameter 'asOf': '2026-02-30' is not a day"
                + " of the calendar; expected a date yyyy-MM-dd", run.stderr().strip());
        assertFalse(Files.exists(out.resolve("startup.pdf")), "nothing rendered for March 2");
    }

    @Test
    void aReplacedOutputKeepsItsMode() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Path pdf = Files.writeString(out.resolve("startup.pdf"), "previous");
        Files.setPosixFilePermissions(pdf, PosixFilePermissions.fromString("rw-r-----"));
        KpikitRun run = render("--scenario", "startup", "--out", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf)));
    }

    @Test
    void aDirectoryWhereAnOutputGoesIsRefusedNamingIt() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Path inTheWay = Files.createDirectories(out.resolve("startup.pdf/kept"));
        KpikitRun run = render("--scenario", "startup", "--out", out.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("kpikit render: cannot write to " + inTheWay.getParent() + ": it is a directory; name a file",
                run.stderr().strip());
        assertTrue(Files.isDirectory(inTheWay));
    }

    @Test
    void anOutputThatWouldReplaceATableOfTheDataFolderIsRefused() throws Exception {
        Path data = startupDataWithAnXlsxTable();
        Path table = data.resolve("startup.xlsx");
        KpikitRun run = render("--scenario", "startup", "--data", data.toString(), "--format", "pdf,xlsx", "--out", data.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("kpikit render: cannot write to " + table + ": it is a table of the data folder " + data
                + ", which the report reads; choose another --out", run.stderr().strip());
        assertEquals("a table kept as xlsx", Files.readString(table));
        assertFalse(Files.exists(data.resolve("startup.pdf")), "all formats or none");
    }

    @Test
    void aDataFolderParameterIsTheFolderReadAlsoForAScenarioAndIsGuardedAsDataIs() throws Exception {
        Path data = startupDataWithAnXlsxTable();
        Path table = data.resolve("startup.xlsx");
        // the scenario's sample folder was read instead, and the guard did not know the folder: the table was replaced
        KpikitRun run = render("--scenario", "startup", "--param", "dataFolder=" + data, "--format", "pdf,xlsx", "--out", data.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("kpikit render: cannot write to " + table + ": it is a table of the data folder " + data
                + ", which the report reads; choose another --out", run.stderr().strip());
        assertEquals("a table kept as xlsx", Files.readString(table));

        KpikitRun twice = render("--scenario", "startup", "--data", data.toString(), "--param", "dataFolder=/etc", "--out", data.toString());
        assertEquals(2, twice.exit(), twice.stderr());
        assertEquals("kpikit render: the data folder is given twice, by --data and by --param dataFolder; give it once",
                twice.stderr().strip());
    }

    /** A copy of the startup sample with a table saved as startup.xlsx: what an XLSX output of startup would replace. */
    private Path startupDataWithAnXlsxTable() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (var files = Files.list(SharedEngine.sampleData("startup"))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        Files.writeString(data.resolve("startup.xlsx"), "a table kept as xlsx");
        return data;
    }

    @Test
    void anAsOfBeyondYear9999IsRefusedNamingTheParameterAndTheRange() throws Exception {
        Path out = temp.resolve("out");
        KpikitRun run = render("--scenario", "startup", "--param", "asOf=+999999999-12-31", "--out", out.toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("kpikit render: " + SharedEngine.template("startup.rptdesign") + ", parameter 'asOf': '+999999999-12-31' is"
                + " outside the calendar kpikit reckons with; expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31",
                run.stderr().strip());
        assertFalse(Files.exists(out.resolve("startup.pdf")));
    }
}
