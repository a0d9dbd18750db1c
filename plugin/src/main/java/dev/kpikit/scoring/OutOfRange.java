package dev.kpikit.scoring;

/**
 * What reading an account table does with a judgement outside its factor's fixed scale (strategic value 9
 * on a 1 to 5 scale): a model's {@code "outOfRange"} setting, REFUSE when the model does not say.
 */
public enum OutOfRange {
    /** The table is refused with file, line, column and the allowed range. */
    REFUSE,
    /** The value is clamped to the scale, with one warning per account. */
    CLAMP
}
