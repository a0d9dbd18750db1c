package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevenueLedgerTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void periodsAreCalendarPeriodsToDateComparedWithTheSameSpanBefore() {
        assertEquals(new PeriodLength.DateRange(date("2026-10-01"), date("2026-11-15")), PeriodLength.QUARTER.current(date("2026-11-15")));
        assertEquals(new PeriodLength.DateRange(date("2026-07-01"), date("2026-08-15")), PeriodLength.QUARTER.previous(date("2026-11-15")));
        // A month end compares with a month end, even when that month is longer.
        assertEquals(new PeriodLength.DateRange(date("2026-07-01"), date("2026-08-31")), PeriodLength.QUARTER.previous(date("2026-11-30")));
        assertEquals(new PeriodLength.DateRange(date("2026-01-01"), date("2026-01-31")), PeriodLength.MONTH.previous(date("2026-02-28")));
        assertEquals(new PeriodLength.DateRange(date("2027-01-01"), date("2027-02-28")), PeriodLength.YEAR.previous(date("2028-02-29")));
        assertEquals(new PeriodLength.DateRange(date("2026-01-01"), date("2026-12-31")), PeriodLength.YEAR.current(date("2026-12-31")));
        assertEquals(new PeriodLength.DateRange(date("2026-03-01"), date("2026-03-31")), PeriodLength.MONTH.current(date("2026-03-31")));
    }

    @Test
    void keepsTotalsPerAccountFromRowsStreamedInAnyOrder() {
        // As of 2026-03-31 by quarter: current 2026-01-01..03-31, previous 2025-10-01..12-31.
        RevenueLedger ledger = new RevenueLedger(date("2026-03-31"), PeriodLength.QUARTER)
                .add(date("2026-03-20"), "A", money("21000.50"))
                .add(date("2025-06-01"), "A", money("5000"))      // lifetime only
                .add(date("2025-11-15"), "A", money("40000"))     // previous
                .add(date("2026-01-10"), "A", money("20000"))
                .add(date("2026-02-01"), "A", money("-1000"))     // credit note: not a purchase
                .add(date("2026-04-02"), "A", money("99999"))     // after as-of: ignored
                .add(date("2026-02-01"), "B", money("59000.50"));

        AccountRevenue a = ledger.revenue("A");
        assertEquals(money("40000.50"), a.current());
        assertEquals(money("40000"), a.previous());
        assertEquals(money("85000.50"), a.lifetime());
        assertEquals(date("2026-03-20"), a.lastPurchase());
        assertEquals(4, a.purchaseCount());

        assertEquals(money("99001.00"), ledger.totalCurrent());
        assertEquals(money("40000"), ledger.totalPrevious());
        // 40000.50 / 99001.00, and (40000.50 - 40000) / 40000
        assertEquals(0, new BigDecimal("0.404041").compareTo(ledger.share("A").setScale(6, RoundingMode.HALF_UP)));
        assertEquals(0, new BigDecimal("0.0000125").compareTo(ledger.growth("A")));
        assertNull(ledger.growth("B"), "no previous revenue, no growth");
        assertEquals(List.of("A", "B"), ledger.accounts().stream().map(AccountRevenue::accountId).toList());
    }

    @Test
    void unknownAccountsAndEmptyLedgersGiveZerosAndNullRatios() {
        RevenueLedger ledger = new RevenueLedger(date("2026-03-31"), PeriodLength.MONTH);
        assertEquals(BigDecimal.ZERO, ledger.revenue("X").current());
        assertNull(ledger.revenue("X").lastPurchase());
        assertNull(ledger.share("X"));
        assertNull(ledger.growth("X"));
    }

    @Test
    void accountJoinsTheProfileWithTheLedger() {
        RevenueLedger ledger = new RevenueLedger(date("2026-03-31"), PeriodLength.QUARTER)
                .add(date("2026-01-10"), "A", money("300"))
                .add(date("2026-01-10"), "B", money("100"))
                .add(date("2025-12-10"), "A", money("200"));
        AccountProfile profile = new AccountProfile("A", "Client A", "Retail", BigDecimal.valueOf(5), null,
                BigDecimal.valueOf(3), null, date("2023-09-30"));
        Account account = Account.of(profile, ledger);
        assertEquals(money("300"), account.input(FactorInput.REVENUE));
        assertEquals(0, new BigDecimal("0.75").compareTo(account.input(FactorInput.REVENUE_SHARE)));
        assertEquals(0, new BigDecimal("0.5").compareTo(account.input(FactorInput.REVENUE_GROWTH)));
        // 2023-09-30 .. 2026-03-31 is 30 completed months = 2.5 years
        assertEquals(0, new BigDecimal("2.5").compareTo(account.input(FactorInput.RELATIONSHIP_YEARS)));
        assertNull(account.input(FactorInput.GROWTH_POTENTIAL));
        assertEquals("Client A", account.name());
    }

    /**
     * Rows buffered by two threads' buffers, flushed in any order, give the ledger of the rows added one by one in
     * file order: the same sums and scales, and the accounts numbered in the order of their first row's position.
     */
    @Test
    void bucketsGiveTheLedgerOfTheRowsInFileOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        LocalDate asOf = date("2026-06-30");
        RevenueLedger whole = new RevenueLedger(asOf, PeriodLength.YEAR);
        RevenueBuckets buckets = new RevenueBuckets(asOf, PeriodLength.YEAR);
        RevenueBuckets.Rows later = buckets.newRows();
        RevenueBuckets.Rows earlier = buckets.newRows();
        for (int row = 0; row < 4_000; row++) {
            String id = "C" + random.nextInt(900) + (random.nextInt(40) == 0 ? "-é" : "");
            int day = (int) asOf.minusDays(random.nextInt(800) - 20).toEpochDay();
            long unscaled = random.nextLong(-10_000, 500_000);
            int scale = random.nextInt(4);
            whole.add(day, id, unscaled, scale);
            RevenueBuckets.Rows rows = row < 2_000 ? earlier : later; // the second half of the file, flushed first
            byte[] bytes = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length == id.length()) {
                rows.add(10L * row, day, bytes, 0, bytes.length, unscaled, scale);
            } else {
                rows.add(10L * row, day, id, unscaled, scale);
            }
        }
        later.flush();
        earlier.flush();
        RevenueLedger ledger = buckets.ledger();
        assertEquals(whole.size(), ledger.size());
        for (int account = 0; account < whole.size(); account++) {
            assertEquals(whole.id(account), ledger.id(account));
            assertEquals(account, ledger.indexOf(whole.id(account)), whole.id(account) + " found by its id");
            assertEquals(whole.revenue(account), ledger.revenue(account));
        }
        assertEquals(whole.totalCurrent(), ledger.totalCurrent());
        assertEquals(whole.totalPrevious(), ledger.totalPrevious());
    }

    /** A scan thread's buffer: as large as helps on a large heap, all threads' together an eighth of a small one. */
    @Test
    void scanBuffersFollowTheHeap() {
        assertEquals(1 << 20, RevenueBuckets.bufferedRows(6L << 30, 2));
        int rows = RevenueBuckets.bufferedRows(512L << 20, 2);
        assertTrue(rows > 1 << 18 && 2L * rows * 96 <= (512L << 20) / 8, rows + " rows a thread in 512 MB");
        assertEquals(1 << 14, RevenueBuckets.bufferedRows(64L << 20, 64));
    }
}
