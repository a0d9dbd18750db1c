package dev.kpikit.kpi;

/** A KPI formula that cannot be compiled or evaluated, with the 1-based character position of the fault. */
public final class FormulaException extends IllegalArgumentException {

    private final String reason;
    private final int position;

    public FormulaException(String reason, int position) {
        super(reason + " at position " + position);
        this.reason = reason;
        this.position = position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** 1-based character position in the formula (EvalEx counts from 1). */
    public int position() {
        return position;
    }
}
