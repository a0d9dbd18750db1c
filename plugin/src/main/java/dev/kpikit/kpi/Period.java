package dev.kpikit.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar month, quarter or year, identified by its grain and first day. Neighbours are
 * computed from the calendar, not from data: the previous period of 2026-03 is 2026-02 even
 * when there is no row for 2026-02.
 */
public record Period(Grain grain, LocalDate start) implements Comparable<Period> {

    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(Period::grain);
    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2}))?");

    public Period {
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(start, "start");
        if (!grain.startOf(start).equals(start)) {
            throw new IllegalArgumentException(start + " is not the first day of a " + grain);
        }
    }

    /** The period of the given grain that contains {@code date}. */
    public static Period containing(LocalDate date, Grain grain) {
        return new Period(grain, grain.startOf(date));
    }

    /** Parses the form {@link #toString()} writes: 2026 (year), 2026-Q1 (quarter), 2026-03 (month). */
    public static Period parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a period (expected 2026, 2026-Q1 or 2026-03): " + text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return containing(LocalDate.of(year, Integer.parseInt(m.group(2)) * 3 - 2, 1), Grain.QUARTER);
        }
        if (m.group(3) != null) {
            return containing(LocalDate.of(year, Integer.parseInt(m.group(3)), 1), Grain.MONTH);
        }
        return containing(LocalDate.of(year, 1, 1), Grain.YEAR);
    }

    /** Last day of the period (inclusive). */
    public LocalDate end() {
        return start.plusMonths(grain.months()).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end());
    }

    /** The period {@code n} periods later (earlier when negative). */
    public Period plus(long n) {
        return new Period(grain, start.plusMonths(n * grain.months()));
    }

    public Period next() {
        return plus(1);
    }

    public Period previous() {
        return plus(-1);
    }

    /** The same period one year earlier (2025-03 for 2026-03). */
    public Period sameLastYear() {
        return new Period(grain, start.minusYears(1));
    }

    /** Ordered by start date, then by grain (a month before the quarter starting on the same day). */
    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return switch (grain) {
            case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> String.format("%04d-Q%d", start.getYear(), (start.getMonthValue() + 2) / 3);
            case YEAR -> String.format("%04d", start.getYear());
        };
    }
}
