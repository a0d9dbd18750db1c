package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What {@link PeriodRevenueSums} leaves to the rows summed one by one (ScannedRevenueTest checks what it sums). */
class PeriodRevenueSumsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static RevenueLedger ledgerOf(String... ids) {
        RevenueLedger ledger = new RevenueLedger(AS_OF, PeriodLength.YEAR);
        for (String id : ids) {
            ledger.add(LocalDate.of(2026, 1, 2), id, BigDecimal.ONE);
        }
        return ledger;
    }

    private static void add(PeriodRevenueSums.Part part, LocalDate day, String id, long unscaled, int scale) {
        byte[] bytes = id.getBytes(StandardCharsets.US_ASCII);
        part.add(0, (int) day.toEpochDay(), bytes, 0, bytes.length, unscaled, scale);
    }

    @Test
    void moreDecimalsThanItKeepsLeaveTheRowsToBeSummedOneByOne() {
        PeriodRevenueSums sums = new PeriodRevenueSums(ledgerOf("A", "B"), AS_OF, PeriodLength.MONTH);
        PeriodRevenueSums.Part part = sums.newPart();
        add(part, LocalDate.of(2026, 1, 5), "A", 12_345, 4);
        assertTrue(sums.summed());
        add(part, LocalDate.of(2026, 1, 6), "B", 123_456, 5);
        assertFalse(sums.summed());
        assertThrows(IllegalStateException.class, () -> sums.periods(1));
    }

    @Test
    void aSumBeyondALongLeavesTheRowsToBeSummedOneByOne() {
        PeriodRevenueSums sums = new PeriodRevenueSums(ledgerOf("A"), AS_OF, PeriodLength.MONTH);
        PeriodRevenueSums.Part part = sums.newPart();
        add(part, LocalDate.of(2026, 2, 5), "A", Long.MAX_VALUE / 10_000, 0);
        assertTrue(sums.summed());
        add(part, LocalDate.of(2026, 2, 6), "A", 1, 0);
        assertFalse(sums.summed());
    }

    @Test
    void morePeriodsThanItsSumsHoldLeaveTheRowsToBeSummedOneByOne() {
        // two accounts, room for four sums: two periods, not three
        PeriodRevenueSums sums = new PeriodRevenueSums(ledgerOf("A", "B"), AS_OF, PeriodLength.MONTH, 4);
        PeriodRevenueSums.Part part = sums.newPart();
        add(part, LocalDate.of(2026, 1, 5), "A", 100, 0);
        add(part, LocalDate.of(2026, 2, 5), "B", 250, 1);
        assertTrue(sums.summed());
        assertEquals(2, sums.periods(1).size());
        assertEquals(new BigDecimal("25.0"), sums.periods(1).get(1).revenue());
        add(part, LocalDate.of(2026, 3, 5), "A", 100, 0);
        assertFalse(sums.summed());
    }
}
