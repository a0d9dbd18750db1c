package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.cli.BadInputCorpusTest.BadInputCase;
import dev.kpikit.runner.cli.BadInputCorpusTest.Run;
import dev.kpikit.runner.engine.SharedEngine;

/**
 * The bad inputs too big to commit, made at run time and checked as the corpus's cases are
 * ({@link BadInputCorpusTest}): exit code 1, one clear message, the previous good output kept.
 */
class GeneratedBadInputTest {

    private static final int MEGABYTE = 1 << 20;

    @TempDir
    Path work;

    private Path folder(String name) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.copy(SharedEngine.sampleData("startup").resolve("accounts.csv"), dir.resolve("accounts.csv"));
        return dir;
    }

    @Test
    void anXlsxZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        Path dir = folder("xlsx-zip-bomb");
        // 200 MB of blanks in the sheet, packed about a thousand to one: a few hundred kB on disk
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("revenue.xlsx")))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="revenue" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                    <row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>account_id</t></is></c>\
                    <c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>""".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = " ".repeat(MEGABYTE).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRefused(dir, "workbook --data {dir} --out {out}/scoring.xlsx", null,
                "revenue.xlsx", "unpacks to more than 100 times its packed size");
    }

    @Test
    void aModelNestedAMillionDeepIsRefusedInOneShortLine() throws IOException {
        Path dir = Files.createDirectories(work.resolve("model-deep-nesting"));
        nested(dir.resolve("model.json"), "{\"factors\": ", MEGABYTE, "}");
        assertRefused(dir, "workbook --data {samples}/startup --model {dir}/model.json --out {out}/scoring.xlsx",
                "workbook --data {samples}/startup --out {out}/scoring.xlsx", "model.json, line 1, column ", "the model nests objects and arrays deeper than 1000 levels");
    }

    @Test
    void aKpiCatalogNestedAMillionDeepIsRefusedAtItsFirstWrongValue() throws IOException {
        Path dir = folder("catalog-deep-nesting");
        Path startup = SharedEngine.sampleData("startup");
        Files.copy(startup.resolve("revenue.csv"), dir.resolve("revenue.csv"));
        Files.copy(startup.resolve("metrics.csv"), dir.resolve("metrics.csv"));
        nested(dir.resolve("kpi-catalog.json"), "{\"metrics\": [\"revenue\"], \"kpis\": ", MEGABYTE, "}");
        assertRefused(dir, "workbook --data {dir} --out {out}/scoring.xlsx", null,
                "kpi-catalog.json: line 1, column 35: expected an object, found an array");
    }

    /** prefix, depth times '[', as many ']', suffix. */
    private static void nested(Path file, String prefix, int depth, String suffix) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file)) {
            writer.write(prefix);
            writer.write("[".repeat(depth));
            writer.write("]".repeat(depth));
            writer.write(suffix);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** As a corpus case with these args (goodArgs null: startup put in for {dir}), and one short message. */
    private void assertRefused(Path dir, String args, String goodArgs, String... expected) throws IOException {
        BadInputCase refusal = BadInputCase.of(dir.getFileName().toString(), args, goodArgs, "startup", List.of(expected));
        refusal.assertRefused(dir, work.resolve("out-" + dir.getFileName()));
        String message = Run.cli(BadInputCase.arguments(args, dir, work.resolve("again"))).err();
        assertTrue(message.length() < 600 && message.strip().lines().count() == 1, message.length() + " characters: " + message);
    }
}
