package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The columns behind {@link Portfolio} and {@link RevenueLedger} give what BigDecimal objects would. */
class ColumnarPortfolioTest {

    @Test
    void moneyColumnsKeepEachSumsValueAndScaleThroughRescalingAndOverflow() {
        MoneyColumn column = new MoneyColumn();
        column.ensureCapacity(3);
        column.add(0, new BigDecimal("10"));
        column.add(1, new BigDecimal("1.5"));
        column.add(1, new BigDecimal("2.25"));
        column.add(0, new BigDecimal("-3"));
        assertEquals(new BigDecimal("7"), column.get(0));
        assertEquals(new BigDecimal("3.75"), column.get(1));
        assertEquals(BigDecimal.ZERO, column.get(2));
        assertEquals(1, column.compare(0, 1));
        column.add(2, new BigDecimal("0.001"));
        assertEquals(new BigDecimal("7"), column.get(0));
        assertEquals(new BigDecimal("0.001"), column.get(2));
        // beyond a long: the column keeps BigDecimals from then on
        column.add(1, new BigDecimal("98765432109876543210.5"));
        assertEquals(new BigDecimal("98765432109876543214.25"), column.get(1));
        assertEquals(new BigDecimal("7"), column.get(0));
        assertEquals(-1, column.compare(0, 1));
        column.ensureCapacity(100);
        assertEquals(BigDecimal.ZERO, column.get(99));
    }

    @Test
    void rankingOnCompiledScoresIsTheExactRanking() {
        assertCompiledRankingIsExact(0);
    }

    /** Credit notes: some accounts net-negative in either period, so shares count them as 0 and growth is blank. */
    @Test
    void rankingOnCompiledScoresIsTheExactRankingWithNetNegativeAccounts() {
        assertCompiledRankingIsExact(40_000);
    }

    private static void assertCompiledRankingIsExact(int creditNotesUpTo) {
        SplittableRandom random = new SplittableRandom(5);
        LocalDate asOf = LocalDate.parse("2026-06-30");
        RevenueLedger ledger = new RevenueLedger(asOf, PeriodLength.QUARTER);
        List<AccountProfile> profiles = new ArrayList<>();
        String[] judgements = {"1", "2", "3", "4", "5", "2.5", "4.0"};
        for (int i = 0; i < 3_000; i++) {
            String id = "C" + i;
            for (int row = random.nextInt(6); row > 0; row--) {
                ledger.add(asOf.minusDays(random.nextInt(200)), id,
                        BigDecimal.valueOf(random.nextInt(100_000) - (creditNotesUpTo == 0 ? 0 : random.nextInt(creditNotesUpTo)),
                                random.nextInt(3)));
            }
            if (random.nextInt(10) > 0) {
                profiles.add(new AccountProfile(id, "Name " + i, "S", judgement(random, judgements),
                        judgement(random, judgements), judgement(random, judgements), judgement(random, judgements),
                        random.nextBoolean() ? null : asOf.minusMonths(random.nextInt(200) - 10)));
            }
        }
        ScoringModel model = ScoringModel.defaultModel();
        List<AccountReport> portfolio = Portfolio.analyse(ledger, profiles, model).accounts();

        List<Account> accounts = new ArrayList<>();
        List<String> known = new ArrayList<>();
        profiles.forEach(profile -> {
            accounts.add(Account.of(profile, ledger));
            known.add(profile.id());
        });
        ledger.accounts().stream().filter(revenue -> !known.contains(revenue.accountId()))
                .forEach(revenue -> accounts.add(Account.of(AccountProfile.unknown(revenue.accountId()), ledger)));
        List<RankedAccount> exact = model.rank(accounts);

        if (creditNotesUpTo > 0) {
            assertTrue(portfolio.stream().filter(AccountReport::netNegative).count() > 10, "some accounts are net-negative");
        }
        assertEquals(exact.size(), portfolio.size());
        for (int i = 0; i < exact.size(); i++) {
            assertEquals(exact.get(i).account().id(), portfolio.get(i).account().id(), "rank " + (i + 1));
            assertEquals(exact.get(i).score(), portfolio.get(i).score(), "rank " + (i + 1));
        }
    }

    private static BigDecimal judgement(SplittableRandom random, String[] judgements) {
        return random.nextInt(8) == 0 ? null : new BigDecimal(judgements[random.nextInt(judgements.length)]);
    }
}
