package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeyAccountRevenueTest {

    @Test
    void splitsEachMonthIntoKeyAccountsAndTheRest() {
        // as of 2026-10-15, three months: August, September, October (up to the 15th)
        KeyAccountRevenue revenue = new KeyAccountRevenue(Set.of("A"), LocalDate.parse("2026-10-15"), 3)
                .add(LocalDate.parse("2026-07-31"), "A", new BigDecimal("999")) // before the range
                .add(LocalDate.parse("2026-08-03"), "A", new BigDecimal("100.10"))
                .add(LocalDate.parse("2026-08-20"), "B", new BigDecimal("40"))
                .add(LocalDate.parse("2026-08-21"), "A", new BigDecimal("0.90"))
                .add(LocalDate.parse("2026-10-15"), "C", new BigDecimal("7.5"))
                .add(LocalDate.parse("2026-10-16"), "A", new BigDecimal("500")); // after the as-of date
        assertEquals(List.of(
                new KeyAccountRevenue.Month(YearMonth.parse("2026-08"), new BigDecimal("101.00"), new BigDecimal("40")),
                new KeyAccountRevenue.Month(YearMonth.parse("2026-09"), BigDecimal.ZERO, BigDecimal.ZERO),
                new KeyAccountRevenue.Month(YearMonth.parse("2026-10"), BigDecimal.ZERO, new BigDecimal("7.5"))),
                revenue.months());
    }

    @Test
    void needsAtLeastOneMonth() {
        assertThrows(IllegalArgumentException.class, () -> new KeyAccountRevenue(Set.of(), LocalDate.now(), 0));
    }
}
