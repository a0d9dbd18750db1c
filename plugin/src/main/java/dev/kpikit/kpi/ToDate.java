package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Month-, quarter- or year-to-date total over dated rows, one row at a time, so a BIRT
 * aggregation can wrap it: the sum of the values dated from the first day of the period that
 * contains {@code asOf} through {@code asOf} itself. Other rows are ignored.
 */
public final class ToDate {

    private final LocalDate from;
    private final LocalDate asOf;
    private BigDecimal total;

    /** Total of the period of {@code grain} that contains {@code asOf}, up to and including {@code asOf}. */
    public ToDate(LocalDate asOf, Grain grain) {
        this.from = Period.containing(asOf, grain).start();
        this.asOf = asOf;
    }

    public static ToDate monthToDate(LocalDate asOf) {
        return new ToDate(asOf, Grain.MONTH);
    }

    public static ToDate quarterToDate(LocalDate asOf) {
        return new ToDate(asOf, Grain.QUARTER);
    }

    public static ToDate yearToDate(LocalDate asOf) {
        return new ToDate(asOf, Grain.YEAR);
    }

    /** Counts {@code value} when {@code date} lies in the to-date range; null dates and values are skipped. */
    public void add(LocalDate date, BigDecimal value) {
        if (date != null && value != null && !date.isBefore(from) && !date.isAfter(asOf)) {
            total = total == null ? value : total.add(value);
        }
    }

    /** The to-date total; null when no row fell in the range (no data, as opposed to a zero total). */
    public BigDecimal value() {
        return total;
    }
}
