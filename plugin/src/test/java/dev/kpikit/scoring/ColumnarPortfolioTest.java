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
    void moneyColumnsAddUnscaledAmountsAndOtherColumnsSumsAsTheirBigDecimals() {
        MoneyColumn column = new MoneyColumn();
        MoneyColumn part = new MoneyColumn();
        column.ensureCapacity(3);
        part.ensureCapacity(3);
        column.add(0, 1050, 2);              // 10.50
        column.add(1, -7, 0);                // -7
        part.add(0, 25, 3);                  // 0.025
        part.add(2, 0, 2);                   // 0.00: a zero that still carries its scale
        column.addSum(0, part, 0);
        column.addSum(1, part, 1);           // nothing was added there
        column.addSum(2, part, 2);
        assertEquals(new BigDecimal("10.525"), column.get(0));
        assertEquals(new BigDecimal("-7"), column.get(1));
        assertEquals(new BigDecimal("0.00"), column.get(2));
        assertEquals(new BigDecimal("3.525"), column.sum(3));
        // beyond a long: BigDecimals from then on, and still exact
        column.add(1, Long.MAX_VALUE, 1);
        column.add(1, Long.MAX_VALUE, 1);
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE, 1).multiply(BigDecimal.valueOf(2)).subtract(BigDecimal.valueOf(7)),
                column.get(1));
        assertEquals(new BigDecimal("10.525"), column.get(0));
    }

    @Test
    void anIdFoundFromItsBytesHasTheNumberOfTheSameIdAsText() {
        IdIndex ids = new IdIndex();
        String[] texts = {"A0000001", "A1", "CUST-0001234", "CUST-00012345", "Müller", "", "x y"};
        for (String text : texts) {
            ids.add(text);
        }
        for (int i = 0; i < 5_000; i++) { // enough to rehash several times
            ids.add("B" + i);
        }
        for (int i = 0; i < texts.length; i++) {
            assertEquals(i, ids.indexOf(texts[i]));
            if (texts[i].chars().allMatch(c -> c < 0x80)) { // the bytes of ASCII text only: a CSV cell beyond it is a String
                byte[] bytes = ("[" + texts[i] + "]").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                assertEquals(i, ids.indexOf(bytes, 1, bytes.length - 1), texts[i]);
                assertEquals(i, ids.add(bytes, 1, bytes.length - 1), texts[i]);
            }
        }
        ids.ensureCapacity(50_000);
        assertEquals(2, ids.indexOf("CUST-0001234"), "found after sizing for more ids");
        byte[] fresh = "B5000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(-1, ids.indexOf("B5000"));
        assertEquals(-1, ids.indexOf(fresh, 0, fresh.length));
        assertEquals(texts.length + 5_000, ids.add(fresh, 0, fresh.length));
        assertEquals("B5000", ids.id(texts.length + 5_000));
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

    /** Two judgements on a scale of 0 to 1,000, equal weights: small values put scores and points on half cents. */
    private static final ScoringModel HALF_CENTS = ScoringModel.parse("""
            {"name": "half cents",
             "factors": [
               {"id": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 1000, "missing": "EXCLUDE"},
               {"id": "engagement", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 1000, "missing": "EXCLUDE"}],
             "tiers": [{"name": "KEY", "minScore": 0.01}, {"name": "OTHER", "minScore": 0}]}
            """, "half-cents.json");

    @Test
    void aScoreOnAHalfCentIsRoundedUpAsTheExactPathRoundsIt() {
        // 100 x 0.05 / 1000 = 0.005 points exactly: half a cent, which a double cannot place on either side
        AccountReport report = scoredAlone(new BigDecimal("0.05"), null);
        assertEquals(new BigDecimal("0.01"), report.score().score());
        assertEquals("KEY", report.score().tier());
        assertEquals(HALF_CENTS.score(report.account()), report.score());
    }

    @Test
    void pointsTiedOnAHalfCentGiveTheMissingCentToTheEarlierFactorAsTheExactPathDoes() {
        // each factor 0.005 points: the score is 0.01, and the cent goes to the first factor
        AccountReport report = scoredAlone(new BigDecimal("0.1"), new BigDecimal("0.1"));
        assertEquals(new BigDecimal("0.01"), report.score().score());
        assertEquals(new BigDecimal("0.01"), report.score().factors().get(0).points());
        assertEquals(new BigDecimal("0.00"), report.score().factors().get(1).points());
        assertEquals(HALF_CENTS.score(report.account()), report.score());
    }

    @Test
    void wholeCentPointsOfEveryJudgementWeighedAreTheExactPaths() {
        // every factor weighed (weights add up to 100) and judgements 1 to 5: most points are whole cents, where a
        // double can land on either side, and engagement and satisfaction tie whenever they are equal
        LocalDate asOf = LocalDate.parse("2026-06-30");
        RevenueLedger ledger = new RevenueLedger(asOf, PeriodLength.YEAR);
        List<AccountProfile> profiles = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 500; i++) {
            String id = "W" + i;
            ledger.add(asOf.minusDays(random.nextInt(300)), id, BigDecimal.valueOf(1 + random.nextInt(100_000), 2));
            ledger.add(asOf.minusDays(365 + random.nextInt(300)), id, BigDecimal.valueOf(1 + random.nextInt(100_000), 2));
            profiles.add(new AccountProfile(id, id, null, BigDecimal.valueOf(1 + random.nextInt(5)),
                    BigDecimal.valueOf(1 + random.nextInt(5)), BigDecimal.valueOf(1 + random.nextInt(5)),
                    BigDecimal.valueOf(1 + random.nextInt(5)), asOf.minusMonths(12L * random.nextInt(12))));
        }
        ScoringModel model = ScoringModel.defaultModel();
        for (AccountReport report : Portfolio.analyse(ledger, profiles, model).accounts()) {
            assertEquals(model.score(report.account()), report.score(), report.account().id());
        }
    }

    @Test
    void aModelWithMoreRulesThanTheColumnsHoldGivesTheExactPathsTierAndRules() {
        // seventeen rules, the last one applying: more than the portfolio's columns note, so rows are scored when read
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            rules.append(i == 0 ? "" : ", ").append("{\"type\": \"minTierWhen\", \"factor\": \"strategic_value\", \"equals\": ")
                    .append(i == 16 ? "0.05" : String.valueOf(100 + i)).append(", \"tier\": \"KEY\"}");
        }
        ScoringModel manyRules = ScoringModel.parse("""
                {"name": "many rules",
                 "factors": [{"id": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 1000, "missing": "EXCLUDE"}],
                 "tiers": [{"name": "KEY", "minScore": 50}, {"name": "OTHER", "minScore": 0}],
                 "rules": [%s]}
                """.formatted(rules), "many-rules.json");
        RevenueLedger ledger = new RevenueLedger(LocalDate.parse("2026-06-30"), PeriodLength.YEAR);
        ledger.add(LocalDate.parse("2026-06-01"), "R1", new BigDecimal("100"));
        AccountProfile profile = new AccountProfile("R1", "Rules", null, new BigDecimal("0.05"), null, null, null, null);
        AccountReport report = Portfolio.analyse(ledger, List.of(profile), manyRules).accounts().getFirst();
        assertEquals("KEY", report.score().tier());
        assertEquals(List.of(manyRules.rules().get(16)), report.score().appliedRules());
        assertEquals(manyRules.score(report.account()), report.score());
    }

    private static AccountReport scoredAlone(BigDecimal strategicValue, BigDecimal engagement) {
        RevenueLedger ledger = new RevenueLedger(LocalDate.parse("2026-06-30"), PeriodLength.YEAR);
        ledger.add(LocalDate.parse("2026-06-01"), "H1", new BigDecimal("100"));
        AccountProfile profile = new AccountProfile("H1", "Half", null, strategicValue, null, engagement, null, null);
        return Portfolio.analyse(ledger, List.of(profile), HALF_CENTS).accounts().getFirst();
    }

    private static BigDecimal judgement(SplittableRandom random, String[] judgements) {
        return random.nextInt(8) == 0 ? null : new BigDecimal(judgements[random.nextInt(judgements.length)]);
    }
}
