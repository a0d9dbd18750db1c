package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ToDateTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 15);

    private static BigDecimal total(ToDate toDate) {
        toDate.add(LocalDate.of(2025, 12, 31), new BigDecimal("1000")); // last year
        toDate.add(LocalDate.of(2026, 1, 10), new BigDecimal("100"));
        toDate.add(LocalDate.of(2026, 4, 1), new BigDecimal("20"));
        toDate.add(LocalDate.of(2026, 5, 1), new BigDecimal("3"));
        toDate.add(LocalDate.of(2026, 5, 15), new BigDecimal("0.5"));
        toDate.add(LocalDate.of(2026, 5, 16), new BigDecimal("7000")); // after the as-of date
        toDate.add(null, BigDecimal.ONE);
        toDate.add(LocalDate.of(2026, 5, 2), null);
        return toDate.value();
    }

    @Test
    void monthQuarterAndYearToDate() {
        assertEquals(new BigDecimal("3.5"), total(ToDate.monthToDate(AS_OF)));
        assertEquals(new BigDecimal("23.5"), total(ToDate.quarterToDate(AS_OF)));
        assertEquals(new BigDecimal("123.5"), total(ToDate.yearToDate(AS_OF)));
    }

    @Test
    void noRowInRangeIsMissingNotZero() {
        ToDate mtd = ToDate.monthToDate(AS_OF);
        mtd.add(LocalDate.of(2026, 4, 30), BigDecimal.ONE);
        assertNull(mtd.value());
    }
}
