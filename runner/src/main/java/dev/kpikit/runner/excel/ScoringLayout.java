package dev.kpikit.runner.excel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.util.CellReference;

import dev.kpikit.scoring.FactorInput;

/**
 * Which column of the scoring workbook holds what, in one place: the fixed columns of the Model sheet's three
 * tables as enums, the Accounts sheet's columns computed once from the model's inputs and factors, so that formulas
 * name the column they read ({@code accounts.score()}) rather than count to it. Each sheet and column names the key of
 * its heading in the report texts (report-templates/i18n/kpikit*.properties), so its heading is in the workbook's
 * language and declared nowhere else; the model's own names (factors, inputs, tiers) stay as the model file writes them.
 */
final class ScoringLayout {

    private ScoringLayout() {
    }

    /** A text of the workbook (a sheet's name, a column's heading, a note): the key of its words in the report texts. */
    interface Text {
        String key();
    }

    /** The texts that are neither a sheet nor a column: the document's properties, the chart's title. */
    enum Note implements Text {
        TITLE("workbook.title"), SUBJECT("workbook.subject"), KEYWORDS("workbook.keywords"), CHART_TITLE("workbook.kpis.chart");

        private final String key;

        Note(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The workbook's sheets, in their order. */
    enum SheetName implements Text {
        MODEL("workbook.sheet.model"), ACCOUNTS("workbook.sheet.accounts"), KPIS("workbook.sheet.kpis");

        private final String key;

        SheetName(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The Model sheet's factor table: one row per factor. */
    enum FactorColumn implements Text {
        FACTOR("workbook.model.factor", 22), INPUT("workbook.model.input", 20), WEIGHT("workbook.model.weight", 10),
        NORMALISATION("workbook.model.normalisation", 18), MIN("workbook.model.min", 10), MAX("workbook.model.max", 10),
        MISSING("workbook.model.missing", 12), FILL("workbook.model.fill", 20);

        private final String key;
        final int width;

        FactorColumn(String key, int width) {
            this.key = key;
            this.width = width;
        }

        @Override
        public String key() {
            return key;
        }

        String letter() {
            return CellReference.convertNumToColString(ordinal());
        }
    }

    /** The Model sheet's tier table, below the factors: one row per tier, the best first. */
    enum TierColumn implements Text {
        TIER("workbook.tiers.tier"), MIN_SCORE("workbook.tiers.minScore"), POSITION("workbook.tiers.position");

        private final String key;

        TierColumn(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        String letter() {
            return CellReference.convertNumToColString(ordinal());
        }
    }

    /** The Model sheet's rule table, below the tiers: one row per rule, in the order they apply. */
    enum RuleColumn implements Text {
        RULE("workbook.rules.rule"), TIER("workbook.rules.tier"), INPUT("workbook.rules.input"),
        THRESHOLD("workbook.rules.threshold"), MEANING("workbook.rules.meaning");

        private final String key;

        RuleColumn(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The KPIs sheet: one row per KPI and period. */
    enum KpiColumn implements Text {
        PERIOD("common.col.period", 11), GRAIN("workbook.kpis.grain", 9), KPI("common.col.kpi", 22),
        LABEL("workbook.kpis.label", 34), VALUE("common.col.value", 14), TARGET("common.col.target", 14),
        STATUS("common.col.status", 20), STATUS_SCORE("workbook.kpis.statusScore", 12), TREND("common.col.trend", 7);

        private final String key;
        final int width;

        /** {@code common.col.*}: the reports' own heading for the same column, in the same words. */
        KpiColumn(String key, int width) {
            this.key = key;
            this.width = width;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The Accounts sheet's columns after the factors': the score and tier as formulas, and kpikit's beside them. */
    enum ScoreColumn implements Text {
        WEIGHT_INCLUDED("workbook.accounts.weightIncluded"), CENTS_SHORT("workbook.accounts.centsShort"),
        SCORE("common.col.score"), SCORE_TIER("workbook.accounts.scoreTier"), TIER_POSITION("workbook.accounts.tierPosition"),
        TIER("common.col.tier"), KPIKIT_SCORE("workbook.accounts.kpikitScore"), KPIKIT_TIER("workbook.accounts.kpikitTier");

        private final String key;

        ScoreColumn(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The Accounts sheet's first columns: the account itself. */
    enum AccountColumn implements Text {
        ID("workbook.accounts.id"), NAME("workbook.accounts.name"), SEGMENT("workbook.accounts.segment");

        private final String key;

        AccountColumn(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The Accounts sheet's columns per factor, in this order, each a heading pattern over the factor's id ({0}). */
    enum PerFactorColumn implements Text {
        NORMALISED("workbook.accounts.normalised"), EXACT_POINTS("workbook.accounts.exactPoints"),
        POINTS("workbook.accounts.points");

        private final String key;

        PerFactorColumn(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /**
     * The Accounts sheet: the account (id, name, segment), its inputs, per factor its normalised value, exact points
     * and points in cents, then the {@link ScoreColumn}s.
     */
    static final class AccountColumns {
        static final int ID = AccountColumn.ID.ordinal();
        static final int NAME = AccountColumn.NAME.ordinal();
        static final int SEGMENT = AccountColumn.SEGMENT.ordinal();

        private final Map<FactorInput, Integer> inputs = new LinkedHashMap<>();
        private final int firstNormalised;
        private final int firstExactPoints;
        private final int firstPoints;
        private final int firstScoreColumn;
        private final String[] letters;

        AccountColumns(Collection<FactorInput> inputs, int factors) {
            int column = firstInput();
            for (FactorInput input : inputs) {
                this.inputs.put(input, column++);
            }
            firstNormalised = column;
            firstExactPoints = firstNormalised + factors;
            firstPoints = firstExactPoints + factors;
            firstScoreColumn = firstPoints + factors;
            letters = new String[last() + 1];
            for (int c = 0; c < letters.length; c++) {
                letters[c] = CellReference.convertNumToColString(c);
            }
        }

        Set<FactorInput> inputs() {
            return inputs.keySet();
        }

        int firstInput() {
            return SEGMENT + 1;
        }

        int input(FactorInput input) {
            return inputs.get(input);
        }

        int normalised(int factor) {
            return firstNormalised + factor;
        }

        int exactPoints(int factor) {
            return firstExactPoints + factor;
        }

        int points(int factor) {
            return firstPoints + factor;
        }

        int at(ScoreColumn column) {
            return firstScoreColumn + column.ordinal();
        }

        int last() {
            return at(ScoreColumn.KPIKIT_TIER);
        }

        String letter(int column) {
            return letters[column];
        }

        /** A cell of a row: {@code "F2"}, the row as Excel numbers it (from 1). */
        String cell(int column, int excelRow) {
            return letters[column] + excelRow;
        }
    }
}
