package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Values keyed by period, all of one grain. Gaps are real: the neighbour of a period is its
 * calendar neighbour, so a period without a row has a missing (null) value and any growth
 * against it is null. It is never silently replaced by "the previous row".
 */
public final class PeriodSeries {

    private final Grain grain;
    private final SortedMap<Period, BigDecimal> values;

    private PeriodSeries(Grain grain, SortedMap<Period, BigDecimal> values) {
        this.grain = grain;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** A series of the given values; every period must be of {@code grain}. Null values are kept as gaps. */
    public static PeriodSeries of(Grain grain, Map<Period, BigDecimal> values) {
        SortedMap<Period, BigDecimal> copy = new TreeMap<>();
        values.forEach((period, value) -> {
            if (period.grain() != grain) {
                throw new IllegalArgumentException(period + " is not a " + grain + " period");
            }
            if (value != null) {
                copy.put(period, value);
            }
        });
        return new PeriodSeries(grain, copy);
    }

    /** Sums dated rows into the periods of {@code grain} that contain them; rows with a null value are skipped. */
    public static PeriodSeries sumOf(Grain grain, Iterable<DatedValue> rows) {
        SortedMap<Period, BigDecimal> sums = new TreeMap<>();
        for (DatedValue row : rows) {
            if (row.value() != null) {
                sums.merge(Period.containing(row.date(), grain), row.value(), BigDecimal::add);
            }
        }
        return new PeriodSeries(grain, sums);
    }

    public Grain grain() {
        return grain;
    }

    /** The periods that have a value, in order (gaps are absent). */
    public SortedMap<Period, BigDecimal> values() {
        return values;
    }

    /** The value of {@code period}; null when it has none. */
    public BigDecimal value(Period period) {
        return values.get(period);
    }

    /** The value of the calendar period before {@code period}; null when that period has none. */
    public BigDecimal previousValue(Period period) {
        return value(period.previous());
    }

    /** Growth of {@code period} over the calendar period before it, as a fraction ({@link Ratios#growth}). */
    public BigDecimal growth(Period period) {
        return Ratios.growth(value(period), previousValue(period));
    }

    /** Growth of {@code period} over the same period one year earlier, as a fraction. */
    public BigDecimal yearOverYear(Period period) {
        return Ratios.growth(value(period), value(period.sameLastYear()));
    }

    /**
     * Average of the {@code window} calendar periods ending with {@code period}; null when any of
     * them has no value (see {@link Formulas#movingAverage}).
     */
    public BigDecimal movingAverage(Period period, int window) {
        List<BigDecimal> lastValues = new ArrayList<>();
        for (int back = window - 1; back >= 0; back--) {
            lastValues.add(value(period.plus(-back)));
        }
        return Formulas.movingAverage(lastValues, window);
    }

    /**
     * Running total from the start of the enclosing {@code resetGrain} period through {@code period}:
     * with a monthly series, {@code toDate(2026-03, YEAR)} is January + February + March 2026 (YTD).
     * Missing periods count as nothing; null when no period in that range has a value.
     */
    public BigDecimal toDate(Period period, Grain resetGrain) {
        if (resetGrain.months() < grain.months()) {
            throw new IllegalArgumentException("Cannot total " + grain + " periods within a " + resetGrain);
        }
        Period first = new Period(grain, resetGrain.startOf(period.start()));
        return values.subMap(first, period.next()).values().stream().reduce(BigDecimal::add).orElse(null);
    }
}
