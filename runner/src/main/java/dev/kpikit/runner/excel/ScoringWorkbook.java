package dev.kpikit.runner.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IconMultiStateFormatting;
import org.apache.poi.ss.usermodel.IconMultiStateFormatting.IconSet;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;

import dev.kpikit.birt.oda.TextLimit;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Status;
import dev.kpikit.kpi.Unit;
import dev.kpikit.scoring.Account;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.Factor;
import dev.kpikit.scoring.FactorCells;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.RuleCells;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import dev.kpikit.scoring.Tier;
import dev.kpikit.scoring.TierRule;
import dev.kpikit.runner.engine.AtomicFile;
import dev.kpikit.runner.engine.OutputFolder;
import dev.kpikit.runner.excel.ScoringLayout.AccountColumn;
import dev.kpikit.runner.excel.ScoringLayout.AccountColumns;
import dev.kpikit.runner.excel.ScoringLayout.FactorColumn;
import dev.kpikit.runner.excel.ScoringLayout.KpiColumn;
import dev.kpikit.runner.excel.ScoringLayout.Note;
import dev.kpikit.runner.excel.ScoringLayout.PerFactorColumn;
import dev.kpikit.runner.excel.ScoringLayout.RuleColumn;
import dev.kpikit.runner.excel.ScoringLayout.ScoreColumn;
import dev.kpikit.runner.excel.ScoringLayout.SheetName;
import dev.kpikit.runner.excel.ScoringLayout.Text;
import dev.kpikit.runner.excel.ScoringLayout.TierColumn;

/**
 * The live scoring workbook, its sheet names, headings and notes in the language of {@link Info#language()}, in the
 * report texts' words (the model's own names, such as factors, inputs and tiers, stay as the model file writes them,
 * and the defined names formulas use, such as {@code W_0} and {@code TierNames}, as here). Sheet {@code Model} (named
 * here in English) holds the model's weights, bounds, tier thresholds
 * and rule parameters as editable named cells; sheet {@code Accounts} has one row per account with
 * its inputs and every normalised value, contribution, score and tier as an Excel formula over
 * {@code Model}, so a changed weight re-scores and re-tiers every account; sheet {@code KPIs} lists the
 * scenario's KPIs by period with a status icon set and a line chart.
 *
 * <p>Formulas reproduce {@link ScoringModel}: FIXED_SCALE and MIN_MAX clamp (x - low) / (high - low)
 * to 0..1 (MIN_MAX gives 0.5 when all values are equal); PERCENTILE_RANK is kpikit's mid-rank
 * (below + (equal - 1) / 2) / (n - 1) with COUNTIF; ZERO, MEAN, MEDIAN and EXCLUDE missing policies
 * (EXCLUDE re-weights the factors present). Each factor's exact points are rounded to cents the way
 * kpikit rounds them (largest remainder: cut down to the cent, the cents short of the rounded sum go
 * to the largest remainders, earlier factors first on ties), so they add up to the score. Tier = number
 * of tiers whose minimum is above the score, then each rule (maxTierBelowShare, minTierWhen) in model order, as kpikit applies them.
 *
 * <p>Text (names, ids, segments) is written as string cells with Excel's quote prefix, so a name like
 * {@code =HYPERLINK(...)} stays inert text even when a user edits the cell. Above
 * {@link #STREAMING_ROWS} accounts the workbook is written with SXSSF (a sliding window of rows),
 * without cached formula results (Excel and LibreOffice recalculate on open).
 */
public final class ScoringWorkbook {

    /** From this many accounts on, rows are streamed and formulas are not evaluated before saving. */
    public static final int STREAMING_ROWS = 20_000;
    /** Accounts the Accounts sheet holds at most: an Excel sheet's 1,048,576 rows less the header. */
    static final int MAX_ACCOUNTS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /**
     * Refuses, before a byte is written, a portfolio that Excel cannot hold on one sheet (POI would refuse the row after
     * minutes of writing the others).
     */
    static void fitsOneSheet(int accounts) {
        if (accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d accounts do not fit on a workbook's"
                    + " Accounts sheet: an Excel sheet holds %,d rows, a header and %,d accounts; score them to a CSV file"
                    + " instead (kpikit score --out FILE.csv), or split the data folder", accounts,
                    SpreadsheetVersion.EXCEL2007.getMaxRows(), MAX_ACCOUNTS));
        }
    }

    /** Row of the first factor on the Model sheet (0-based; row 0 is the header). */
    private static final int FIRST_FACTOR_ROW = 1;
    /** The defined names of the tier table's columns. */
    private static final String TIER_NAMES = "TierNames";
    private static final String TIER_MINS = "TierMins";

    /**
     * What the workbook is about, for its document properties, and the language of its texts: sheet names, headings,
     * notes and a KPI's status, in the reports' words.
     */
    public record Info(String scenario, LocalDate asOf, Locale language) {
    }

    private final ScoringModel model;
    private final Portfolio portfolio;
    private final List<FolderScorecard.Row> kpis;
    private final Info info;

    private Workbook workbook;
    /** Accounts from which the workbook is streamed: {@link #STREAMING_ROWS}, fewer in tests of the streamed form. */
    private int streamingFrom = STREAMING_ROWS;
    private Styles styles;
    private final ReportTexts texts;
    /** The sheets' names in the workbook's language, as formulas write them ({@code Modèle}, {@code 'Mi hoja'}). */
    private final Map<SheetName, String> sheetRefs = new EnumMap<>(SheetName.class);
    private final AccountColumns columns;
    private int tierRow;
    private int ruleRow;
    /** Each sheet's column titles, to name the column of a cut text (a streamed sheet's header row is gone by then). */
    private final Map<String, String[]> titles = new HashMap<>();
    /** Where a text longer than a cell holds was cut, for the caller to say (see {@link #cutTexts}). */
    private final List<String> cut = new ArrayList<>();

    public ScoringWorkbook(ScoringModel model, Portfolio portfolio, List<FolderScorecard.Row> kpis, Info info) {
        this.model = model;
        this.portfolio = portfolio;
        this.kpis = kpis == null ? List.of() : kpis;
        this.info = info;
        texts = new ReportTexts(info.language());
        for (SheetName sheet : SheetName.values()) {
            sheetRefs.put(sheet, SheetNameFormatter.format(texts.text(sheet)));
        }
        // the input columns of the Accounts sheet: every factor's input and every rule's, in FactorInput order
        Set<FactorInput> inputs = EnumSet.of(FactorInput.REVENUE); // shown even when no factor reads it
        model.factors().forEach(factor -> inputs.add(factor.input()));
        model.rules().forEach(rule -> inputs.add(rule.input()));
        columns = new AccountColumns(inputs, model.factors().size());
    }

    /**
     * Writes the workbook to a file, replaced when it exists, through a temporary file moved into
     * place: a failure never leaves half a workbook over a good one.
     *
     * @throws OutputFolder.NotWritableException when the file's folder cannot be written, saying why
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, this::write);
    }

    /** Streams the workbook from {@code accounts} accounts on, for tests that hold both forms to the same cells. */
    ScoringWorkbook streamingFrom(int accounts) {
        streamingFrom = accounts;
        return this;
    }

    /**
     * Where the last write cut a text longer than an Excel cell holds (32,767 characters) to its start and
     * {@link TextLimit#MARK}, such as {@code sheet 'Accounts', cell B2, column 'Name' (40,000 characters)}: POI refuses
     * such a cell, and the workbook would not be written at all. Empty when nothing was cut.
     */
    public List<String> cutTexts() {
        return List.copyOf(cut);
    }

    public void write(OutputStream out) throws IOException {
        fitsOneSheet(portfolio.accounts().size());
        cut.clear();
        boolean streaming = portfolio.accounts().size() >= streamingFrom;
        SXSSFWorkbook sxssf = null;
        if (streaming) {
            sxssf = new StreamingWorkbook(500);
            workbook = sxssf;
        } else {
            workbook = new XSSFWorkbook();
        }
        try {
            styles = new Styles(workbook);
            properties(streaming ? sxssf.getXSSFWorkbook() : (XSSFWorkbook) workbook);
            Sheet modelSheet = workbook.createSheet(texts.text(SheetName.MODEL));
            Sheet accounts = workbook.createSheet(texts.text(SheetName.ACCOUNTS));
            Sheet kpiSheet = kpis.isEmpty() ? null : workbook.createSheet(texts.text(SheetName.KPIS));
            modelSheet(modelSheet);
            accountsSheet(accounts);
            if (kpiSheet != null) {
                kpiSheet(kpiSheet, streaming ? sxssf.getXSSFWorkbook().getSheet(kpiSheet.getSheetName()) : (XSSFSheet) kpiSheet);
            }
            workbook.setActiveSheet(1);
            workbook.setForceFormulaRecalculation(true);
            if (!streaming) {
                // cached results, for viewers that do not calculate (previews, mail clients, pandas)
                XSSFFormulaEvaluator.evaluateAllFormulaCells((XSSFWorkbook) workbook);
                // columns as wide as their values, long texts wrapped: readable on screen and printed at 100 %
                PrintLayout.layOut((XSSFWorkbook) workbook);
            }
            workbook.write(out);
        } finally {
            if (sxssf != null) {
                sxssf.close(); // deletes the temporary sheet files SXSSF streamed rows into
            }
            workbook.close();
        }
    }

    private void properties(XSSFWorkbook xssf) {
        POIXMLProperties properties = xssf.getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(texts.text(Note.TITLE, info.scenario()));
        core.setSubjectProperty(texts.text(Note.SUBJECT, model.name()));
        core.setCreator("kpikit");
        core.setKeywords(texts.text(Note.KEYWORDS));
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("kpikit.scenario", info.scenario());
        custom.addProperty("kpikit.asOf", info.asOf().toString());
        custom.addProperty("kpikit.model", model.name());
    }

    // ---------------------------------------------------------------- Model

    private void modelSheet(Sheet sheet) {
        List<Factor> factors = model.factors();
        header(sheet.createRow(0), headings(FactorColumn.values()));
        for (int i = 0; i < factors.size(); i++) {
            Factor factor = factors.get(i);
            int r = FIRST_FACTOR_ROW + i;
            Row row = sheet.createRow(r);
            text(row, FactorColumn.FACTOR.ordinal(), factor.id());
            text(row, FactorColumn.INPUT.ordinal(), factor.input().key());
            number(row, FactorColumn.WEIGHT.ordinal(), factor.weight(), styles.editable);
            text(row, FactorColumn.NORMALISATION.ordinal(), factor.normalisation().name());
            if (factor.normalisation().hasBounds()) {
                number(row, FactorColumn.MIN.ordinal(), factor.min(), styles.editable);
                number(row, FactorColumn.MAX.ordinal(), factor.max(), styles.editable);
            }
            text(row, FactorColumn.MISSING.ordinal(), factor.missing().name());
            String fill = factor.missing().excelFill(factorCells(i, 0));
            if (fill != null) {
                formula(row, FactorColumn.FILL.ordinal(), fill, styles.decimal);
            }
            name(weight(i), FactorColumn.WEIGHT, r);
            name("Min_" + i, FactorColumn.MIN, r);
            name("Max_" + i, FactorColumn.MAX, r);
            name("Fill_" + i, FactorColumn.FILL, r);
        }
        String weights = FactorColumn.WEIGHT.letter();
        String modelSheet = sheetRefs.get(SheetName.MODEL);
        rangeName("Weights", modelSheet + "!$" + weights + "$" + (FIRST_FACTOR_ROW + 1) + ":$" + weights + "$"
                + (FIRST_FACTOR_ROW + factors.size()));

        tierRow = FIRST_FACTOR_ROW + factors.size() + 2;
        header(sheet.createRow(tierRow - 1), headings(TierColumn.values()));
        List<Tier> tiers = model.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            Row row = sheet.createRow(tierRow + i);
            text(row, TierColumn.TIER.ordinal(), tiers.get(i).name());
            number(row, TierColumn.MIN_SCORE.ordinal(), tiers.get(i).minScore(), styles.editable);
            row.createCell(TierColumn.POSITION.ordinal()).setCellValue(i);
        }
        String first = "$" + (tierRow + 1);
        String last = "$" + (tierRow + tiers.size());
        rangeName(TIER_NAMES, modelSheet + "!$" + TierColumn.TIER.letter() + first + ":$" + TierColumn.TIER.letter() + last);
        rangeName(TIER_MINS, modelSheet + "!$" + TierColumn.MIN_SCORE.letter() + first + ":$" + TierColumn.MIN_SCORE.letter() + last);

        ruleRow = tierRow + tiers.size() + 2;
        header(sheet.createRow(ruleRow - 1), headings(RuleColumn.values()));
        List<TierRule> rules = model.rules();
        for (int i = 0; i < rules.size(); i++) {
            TierRule rule = rules.get(i);
            Row row = sheet.createRow(ruleRow + i);
            text(row, RuleColumn.RULE.ordinal(), rule.type());
            text(row, RuleColumn.TIER.ordinal(), rule.tier());
            text(row, RuleColumn.INPUT.ordinal(), rule.input().key());
            number(row, RuleColumn.THRESHOLD.ordinal(), rule.threshold(),
                    rule.input() == FactorInput.REVENUE_SHARE ? styles.editablePercent : styles.editable);
            text(row, RuleColumn.MEANING.ordinal(), texts.meaning(rule));
            name("RuleTier_" + i, RuleColumn.TIER, ruleRow + i);
            name("RuleValue_" + i, RuleColumn.THRESHOLD, ruleRow + i);
        }
        sheet.createFreezePane(0, 1);
        for (FactorColumn column : FactorColumn.values()) {
            sheet.setColumnWidth(column.ordinal(), column.width * 256);
        }
        printSetup(sheet, 0, ruleRow + rules.size(), FactorColumn.values().length - 1, false);
    }

    // ---------------------------------------------------------------- Accounts

    private void accountsSheet(Sheet sheet) {
        List<Factor> factors = model.factors();
        AccountColumns c = columns;

        Row head = sheet.createRow(0);
        List<String> titles = new ArrayList<>(List.of(headings(AccountColumn.values())));
        c.inputs().forEach(input -> titles.add(input.key())); // as the model file names them, like the factors
        for (PerFactorColumn column : PerFactorColumn.values()) {
            factors.forEach(factor -> titles.add(texts.text(column, factor.id())));
        }
        titles.addAll(List.of(headings(ScoreColumn.values())));
        header(head, titles.toArray(String[]::new));

        List<AccountReport> reports = portfolio.accounts();
        for (int i = 0; i < reports.size(); i++) {
            AccountReport report = reports.get(i);
            Account account = report.account();
            int r = i + 1;
            int excelRow = r + 1;
            Row row = sheet.createRow(r);
            text(row, AccountColumns.ID, account.id());
            text(row, AccountColumns.NAME, account.name());
            text(row, AccountColumns.SEGMENT, account.segment());
            for (FactorInput input : c.inputs()) {
                BigDecimal value = account.input(input);
                if (value != null) {
                    number(row, c.input(input), value, inputStyle(input));
                }
            }
            String included = c.cell(c.at(ScoreColumn.WEIGHT_INCLUDED), excelRow);
            StringBuilder weightIncluded = new StringBuilder();
            List<String> exact = new ArrayList<>();
            for (int f = 0; f < factors.size(); f++) {
                String normal = c.cell(c.normalised(f), excelRow);
                formula(row, c.normalised(f), factors.get(f).excel(factorCells(f, excelRow)), styles.normal);
                weightIncluded.append(f == 0 ? "" : "+").append("IF(ISNUMBER(").append(normal).append("),")
                        .append(weight(f)).append(",0)");
                formula(row, c.exactPoints(f), "IF(AND(ISNUMBER(" + normal + ")," + included + "<>0),100*" + weight(f)
                        + "*" + normal + "/" + included + ",0)", styles.decimal);
                exact.add(c.cell(c.exactPoints(f), excelRow));
            }
            formula(row, c.at(ScoreColumn.WEIGHT_INCLUDED), weightIncluded.toString(), styles.decimal);
            formula(row, c.at(ScoreColumn.CENTS_SHORT), centsShort(exact), null);
            for (int f = 0; f < factors.size(); f++) {
                formula(row, c.points(f), largestRemainder(exact, f, c.cell(c.at(ScoreColumn.CENTS_SHORT), excelRow)), styles.decimal);
            }
            String score = c.cell(c.at(ScoreColumn.SCORE), excelRow);
            formula(row, c.at(ScoreColumn.SCORE), "ROUND(SUM(" + c.cell(c.points(0), excelRow) + ":"
                    + c.cell(c.points(factors.size() - 1), excelRow) + "),2)", styles.decimal);
            String scoreTierPos = "COUNTIF(" + TIER_MINS + ",\">\"&" + score + ")";
            formula(row, c.at(ScoreColumn.SCORE_TIER), "INDEX(" + TIER_NAMES + "," + scoreTierPos + "+1)", null);
            formula(row, c.at(ScoreColumn.TIER_POSITION), rules(scoreTierPos, excelRow), null);
            formula(row, c.at(ScoreColumn.TIER), "INDEX(" + TIER_NAMES + "," + c.cell(c.at(ScoreColumn.TIER_POSITION), excelRow) + "+1)", styles.bold);
            number(row, c.at(ScoreColumn.KPIKIT_SCORE), report.score().score(), styles.decimal);
            text(row, c.at(ScoreColumn.KPIKIT_TIER), report.score().tier());
        }
        int lastRow = Math.max(1, reports.size());
        sheet.createFreezePane(AccountColumns.SEGMENT, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, c.last()));
        if (sheet instanceof SXSSFSheet streamed) {
            streamed.trackAllColumnsForAutoSizing();
        }
        sheet.setColumnWidth(AccountColumns.ID, 12 * 256);
        sheet.setColumnWidth(AccountColumns.NAME, 28 * 256);
        sheet.setColumnWidth(AccountColumns.SEGMENT, 14 * 256);
        for (int col = c.firstInput(); col <= c.last(); col++) {
            sheet.setColumnWidth(col, Math.min(24, Math.max(11, titles.get(col).length() + 2)) * 256);
        }
        printSetup(sheet, 0, lastRow, c.last(), true);
    }

    /** Where factor {@code f}'s terms are, for an account on row {@code excelRow} (row 0: none, for the Model sheet). */
    private FactorCells factorCells(int f, int excelRow) {
        FactorInput input = model.factors().get(f).input();
        return new FactorTerms(excelRow == 0 ? null : columns.cell(columns.input(input), excelRow), inputRange(input),
                "Min_" + f, "Max_" + f, "Fill_" + f);
    }

    private record FactorTerms(String input, String population, String min, String max, String fill) implements FactorCells {
    }

    /** A text as a string in an Excel formula: in quotes, a quote in it written twice. */
    private static String excelString(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String weight(int f) {
        return "W_" + f;
    }

    /** The tier position after the model's rules, in their order, starting from the score's own. */
    private String rules(String scoreTierPos, int excelRow) {
        String current = scoreTierPos;
        List<TierRule> rules = model.rules();
        for (int i = 0; i < rules.size(); i++) {
            String tier = "RuleTier_" + i;
            String threshold = "RuleValue_" + i;
            current = rules.get(i).excel(current, new RuleCells() {
                @Override
                public String input(FactorInput input) {
                    return columns.cell(columns.input(input), excelRow);
                }

                @Override
                public String tier() {
                    return tier;
                }

                @Override
                public String threshold() {
                    return threshold;
                }

                @Override
                public String tierNames() {
                    return TIER_NAMES;
                }
            });
        }
        return current;
    }

    private String inputRange(FactorInput input) {
        String letter = columns.letter(columns.input(input));
        int last = Math.max(2, portfolio.accounts().size() + 1);
        return sheetRefs.get(SheetName.ACCOUNTS) + "!$" + letter + "$2:$" + letter + "$" + last;
    }

    private CellStyle inputStyle(FactorInput input) {
        return switch (input) {
            case REVENUE -> styles.currency;
            case REVENUE_SHARE, REVENUE_GROWTH -> styles.percent;
            default -> styles.decimal;
        };
    }

    // ---------------------------------------------------------------- KPIs

    private void kpiSheet(Sheet sheet, XSSFSheet xssf) {
        header(sheet.createRow(0), headings(KpiColumn.values()));
        List<KpiResult> rows = kpis.stream().map(FolderScorecard.Row::result)
                .sorted(Comparator.comparing((KpiResult k) -> k.period().grain())
                        .thenComparing(KpiResult::kpiId).thenComparing(KpiResult::period))
                .toList();
        // the chart: the first KPI with values at the finest grain, value and target over its periods
        String chartKpi = null;
        int chartFirst = -1;
        int chartLast = -1;
        for (int i = 0; i < rows.size(); i++) {
            KpiResult k = rows.get(i);
            int r = i + 1;
            Row row = sheet.createRow(r);
            Cell period = row.createCell(KpiColumn.PERIOD.ordinal());
            period.setCellValue(k.period().start());
            period.setCellStyle(styles.month);
            text(row, KpiColumn.GRAIN.ordinal(), texts.grain(k.period().grain()));
            text(row, KpiColumn.KPI.ordinal(), k.kpiId());
            text(row, KpiColumn.LABEL.ordinal(), k.label());
            CellStyle style = switch (k.unit() == null ? Unit.NUMBER : k.unit()) {
                case PERCENT -> styles.percent;
                case CURRENCY -> styles.currency;
                case COUNT -> styles.integer;
                default -> styles.decimal;
            };
            if (k.value() != null) {
                number(row, KpiColumn.VALUE.ordinal(), k.value(), style);
            }
            if (k.target() != null) {
                number(row, KpiColumn.TARGET.ordinal(), k.target(), style);
            }
            text(row, KpiColumn.STATUS.ordinal(), texts.status(k.status()));
            if (k.statusScore() != null) {
                number(row, KpiColumn.STATUS_SCORE.ordinal(), k.statusScore(), styles.decimal);
            }
            if (k.trend() != null) {
                row.createCell(KpiColumn.TREND.ordinal()).setCellValue(k.trend());
            }
            if (chartKpi == null && k.value() != null) {
                chartKpi = k.kpiId();
                chartFirst = r;
            }
            if (k.kpiId().equals(chartKpi) && k.period().grain() == rows.get(chartFirst - 1).period().grain()) {
                chartLast = r;
            }
        }
        int lastRow = Math.max(1, rows.size());
        int statusScore = KpiColumn.STATUS_SCORE.ordinal();
        int status = KpiColumn.STATUS.ordinal();
        SheetConditionalFormatting conditional = sheet.getSheetConditionalFormatting();
        var rule = conditional.createConditionalFormattingRule(IconSet.GYR_3_TRAFFIC_LIGHTS);
        IconMultiStateFormatting icons = rule.getMultiStateFormatting();
        icons.getThresholds()[0].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[0].setValue(-1d);
        icons.getThresholds()[1].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[1].setValue(-0.5);
        icons.getThresholds()[2].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[2].setValue(0.5);
        conditional.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, lastRow, statusScore, statusScore)}, rule);
        var red = conditional.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                excelString(texts.status(Status.RED)));
        red.createFontFormatting().setFontColorIndex(IndexedColors.RED.getIndex());
        var green = conditional.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                excelString(texts.status(Status.GREEN)));
        green.createFontFormatting().setFontColorIndex(IndexedColors.GREEN.getIndex());
        conditional.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, lastRow, status, status)}, red, green);

        sheet.createFreezePane(0, 1);
        int lastColumn = KpiColumn.values().length - 1;
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, lastColumn));
        for (KpiColumn column : KpiColumn.values()) {
            sheet.setColumnWidth(column.ordinal(), column.width * 256);
        }
        printSetup(sheet, 0, lastRow, lastColumn, true);
        if (chartKpi != null && chartLast > chartFirst) {
            chart(xssf, chartKpi, chartFirst, chartLast);
        }
    }

    private void chart(XSSFSheet sheet, String kpi, int first, int last) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, KpiColumn.values().length + 1, 1, KpiColumn.values().length + 11, 20); // right of the table
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(texts.text(Note.CHART_TITLE, kpi));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<Double> periods = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, KpiColumn.PERIOD.ordinal(), KpiColumn.PERIOD.ordinal()));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, KpiColumn.VALUE.ordinal(), KpiColumn.VALUE.ordinal()));
        XDDFNumericalDataSource<Double> targets = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, KpiColumn.TARGET.ordinal(), KpiColumn.TARGET.ordinal()));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        XDDFLineChartData.Series value = (XDDFLineChartData.Series) data.addSeries(periods, values);
        value.setTitle(texts.text(KpiColumn.VALUE), new CellReference(sheet.getSheetName(), 0, KpiColumn.VALUE.ordinal(), true, true));
        value.setSmooth(false);
        XDDFLineChartData.Series target = (XDDFLineChartData.Series) data.addSeries(periods, targets);
        target.setTitle(texts.text(KpiColumn.TARGET), new CellReference(sheet.getSheetName(), 0, KpiColumn.TARGET.ordinal(), true, true));
        target.setSmooth(false);
        chart.plot(data);
    }

    // ---------------------------------------------------------------- helpers

    private void printSetup(Sheet sheet, int firstRow, int lastRow, int lastCol, boolean landscape) {
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, lastCol, firstRow, lastRow);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        // printed at full size: a wide sheet spans several pages wide with its frozen columns (the account)
        // repeated on each, rather than shrunk onto one page wide to unreadable type
        sheet.setFitToPage(false);
        PaneInformation pane = sheet.getPaneInformation();
        if (pane != null && pane.getVerticalSplitPosition() > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, pane.getVerticalSplitPosition() - 1));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setScale((short) 100);
        print.setLandscape(landscape);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    }

    /** A defined name for a cell of the Model sheet. */
    private void name(String name, Enum<?> column, int row) {
        rangeName(name, sheetRefs.get(SheetName.MODEL) + "!$" + CellReference.convertNumToColString(column.ordinal()) + "$" + (row + 1));
    }

    private void rangeName(String name, String formula) {
        Name defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula(formula);
    }

    private String[] headings(Text... columns) {
        return Arrays.stream(columns).map(texts::text).toArray(String[]::new);
    }

    private void header(Row row, String... titles) {
        this.titles.put(row.getSheet().getSheetName(), titles);
        for (int c = 0; c < titles.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(titles[c]);
            cell.setCellStyle(styles.header);
        }
    }

    /** A text cell; text that Excel could take for a formula gets the quote prefix and stays text. */
    private void text(Row row, int column, String value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(fitted(row, column, value));
        if (Injection.looksLikeFormula(value)) {
            cell.setCellStyle(styles.quoted);
        }
    }

    /** The text, or its start ending in {@link TextLimit#MARK} when it is longer than a cell holds; a cut is noted. */
    private String fitted(Row row, int column, String value) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (value.length() <= max) {
            return value;
        }
        int keep = max - TextLimit.MARK.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--; // never half a character
        }
        String sheet = row.getSheet().getSheetName();
        String[] columnTitles = titles.get(sheet);
        String title = columnTitles != null && column < columnTitles.length ? ", column '" + columnTitles[column] + "'" : "";
        cut.add(String.format(Locale.ROOT, "sheet '%s', cell %s%s (%,d characters)", sheet,
                new CellReference(row.getRowNum(), column).formatAsString(false), title, value.length()));
        return value.substring(0, keep) + TextLimit.MARK;
    }

    /**
     * kpikit's largest-remainder cents (Hamilton's method) as formulas: the cents the points cut down to the cent
     * fall short of their rounded sum, ...
     */
    private static String centsShort(List<String> exact) {
        String floors = exact.stream().map(e -> "ROUNDDOWN(" + e + ",2)").collect(Collectors.joining("+"));
        return "ROUND((ROUND(SUM(" + exact.get(0) + ":" + exact.get(exact.size() - 1) + "),2)-(" + floors + "))*100,0)";
    }

    /**
     * ... and each factor's points cut down to the cent, plus a cent when its remainder ranks among the cents short:
     * its rank is the number of factors whose remainder is larger, earlier factors winning ties (kpikit's order).
     * Remainders within {@link #TIE} of each other are a tie: kpikit's exact decimals tie where Excel's doubles can
     * differ in the last bit.
     */
    private static String largestRemainder(List<String> exact, int f, String centsShort) {
        String mine = remainder(exact.get(f));
        StringBuilder rank = new StringBuilder();
        for (int g = 0; g < exact.size(); g++) {
            if (g != f) {
                rank.append(rank.isEmpty() ? "" : "+").append("IF(").append(remainder(exact.get(g))).append(">")
                        .append(mine).append(g < f ? "-" : "+").append(TIE).append(",1,0)");
            }
        }
        return "ROUNDDOWN(" + exact.get(f) + ",2)+IF(" + (rank.isEmpty() ? "0" : rank) + "<" + centsShort + ",0.01,0)";
    }

    /** Points closer than this are equal (a millionth of a cent). */
    private static final String TIE = "1E-8";

    private static String remainder(String exact) {
        return "(" + exact + "-ROUNDDOWN(" + exact + ",2))";
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void formula(Row row, int column, String formula, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellFormula(formula);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The workbook's few cell styles (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle editable;
        final CellStyle editablePercent;
        final CellStyle decimal;
        final CellStyle integer;
        final CellStyle normal;
        final CellStyle percent;
        final CellStyle currency;
        final CellStyle month;
        final CellStyle bold;
        final CellStyle quoted;

        Styles(Workbook workbook) {
            DataFormat format = workbook.createDataFormat();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            editable = workbook.createCellStyle();
            editable.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            editable.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            editable.setDataFormat(format.getFormat("0.####"));
            editablePercent = workbook.createCellStyle();
            editablePercent.cloneStyleFrom(editable);
            editablePercent.setDataFormat(format.getFormat("0.0%"));
            decimal = formatted(workbook, "#,##0.00");
            integer = formatted(workbook, "#,##0");
            normal = formatted(workbook, "0.000");
            percent = formatted(workbook, "0.0%");
            currency = formatted(workbook, "#,##0.00");
            month = formatted(workbook, "yyyy-mm-dd");
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
        }

        private static CellStyle formatted(Workbook workbook, String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
