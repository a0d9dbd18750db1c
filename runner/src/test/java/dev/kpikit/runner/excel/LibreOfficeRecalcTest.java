package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.SharedEngine;
import dev.kpikit.runner.excel.ScoringLayout.ScoreColumn;
import dev.kpikit.runner.excel.ScoringLayout.SheetName;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * A second spreadsheet engine recalculates the scoring workbook: the startup workbook with the
 * revenue-share weight changed from 30 to 60 (stale cached results left in the file) is converted by
 * headless LibreOffice with "recalculate on load: always" set in a throw-away user profile
 * (OOXMLRecalcMode = 0 in registrymodifications.xcu), and its recalculated scores and tiers must be
 * kpikit's under the changed model. Skipped where soffice is not installed, except in CI (KPIKIT_CI
 * set), where a missing soffice fails: .ci/run installs libreoffice-calc.
 */
class LibreOfficeRecalcTest {

    private static final String RECALC_ALWAYS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    @TempDir
    Path temp;

    static Path soffice() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "soffice"));
        Stream<Path> usual = Stream.of("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                "/Applications/LibreOffice.app/Contents/MacOS/soffice").map(Path::of);
        return Stream.concat(onPath, usual).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** In English and in French, whose sheet names (Modèle, Comptes) the defined names then follow. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void libreOfficeRecalculatesAChangedWeightLikeKpikit(String language) throws Exception {
        Path soffice = soffice();
        if (soffice == null) {
            if (System.getenv("KPIKIT_CI") != null) {
                fail("KPIKIT_CI is set but soffice is not installed: .ci/run installs libreoffice-calc");
            }
            Assumptions.abort("soffice (LibreOffice) is not installed: install libreoffice-calc to run the recalculation check");
        }
        Path data = SharedEngine.sampleData("startup");
        Locale locale = Locale.forLanguageTag(language);
        ReportTexts texts = new ReportTexts(locale);
        Path written = Workbooks.write(data, null, temp.resolve("written.xlsx"), false, locale);
        Path in = Files.createDirectories(temp.resolve("in")).resolve("startup.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(written))) {
            workbook.getSheet(texts.text(SheetName.MODEL)).getRow(1).getCell(2).setCellValue(60); // revenue_share weight 30 -> 60
            try (OutputStream out = Files.newOutputStream(in)) {
                workbook.write(out); // cached results still those of weight 30
            }
        }
        Path profile = temp.resolve("lo-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), RECALC_ALWAYS, StandardCharsets.UTF_8);
        Path outDir = temp.resolve("out");
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", outDir.toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("soffice did not finish in 180 s");
        }
        String log = Files.readString(temp.resolve("soffice.log"));
        Path converted = outDir.resolve("startup.xlsx");
        assertTrue(Files.isRegularFile(converted), "soffice wrote nothing: " + log);

        ScoringModel heavier = ScoringModel.parse(ScoringWorkbookTest.defaultModelJson()
                .replace("\"weight\": 30", "\"weight\": 60"), "heavier");
        Portfolio expected = Workbooks.portfolio(data, heavier);
        Map<String, BigDecimal> kpikit = Workbooks.kpikitScores(expected);
        Map<String, String> kpikitTiers = Workbooks.kpikitTiers(expected);
        Map<String, BigDecimal> before = Workbooks.kpikitScores(Workbooks.portfolio(data, ScoringModel.defaultModel()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(converted))) {
            XSSFSheet accounts = workbook.getSheet(texts.text(SheetName.ACCOUNTS));
            Map<String, Double> scores = Workbooks.numbers(accounts, texts.text(ScoreColumn.SCORE));
            Map<String, String> tiers = Workbooks.texts(accounts, texts.text(ScoreColumn.TIER));
            assertEquals(kpikit.keySet(), scores.keySet());
            int moved = 0;
            for (String id : List.copyOf(kpikit.keySet())) {
                assertEquals(kpikit.get(id).doubleValue(), scores.get(id), 0.01, id);
                assertEquals(kpikitTiers.get(id), tiers.get(id), id);
                moved += kpikit.get(id).compareTo(before.get(id)) != 0 ? 1 : 0;
            }
            assertNotEquals(0, moved, "the changed weight moved scores");
        }
    }
}
