package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What {@link PeriodSums} leaves to the rows summed one by one (ScannedRevenueTest checks what it sums). */
class PeriodSumsTest {

    private static int day(int month, int day) {
        return (int) LocalDate.of(2026, month, day).toEpochDay();
    }

    @Test
    void sumsAnAccountsRowsByPeriodAtTheirMostDecimals() {
        PeriodSums sums = new PeriodSums(PeriodLength.MONTH, 1_000);
        sums.add(day(1, 5), 0, 100, 0);
        sums.add(day(1, 9), 0, 255, 1);
        sums.add(day(2, 1), 70, -5, 0);
        assertTrue(sums.summed());
        List<BigDecimal> january = new ArrayList<>();
        sums.period(LocalDate.of(2026, 1, 1)).addTo(january);
        assertEquals(List.of(new BigDecimal("125.5000")), january);
        assertEquals(1, sums.period(LocalDate.of(2026, 1, 1)).scale());
        List<BigDecimal> february = new ArrayList<>();
        sums.period(LocalDate.of(2026, 2, 1)).addTo(february);
        assertEquals(List.of(new BigDecimal("-5.0000")), february, "account 70 alone, past the first 64");
    }

    @Test
    void moreDecimalsThanItKeepsLeaveTheRowsToBeSummedOneByOne() {
        PeriodSums sums = new PeriodSums(PeriodLength.MONTH, 100);
        sums.add(day(1, 5), 0, 12_345, 4);
        assertTrue(sums.summed());
        sums.add(day(1, 6), 1, 123_456, 5);
        assertFalse(sums.summed());
    }

    @Test
    void aSumBeyondALongLeavesTheRowsToBeSummedOneByOne() {
        PeriodSums sums = new PeriodSums(PeriodLength.MONTH, 100);
        sums.add(day(2, 5), 0, Long.MAX_VALUE / 10_000, 0);
        assertTrue(sums.summed());
        sums.add(day(2, 6), 0, 1, 0);
        assertFalse(sums.summed());
    }

    @Test
    void morePeriodsOrAccountsThanItsSumsHoldLeaveTheRowsToBeSummedOneByOne() {
        // two accounts, room for four sums: two periods, not three
        PeriodSums periods = new PeriodSums(PeriodLength.MONTH, 4);
        periods.add(day(1, 5), 0, 100, 0);
        periods.add(day(2, 5), 1, 250, 1);
        assertTrue(periods.summed());
        periods.add(day(3, 5), 0, 100, 0);
        assertFalse(periods.summed());
        // two periods, room for four sums: two accounts, not three
        PeriodSums accounts = new PeriodSums(PeriodLength.MONTH, 4);
        accounts.add(day(1, 5), 0, 100, 0);
        accounts.add(day(2, 5), 1, 250, 1);
        assertTrue(accounts.summed());
        accounts.add(day(2, 6), 2, 1, 0);
        assertFalse(accounts.summed());
    }
}
