package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void sumsAnAccountsRowsByPeriodInUnitsOfTheMostDecimalsSeen() {
        PeriodSums sums = new PeriodSums(PeriodLength.MONTH, 1_000);
        sums.add(day(1, 5), 0, 100, 0);
        sums.add(day(1, 9), 0, 255, 1);
        sums.add(day(2, 1), 70, -5, 0);
        assertTrue(sums.summed());
        assertEquals(List.of(new BigDecimal("125.50")), revenue(sums, 1));
        assertEquals(1, sums.scale(LocalDate.of(2026, 1, 1)));
        assertEquals(List.of(new BigDecimal("-5.00")), revenue(sums, 2), "account 70 alone, past the first 64");
        // an amount converted from another currency, to six decimals: every sum to six decimals from then on
        sums.add(day(2, 3), 70, 1, 6);
        assertTrue(sums.summed());
        assertEquals(List.of(new BigDecimal("125.500000")), revenue(sums, 1));
        assertEquals(List.of(new BigDecimal("-4.999999")), revenue(sums, 2));
        assertEquals(6, sums.scale(LocalDate.of(2026, 2, 1)));
    }

    private static List<BigDecimal> revenue(PeriodSums sums, int month) {
        List<BigDecimal> revenue = new ArrayList<>();
        sums.addTo(LocalDate.of(2026, month, 1), revenue);
        return revenue;
    }

    /** A row: epoch day, account, unscaled amount, scale. */
    private record Row(int day, int account, long unscaled, int scale) {
    }

    /** Whether sums with room for {@code maxCells} still hold every row, after each row. */
    private static List<Boolean> summedAfter(long maxCells, Row... rows) {
        PeriodSums sums = new PeriodSums(PeriodLength.MONTH, maxCells);
        List<Boolean> summed = new ArrayList<>();
        for (Row row : rows) {
            sums.add(row.day(), row.account(), row.unscaled(), row.scale());
            summed.add(sums.summed());
        }
        return summed;
    }

    @Test
    void moreDecimalsThanItKeepsOrASumBeyondALongLeaveTheRowsToBeSummedOneByOne() {
        assertEquals(List.of(true, false),
                summedAfter(100, new Row(day(1, 5), 0, 12_345, 18), new Row(day(1, 6), 1, 123_456, 19)));
        assertEquals(List.of(true, false),
                summedAfter(100, new Row(day(2, 5), 0, Long.MAX_VALUE / 100, 0), new Row(day(2, 6), 0, 1, 0)));
        // a sum that fits in cents but not once every sum takes more decimals
        assertEquals(List.of(true, false),
                summedAfter(100, new Row(day(2, 5), 0, Long.MAX_VALUE / 500, 0), new Row(day(2, 6), 1, 1, 3)));
    }

    @Test
    void morePeriodsOrAccountsThanItsSumsHoldLeaveTheRowsToBeSummedOneByOne() {
        // room for four sums: two accounts in two periods, then a third period, or a third account
        Row first = new Row(day(1, 5), 0, 100, 0);
        Row second = new Row(day(2, 5), 1, 250, 1);
        assertEquals(List.of(true, true, false), summedAfter(4, first, second, new Row(day(3, 5), 0, 100, 0)));
        assertEquals(List.of(true, true, false), summedAfter(4, first, second, new Row(day(2, 6), 2, 1, 0)));
    }
}
