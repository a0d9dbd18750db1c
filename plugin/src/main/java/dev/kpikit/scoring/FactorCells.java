package dev.kpikit.scoring;

/**
 * Where a factor's terms sit in a spreadsheet, as A1 references or defined names handed in by the workbook that
 * lays them out: what the Excel renderings of {@link Normalisation} and {@link MissingPolicy} build formulas from,
 * so that the scoring core knows formulas but no spreadsheet library.
 */
public interface FactorCells {

    /** This account's value of the factor's input, blank when missing: {@code "F2"}. */
    String input();

    /** Every account's value of the input: {@code "Accounts!$F$2:$F$41"}. */
    String population();

    /** The factor's lower bound (FIXED_SCALE). */
    String min();

    /** The factor's upper bound (FIXED_SCALE). */
    String max();

    /** The raw value that stands in for a missing input, text "" when there is none (MEAN, MEDIAN). */
    String fill();
}
