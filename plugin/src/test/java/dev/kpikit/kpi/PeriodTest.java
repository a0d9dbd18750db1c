package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void containingAlignsToCalendar() {
        LocalDate date = LocalDate.of(2026, 8, 17);
        assertEquals(LocalDate.of(2026, 8, 1), Period.containing(date, Grain.MONTH).start());
        assertEquals(LocalDate.of(2026, 7, 1), Period.containing(date, Grain.QUARTER).start());
        assertEquals(LocalDate.of(2026, 9, 30), Period.containing(date, Grain.QUARTER).end());
        assertEquals(LocalDate.of(2026, 12, 31), Period.containing(date, Grain.YEAR).end());
        assertEquals(LocalDate.of(2024, 2, 29), Period.parse("2024-02").end());
    }

    @Test
    void neighboursComeFromTheCalendar() {
        assertEquals(Period.parse("2026-02"), Period.parse("2026-03").previous());
        assertEquals(Period.parse("2025-12"), Period.parse("2026-01").previous());
        assertEquals(Period.parse("2025-Q4"), Period.parse("2026-Q1").previous());
        assertEquals(Period.parse("2027"), Period.parse("2026").next());
        assertEquals(Period.parse("2025-03"), Period.parse("2026-03").sameLastYear());
        assertEquals(Period.parse("2025-Q2"), Period.parse("2026-Q2").sameLastYear());
    }

    @Test
    void textRoundTrips() {
        for (String text : new String[] {"2026", "2026-Q3", "2026-11"}) {
            assertEquals(text, Period.parse(text).toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-Q5"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("March"));
    }

    @Test
    void startMustBeFirstDayOfThePeriod() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Period(Grain.QUARTER, LocalDate.of(2026, 2, 1)));
        assertEquals("2026-02-01 is not the first day of a QUARTER", e.getMessage());
    }

    @Test
    void ordersByStartThenGrain() {
        assertTrue(Period.parse("2026-01").compareTo(Period.parse("2026-Q1")) < 0);
        assertTrue(Period.parse("2026-Q1").compareTo(Period.parse("2026-02")) < 0);
    }

    @Property
    void containingContainsTheDate(@ForAll("dates") LocalDate date, @ForAll Grain grain) {
        Period period = Period.containing(date, grain);
        assertTrue(period.contains(date));
        assertFalse(period.previous().contains(date));
        assertEquals(period, period.previous().next());
        assertEquals(period.start(), period.previous().end().plusDays(1));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(0, 365L * 200).map(days -> LocalDate.of(1950, 1, 1).plusDays(days));
    }
}
