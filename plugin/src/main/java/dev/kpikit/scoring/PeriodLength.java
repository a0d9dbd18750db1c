package dev.kpikit.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Length of a reporting period. Periods are calendar periods, cut at the as-of date:
 * the current period runs from the start of the calendar month, quarter or year that
 * contains the as-of date up to and including the as-of date (period to date). The
 * previous period is the same span one period earlier, so that growth compares like
 * with like: as-of 2026-11-15 with QUARTER compares 2026-10-01..2026-11-15 with
 * 2026-07-01..2026-08-15. When the as-of date is a month end, the previous period also
 * ends on a month end (as-of 2026-11-30 compares with 2026-07-01..2026-08-31).
 */
public enum PeriodLength {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodLength(int months) {
        this.months = months;
    }

    /** MONTH, QUARTER or YEAR in any case, as users write them ("quarter"). */
    public static PeriodLength parse(String text) {
        for (PeriodLength length : values()) {
            if (length.name().equalsIgnoreCase(text.strip())) {
                return length;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a period length; expected MONTH, QUARTER or YEAR");
    }

    /** The calendar period containing {@code asOf}, from its first day up to {@code asOf}. */
    public DateRange current(LocalDate asOf) {
        return new DateRange(start(asOf), asOf);
    }

    /** The same span as {@link #current}, one period earlier. */
    public DateRange previous(LocalDate asOf) {
        LocalDate end = asOf.minusMonths(months);
        if (asOf.getDayOfMonth() == asOf.lengthOfMonth()) {
            end = end.withDayOfMonth(end.lengthOfMonth());
        }
        return new DateRange(start(asOf).minusMonths(months), end);
    }

    /** The whole calendar month, quarter or year that contains {@code date}. */
    public DateRange containing(LocalDate date) {
        LocalDate start = start(date);
        return new DateRange(start, start.plusMonths(months).minusDays(1));
    }

    private LocalDate start(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        int firstMonth = (asOf.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(asOf.getYear(), firstMonth, 1);
    }

    /** Inclusive range of dates. */
    public record DateRange(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }
}
