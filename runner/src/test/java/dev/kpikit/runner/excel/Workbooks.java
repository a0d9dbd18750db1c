package dev.kpikit.runner.excel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import dev.kpikit.data.FolderScorecard;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/** Writing scoring workbooks of data folders and reading their columns back, for the tests. */
final class Workbooks {

    private Workbooks() {
    }

    static Portfolio portfolio(Path data, ScoringModel model) throws Exception {
        ScoringFolder folder = new ScoringFolder(data);
        LocalDate asOf = folder.asOfOrLatest(null);
        return folder.portfolio(asOf, PeriodLength.YEAR, model);
    }

    /** Writes the workbook of a folder with a model (the folder's when null); KPIs when the folder has them. */
    static Path write(Path data, ScoringModel model, Path out) throws Exception {
        return write(data, model, out, false, Locale.ENGLISH);
    }

    /**
     * As {@link #write(Path, ScoringModel, Path)}, streamed (as from 20,000 accounts on) when asked, whatever the size,
     * and in {@code language} (KPI labels and statuses).
     */
    static Path write(Path data, ScoringModel model, Path out, boolean streamed, Locale language) throws Exception {
        ScoringFolder folder = new ScoringFolder(data);
        ScoringModel scoring = model == null ? folder.model(null) : model;
        LocalDate asOf = folder.asOfOrLatest(null);
        Portfolio portfolio = folder.portfolio(asOf, PeriodLength.YEAR, scoring);
        List<FolderScorecard.Row> kpis = Files.isRegularFile(data.resolve("kpi-catalog.json"))
                ? FolderScorecard.evaluate(data.resolve("kpi-catalog.json"), data.resolve("metrics.csv"),
                        new FolderScorecard.Options(asOf, null, 0, language))
                : List.of();
        ScoringWorkbook workbook = new ScoringWorkbook(scoring, portfolio, kpis,
                new ScoringWorkbook.Info(data.getFileName().toString(), asOf, language));
        (streamed ? workbook.streamingFrom(1) : workbook).write(out);
        return out;
    }

    static int column(Sheet sheet, String title) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(title)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + title + " on " + sheet.getSheetName());
    }

    /** Account id to the cached or evaluated numeric value of a column. */
    static Map<String, Double> numbers(Sheet accounts, String title) {
        int c = column(accounts, title);
        Map<String, Double> values = new HashMap<>();
        for (Row row : accounts) {
            if (row.getRowNum() > 0) {
                Cell cell = row.getCell(c);
                values.put(row.getCell(0).getStringCellValue(), cell.getCellType() == CellType.FORMULA
                        ? cell.getNumericCellValue() : cell.getNumericCellValue());
            }
        }
        return values;
    }

    static Map<String, String> texts(Sheet accounts, String title) {
        int c = column(accounts, title);
        Map<String, String> values = new HashMap<>();
        for (Row row : accounts) {
            if (row.getRowNum() > 0) {
                values.put(row.getCell(0).getStringCellValue(), row.getCell(c).getStringCellValue());
            }
        }
        return values;
    }

    static Map<String, BigDecimal> kpikitScores(Portfolio portfolio) {
        Map<String, BigDecimal> scores = new HashMap<>();
        for (AccountReport report : portfolio.accounts()) {
            scores.put(report.account().id(), report.score().score());
        }
        return scores;
    }

    static Map<String, String> kpikitTiers(Portfolio portfolio) {
        Map<String, String> tiers = new HashMap<>();
        for (AccountReport report : portfolio.accounts()) {
            tiers.put(report.account().id(), report.score().tier());
        }
        return tiers;
    }

    static Path copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
        return to;
    }

}
