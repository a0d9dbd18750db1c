package dev.kpikit.runner.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ooxml.POIXMLProperties;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
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

import dev.kpikit.data.FolderScorecard;
import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.Unit;
import dev.kpikit.scoring.Account;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.Factor;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.Normalisation;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;
import dev.kpikit.scoring.Tier;
import dev.kpikit.scoring.TierRule;
import dev.kpikit.runner.engine.OutputFolder;

/**
 * The live scoring workbook: sheet {@code Model} holds the model's weights, bounds, tier thresholds
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

    public static final String MODEL_SHEET = "Model";
    public static final String ACCOUNTS_SHEET = "Accounts";
    public static final String KPIS_SHEET = "KPIs";
    /** From this many accounts on, rows are streamed and formulas are not evaluated before saving. */
    public static final int STREAMING_ROWS = 20_000;

    /** Column of the first input on the Accounts sheet (A id, B name, C segment). */
    private static final int FIRST_INPUT = 3;
    /** Row of the first factor on the Model sheet (0-based; row 0 is the header). */
    private static final int FIRST_FACTOR_ROW = 1;

    /** What the workbook is about, for its document properties. */
    public record Info(String scenario, LocalDate asOf) {
    }

    private final ScoringModel model;
    private final Portfolio portfolio;
    private final List<FolderScorecard.Row> kpis;
    private final Info info;

    private Workbook workbook;
    private Styles styles;
    private final Map<FactorInput, Integer> inputColumns = new LinkedHashMap<>();
    private int tierRow;
    private int ruleRow;

    public ScoringWorkbook(ScoringModel model, Portfolio portfolio, List<FolderScorecard.Row> kpis, Info info) {
        this.model = model;
        this.portfolio = portfolio;
        this.kpis = kpis == null ? List.of() : kpis;
        this.info = info;
        // the input columns of the Accounts sheet: every factor's input and every rule's, in FactorInput order
        Set<FactorInput> inputs = EnumSet.of(FactorInput.REVENUE); // shown even when no factor reads it
        model.factors().forEach(factor -> inputs.add(factor.input()));
        for (TierRule rule : model.rules()) {
            inputs.add(switch (rule) {
                case TierRule.MaxTierBelowShare ignored -> FactorInput.REVENUE_SHARE;
                case TierRule.MinTierWhen when -> when.input();
            });
        }
        int column = FIRST_INPUT;
        for (FactorInput input : inputs) {
            inputColumns.put(input, column++);
        }
    }

    /**
     * Writes the workbook to a file, replaced when it exists, through a temporary file moved into
     * place: a failure never leaves half a workbook over a good one.
     *
     * @throws OutputFolder.NotWritableException when the file's folder cannot be written, saying why
     */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        OutputFolder.prepare(absolute.getParent(), file);
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public void write(OutputStream out) throws IOException {
        boolean streaming = portfolio.accounts().size() >= STREAMING_ROWS;
        SXSSFWorkbook sxssf = null;
        if (streaming) {
            sxssf = new SXSSFWorkbook(null, 500, true, true);
            workbook = sxssf;
        } else {
            workbook = new XSSFWorkbook();
        }
        try {
            styles = new Styles(workbook);
            properties(streaming ? sxssf.getXSSFWorkbook() : (XSSFWorkbook) workbook);
            Sheet modelSheet = workbook.createSheet(MODEL_SHEET);
            Sheet accounts = workbook.createSheet(ACCOUNTS_SHEET);
            Sheet kpiSheet = kpis.isEmpty() ? null : workbook.createSheet(KPIS_SHEET);
            modelSheet(modelSheet);
            accountsSheet(accounts);
            if (kpiSheet != null) {
                kpiSheet(kpiSheet, streaming ? sxssf.getXSSFWorkbook().getSheet(KPIS_SHEET) : (XSSFSheet) kpiSheet);
            }
            workbook.setActiveSheet(1);
            workbook.setForceFormulaRecalculation(true);
            if (!streaming) {
                // cached results, for viewers that do not calculate (previews, mail clients, pandas)
                XSSFFormulaEvaluator.evaluateAllFormulaCells((XSSFWorkbook) workbook);
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
        core.setTitle("kpikit scoring workbook: " + info.scenario());
        core.setSubjectProperty("Key-account scores as live formulas over model '" + model.name() + "'");
        core.setCreator("kpikit");
        core.setKeywords("kpikit, key accounts, scoring");
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("kpikit.scenario", info.scenario());
        custom.addProperty("kpikit.asOf", info.asOf().toString());
        custom.addProperty("kpikit.model", model.name());
    }

    // ---------------------------------------------------------------- Model

    private void modelSheet(Sheet sheet) {
        List<Factor> factors = model.factors();
        header(sheet.createRow(0), "Factor", "Input", "Weight", "Normalisation", "Min", "Max", "Missing", "Fill (mean/median)");
        for (int i = 0; i < factors.size(); i++) {
            Factor factor = factors.get(i);
            int r = FIRST_FACTOR_ROW + i;
            Row row = sheet.createRow(r);
            text(row, 0, factor.id());
            text(row, 1, factor.input().key());
            number(row, 2, factor.weight(), styles.editable);
            text(row, 3, factor.normalisation().name());
            if (factor.normalisation() == Normalisation.FIXED_SCALE) {
                number(row, 4, factor.min(), styles.editable);
                number(row, 5, factor.max(), styles.editable);
            }
            text(row, 6, factor.missing().name());
            String range = inputRange(factor.input());
            switch (factor.missing()) {
                case MEAN -> formula(row, 7, "IF(COUNT(" + range + ")=0,\"\",AVERAGE(" + range + "))", styles.decimal);
                case MEDIAN -> formula(row, 7, "IF(COUNT(" + range + ")=0,\"\",MEDIAN(" + range + "))", styles.decimal);
                default -> { }
            }
            name("W_" + i, MODEL_SHEET, 2, r);
            name("Min_" + i, MODEL_SHEET, 4, r);
            name("Max_" + i, MODEL_SHEET, 5, r);
            name("Fill_" + i, MODEL_SHEET, 7, r);
        }
        Name weights = workbook.createName();
        weights.setNameName("Weights");
        weights.setRefersToFormula(MODEL_SHEET + "!$C$" + (FIRST_FACTOR_ROW + 1) + ":$C$" + (FIRST_FACTOR_ROW + factors.size()));

        tierRow = FIRST_FACTOR_ROW + factors.size() + 2;
        header(sheet.createRow(tierRow - 1), "Tier", "Min score", "Position");
        List<Tier> tiers = model.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            Row row = sheet.createRow(tierRow + i);
            text(row, 0, tiers.get(i).name());
            number(row, 1, tiers.get(i).minScore(), styles.editable);
            row.createCell(2).setCellValue(i);
        }
        String first = String.valueOf(tierRow + 1);
        String last = String.valueOf(tierRow + tiers.size());
        rangeName("TierNames", MODEL_SHEET + "!$A$" + first + ":$A$" + last);
        rangeName("TierMins", MODEL_SHEET + "!$B$" + first + ":$B$" + last);

        ruleRow = tierRow + tiers.size() + 2;
        header(sheet.createRow(ruleRow - 1), "Rule", "Tier", "Input", "Threshold", "Meaning");
        List<TierRule> rules = model.rules();
        for (int i = 0; i < rules.size(); i++) {
            Row row = sheet.createRow(ruleRow + i);
            switch (rules.get(i)) {
                case TierRule.MaxTierBelowShare rule -> {
                    text(row, 0, "maxTierBelowShare");
                    text(row, 1, rule.tier());
                    text(row, 2, FactorInput.REVENUE_SHARE.key());
                    number(row, 3, rule.minShare(), styles.editablePercent);
                    text(row, 4, "never better than the tier while the revenue share is below the threshold");
                }
                case TierRule.MinTierWhen rule -> {
                    text(row, 0, "minTierWhen");
                    text(row, 1, rule.tier());
                    text(row, 2, rule.input().key());
                    number(row, 3, rule.equals(), styles.editable);
                    text(row, 4, "at least the tier whenever the input equals the threshold");
                }
            }
            name("RuleTier_" + i, MODEL_SHEET, 1, ruleRow + i);
            name("RuleValue_" + i, MODEL_SHEET, 3, ruleRow + i);
        }
        sheet.createFreezePane(0, 1);
        int[] widths = {22, 20, 10, 18, 10, 10, 12, 20};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        printSetup(sheet, 0, ruleRow + rules.size(), 7, false);
    }

    // ---------------------------------------------------------------- Accounts

    private void accountsSheet(Sheet sheet) {
        List<Factor> factors = model.factors();
        int firstNormal = FIRST_INPUT + inputColumns.size();
        int firstExact = firstNormal + factors.size();
        int firstPoints = firstExact + factors.size();
        int includedCol = firstPoints + factors.size();
        int centsCol = includedCol + 1;
        int scoreCol = centsCol + 1;
        int scoreTierCol = scoreCol + 1;
        int tierPosCol = scoreTierCol + 1;
        int tierCol = tierPosCol + 1;
        int kpikitScoreCol = tierCol + 1;
        int kpikitTierCol = kpikitScoreCol + 1;
        int lastCol = kpikitTierCol;

        Row head = sheet.createRow(0);
        List<String> titles = new ArrayList<>(List.of("Account ID", "Name", "Segment"));
        inputColumns.keySet().forEach(input -> titles.add(input.key()));
        factors.forEach(factor -> titles.add(factor.id() + " normalised"));
        factors.forEach(factor -> titles.add(factor.id() + " exact points"));
        factors.forEach(factor -> titles.add(factor.id() + " points"));
        titles.addAll(List.of("Weight included", "Cents short", "Score", "Score tier", "Tier position", "Tier", "kpikit score", "kpikit tier"));
        header(head, titles.toArray(String[]::new));

        List<AccountReport> reports = portfolio.accounts();
        for (int i = 0; i < reports.size(); i++) {
            AccountReport report = reports.get(i);
            Account account = report.account();
            int r = i + 1;
            int excelRow = r + 1;
            Row row = sheet.createRow(r);
            text(row, 0, account.id());
            text(row, 1, account.name());
            text(row, 2, account.segment());
            inputColumns.forEach((input, c) -> {
                BigDecimal value = account.input(input);
                if (value != null) {
                    number(row, c, value, inputStyle(input));
                }
            });
            StringBuilder included = new StringBuilder();
            for (int f = 0; f < factors.size(); f++) {
                Factor factor = factors.get(f);
                String x = ref(inputColumns.get(factor.input()), excelRow);
                String normalRef = ref(firstNormal + f, excelRow);
                formula(row, firstNormal + f, normalised(factor, f, x), styles.normal);
                included.append(f == 0 ? "" : "+").append("IF(ISNUMBER(").append(normalRef).append("),W_").append(f).append(",0)");
                formula(row, firstExact + f, "IF(AND(ISNUMBER(" + normalRef + ")," + ref(includedCol, excelRow) + "<>0),100*W_" + f
                        + "*" + normalRef + "/" + ref(includedCol, excelRow) + ",0)", styles.decimal);
            }
            formula(row, includedCol, included.toString(), styles.decimal);
            List<String> exact = new ArrayList<>();
            for (int f = 0; f < factors.size(); f++) {
                exact.add(ref(firstExact + f, excelRow));
            }
            formula(row, centsCol, centsShort(exact), null);
            for (int f = 0; f < factors.size(); f++) {
                formula(row, firstPoints + f, largestRemainder(exact, f, ref(centsCol, excelRow)), styles.decimal);
            }
            formula(row, scoreCol, "ROUND(SUM(" + ref(firstPoints, excelRow) + ":" + ref(firstPoints + factors.size() - 1, excelRow)
                    + "),2)", styles.decimal);
            String scoreTierPos = "COUNTIF(TierMins,\">\"&" + ref(scoreCol, excelRow) + ")";
            formula(row, scoreTierCol, "INDEX(TierNames," + scoreTierPos + "+1)", null);
            formula(row, tierPosCol, rules(scoreTierPos, excelRow), null);
            formula(row, tierCol, "INDEX(TierNames," + ref(tierPosCol, excelRow) + "+1)", styles.bold);
            number(row, kpikitScoreCol, report.score().score(), styles.decimal);
            text(row, kpikitTierCol, report.score().tier());
        }
        int lastRow = Math.max(1, reports.size());
        sheet.createFreezePane(2, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, lastCol));
        if (sheet instanceof SXSSFSheet streamed) {
            streamed.trackAllColumnsForAutoSizing();
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 28 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        for (int c = FIRST_INPUT; c <= lastCol; c++) {
            sheet.setColumnWidth(c, Math.min(24, Math.max(11, titles.get(c).length() + 2)) * 256);
        }
        printSetup(sheet, 0, lastRow, lastCol, true);
    }

    /** The normalised value of factor {@code f} for input cell {@code x}: blank text "" when it is left out. */
    private String normalised(Factor factor, int f, String x) {
        String range = inputRange(factor.input());
        String present = switch (factor.normalisation()) {
            case FIXED_SCALE -> scaled("Min_" + f, "Max_" + f, "%s");
            case MIN_MAX -> "IF(MAX(" + range + ")=MIN(" + range + "),0.5," + scaled("MIN(" + range + ")", "MAX(" + range + ")", "%s") + ")";
            case PERCENTILE_RANK -> "IF(COUNT(" + range + ")<=1,0.5,MAX(0,MIN(1,(COUNTIF(" + range + ",\"<\"&%s)+(COUNTIF("
                    + range + ",%s)-1)/2)/(COUNT(" + range + ")-1))))";
        };
        String ofX = present.replace("%s", x);
        return switch (factor.missing()) {
            case ZERO -> "IF(ISBLANK(" + x + "),0," + ofX + ")";
            case EXCLUDE -> "IF(ISBLANK(" + x + "),\"\"," + ofX + ")";
            case MEAN, MEDIAN -> "IF(ISBLANK(" + x + "),IF(ISNUMBER(Fill_" + f + ")," + present.replace("%s", "Fill_" + f)
                    + ",\"\")," + ofX + ")";
        };
    }

    private static String scaled(String low, String high, String x) {
        return "IF(" + high + "=" + low + ",0,MAX(0,MIN(1,(" + x + "-" + low + ")/(" + high + "-" + low + "))))";
    }

    /** The tier position after the model's rules, in their order, starting from the score's own. */
    private String rules(String scoreTierPos, int excelRow) {
        String current = scoreTierPos;
        List<TierRule> rules = model.rules();
        for (int i = 0; i < rules.size(); i++) {
            String tierPos = "(MATCH(RuleTier_" + i + ",TierNames,0)-1)";
            switch (rules.get(i)) {
                case TierRule.MaxTierBelowShare ignored -> {
                    String share = ref(inputColumns.get(FactorInput.REVENUE_SHARE), excelRow);
                    String below = "IF(ISBLANK(" + share + "),RuleValue_" + i + ">0," + share + "<RuleValue_" + i + ")";
                    current = "IF(" + below + ",MAX(" + current + "," + tierPos + ")," + current + ")";
                }
                case TierRule.MinTierWhen when -> {
                    String value = ref(inputColumns.get(when.input()), excelRow);
                    String matches = "AND(ISNUMBER(" + value + ")," + value + "=RuleValue_" + i + ")";
                    current = "IF(" + matches + ",MIN(" + current + "," + tierPos + ")," + current + ")";
                }
            }
        }
        return current;
    }

    private String inputRange(FactorInput input) {
        String letter = CellReference.convertNumToColString(inputColumns.get(input));
        int last = Math.max(2, portfolio.accounts().size() + 1);
        return ACCOUNTS_SHEET + "!$" + letter + "$2:$" + letter + "$" + last;
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
        header(sheet.createRow(0), "Period", "Grain", "KPI", "Label", "Value", "Target", "Status", "Status score", "Trend");
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
            Cell period = row.createCell(0);
            period.setCellValue(k.period().start());
            period.setCellStyle(styles.month);
            text(row, 1, k.period().grain().name());
            text(row, 2, k.kpiId());
            text(row, 3, k.label());
            CellStyle style = switch (k.unit() == null ? Unit.NUMBER : k.unit()) {
                case PERCENT -> styles.percent;
                case CURRENCY -> styles.currency;
                case COUNT -> styles.integer;
                default -> styles.decimal;
            };
            if (k.value() != null) {
                number(row, 4, k.value(), style);
            }
            if (k.target() != null) {
                number(row, 5, k.target(), style);
            }
            text(row, 6, k.status() == null ? "" : k.status().name());
            if (k.statusScore() != null) {
                number(row, 7, k.statusScore(), styles.decimal);
            }
            if (k.trend() != null) {
                row.createCell(8).setCellValue(k.trend());
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
        SheetConditionalFormatting conditional = sheet.getSheetConditionalFormatting();
        var rule = conditional.createConditionalFormattingRule(IconSet.GYR_3_TRAFFIC_LIGHTS);
        IconMultiStateFormatting icons = rule.getMultiStateFormatting();
        icons.getThresholds()[0].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[0].setValue(-1d);
        icons.getThresholds()[1].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[1].setValue(-0.5);
        icons.getThresholds()[2].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[2].setValue(0.5);
        conditional.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, lastRow, 7, 7)}, rule);
        var red = conditional.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"RED\"");
        red.createFontFormatting().setFontColorIndex(IndexedColors.RED.getIndex());
        var green = conditional.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"GREEN\"");
        green.createFontFormatting().setFontColorIndex(IndexedColors.GREEN.getIndex());
        conditional.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(1, lastRow, 6, 6)}, red, green);

        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, 8));
        int[] widths = {11, 9, 22, 34, 14, 14, 9, 12, 7};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        printSetup(sheet, 0, lastRow, 8, true);
        if (chartKpi != null && chartLast > chartFirst) {
            chart(xssf, chartKpi, chartFirst, chartLast);
        }
    }

    private static void chart(XSSFSheet sheet, String kpi, int first, int last) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 10, 1, 20, 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(kpi + ": value and target");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<Double> periods = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, 4, 4));
        XDDFNumericalDataSource<Double> targets = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, 5, 5));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        XDDFLineChartData.Series value = (XDDFLineChartData.Series) data.addSeries(periods, values);
        value.setTitle("Value", new CellReference(sheet.getSheetName(), 0, 4, true, true));
        value.setSmooth(false);
        XDDFLineChartData.Series target = (XDDFLineChartData.Series) data.addSeries(periods, targets);
        target.setTitle("Target", new CellReference(sheet.getSheetName(), 0, 5, true, true));
        target.setSmooth(false);
        chart.plot(data);
    }

    // ---------------------------------------------------------------- helpers

    private void printSetup(Sheet sheet, int firstRow, int lastRow, int lastCol, boolean landscape) {
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, lastCol, firstRow, lastRow);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        print.setLandscape(landscape);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    }

    private void name(String name, String sheet, int column, int row) {
        rangeName(name, sheet + "!$" + CellReference.convertNumToColString(column) + "$" + (row + 1));
    }

    private void rangeName(String name, String formula) {
        Name defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula(formula);
    }

    private static String ref(int column, int excelRow) {
        return CellReference.convertNumToColString(column) + excelRow;
    }

    private void header(Row row, String... titles) {
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
        cell.setCellValue(value);
        if (Injection.looksLikeFormula(value)) {
            cell.setCellStyle(styles.quoted);
        }
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
