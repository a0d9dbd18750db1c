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
 * name the column they read ({@code accounts.score()}) rather than count to it.
 */
final class ScoringLayout {

    private ScoringLayout() {
    }

    /** The Model sheet's factor table: one row per factor. */
    enum FactorColumn {
        FACTOR("Factor", 22), INPUT("Input", 20), WEIGHT("Weight", 10), NORMALISATION("Normalisation", 18),
        MIN("Min", 10), MAX("Max", 10), MISSING("Missing", 12), FILL("Fill (mean/median)", 20);

        final String title;
        final int width;

        FactorColumn(String title, int width) {
            this.title = title;
            this.width = width;
        }

        String letter() {
            return CellReference.convertNumToColString(ordinal());
        }
    }

    /** The Model sheet's tier table, below the factors: one row per tier, the best first. */
    enum TierColumn {
        TIER("Tier"), MIN_SCORE("Min score"), POSITION("Position");

        final String title;

        TierColumn(String title) {
            this.title = title;
        }

        String letter() {
            return CellReference.convertNumToColString(ordinal());
        }
    }

    /** The Model sheet's rule table, below the tiers: one row per rule, in the order they apply. */
    enum RuleColumn {
        RULE("Rule"), TIER("Tier"), INPUT("Input"), THRESHOLD("Threshold"), MEANING("Meaning");

        final String title;

        RuleColumn(String title) {
            this.title = title;
        }
    }

    /** The KPIs sheet: one row per KPI and period. */
    enum KpiColumn {
        PERIOD("Period", 11), GRAIN("Grain", 9), KPI("KPI", 22), LABEL("Label", 34), VALUE("Value", 14),
        TARGET("Target", 14), STATUS("Status", 20), STATUS_SCORE("Status score", 12), TREND("Trend", 7);

        final String title;
        final int width;

        KpiColumn(String title, int width) {
            this.title = title;
            this.width = width;
        }
    }

    /** The Accounts sheet's columns after the factors': the score and tier as formulas, and kpikit's beside them. */
    enum ScoreColumn {
        WEIGHT_INCLUDED("Weight included"), CENTS_SHORT("Cents short"), SCORE("Score"), SCORE_TIER("Score tier"),
        TIER_POSITION("Tier position"), TIER("Tier"), KPIKIT_SCORE("kpikit score"), KPIKIT_TIER("kpikit tier");

        final String title;

        ScoreColumn(String title) {
            this.title = title;
        }
    }

    /**
     * The Accounts sheet: the account (id, name, segment), its inputs, per factor its normalised value, exact points
     * and points in cents, then the {@link ScoreColumn}s.
     */
    static final class AccountColumns {
        static final int ID = 0;
        static final int NAME = 1;
        static final int SEGMENT = 2;

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
