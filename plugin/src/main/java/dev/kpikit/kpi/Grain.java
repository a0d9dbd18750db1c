package dev.kpikit.kpi;

import java.time.LocalDate;

/** The length of a {@link Period}. Periods are calendar aligned, so no date table is needed. */
public enum Grain {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    Grain(int months) {
        this.months = months;
    }

    /** Number of calendar months in one period of this grain. */
    public int months() {
        return months;
    }

    /** First day of the period of this grain that contains {@code date}. */
    LocalDate startOf(LocalDate date) {
        int monthIndex = date.getMonthValue() - 1;
        return LocalDate.of(date.getYear(), monthIndex - monthIndex % months + 1, 1);
    }
}
