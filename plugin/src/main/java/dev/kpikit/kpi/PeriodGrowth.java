package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Growth within a group of dated rows, one row at a time, for a BIRT aggregation to wrap. Rows
 * may come in any order. Either the value on the last date against the value on the first date,
 * or the last period with data against the calendar period before it (a gap gives null).
 */
public final class PeriodGrowth {

    /** Null: compare dates; otherwise compare periods of this grain. */
    private final Grain grain;
    /** Sums keyed by date, or by period start when comparing periods. */
    private final TreeMap<LocalDate, BigDecimal> sums = new TreeMap<>();

    private PeriodGrowth(Grain grain) {
        this.grain = grain;
    }

    /** Growth from the first date to the last (values on the same date are summed). */
    public static PeriodGrowth firstToLast() {
        return new PeriodGrowth(null);
    }

    /** Growth of the last period with data over the calendar period before it. */
    public static PeriodGrowth lastTwoPeriods(Grain grain) {
        return new PeriodGrowth(grain);
    }

    /** Adds one row; rows missing the date or the value are skipped. */
    public void add(LocalDate date, BigDecimal value) {
        if (date != null && value != null) {
            sums.merge(grain == null ? date : grain.startOf(date), value, BigDecimal::add);
        }
    }

    /** The growth as a fraction ({@link Ratios#growth}); null with fewer than two dates or periods to compare. */
    public BigDecimal value() {
        if (sums.size() < 2) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> last = sums.lastEntry();
        BigDecimal base = grain == null
                ? sums.firstEntry().getValue()
                : sums.get(new Period(grain, last.getKey()).previous().start());
        return Ratios.growth(last.getValue(), base);
    }
}
