package dev.kpikit.scoring;

/**
 * Where a tier rule's terms sit in a spreadsheet, as A1 references or defined names handed in by the workbook:
 * what {@link TierRule#excel} builds its formula from.
 */
public interface RuleCells {

    /** This account's value of an input, blank when missing: {@code "E2"}. */
    String input(FactorInput input);

    /** The name of the tier the rule sets, which a user may edit. */
    String tier();

    /** The rule's threshold (the share below which, or the value at which, it applies). */
    String threshold();

    /** The tier names from the best down: the position of a name in it, from 0, is the tier's position. */
    String tierNames();
}
