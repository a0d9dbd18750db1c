package dev.kpikit.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A start-up's customers as of 2026-03-31 by quarter (current 2026-01-01..03-31, previous
 * 2025-10-01..12-31), scored with the default model. Current revenue totals 100,000.
 *
 * <pre>
 * account        revenue  prev    share growth strat pot eng sat years
 * A Client A      41,000  40,000  0.41  0.025    4    3   4   4   8
 * B Big but cold  35,000  50,000  0.35  -0.30    2    1   2   2   2
 * C Startup        3,000   1,000  0.03   2.00    5    5   5   5   1
 * D (no profile)  21,000  21,000  0.21   0       -    -   -   -   -
 * E Pilot              -       -  0      -       5    2   1   1   -
 * </pre>
 *
 * Points (weights 30 share on 0..0.4, 10 growth on -0.2..0.5, 20 strategic, 15 potential,
 * 10 engagement, 10 satisfaction on 1..5, 5 years on 0..10):
 * A: 30 + 0.225/0.7 x 10 (3.214) + 15 + 7.5 + 7.5 + 7.5 + 4 = 74.714 -> 74.71 KEY.
 * C: 2.25 + 10 + 20 + 15 + 10 + 10 + 0.5 = 67.75 GROWTH, despite 3% of revenue.
 * B: 26.25 + 0 + 5 + 0 + 2.5 + 2.5 + 1 = 37.25 MAINTAIN.
 * E: no growth nor years (excluded, weight 85): (0 + 20 + 3.75) x 100 / 85 = 27.94 STANDARD, lifted to
 * MAINTAIN by strategic value 5.
 * D: scored on revenue alone (weight 40): (15.75 + 0.2/0.7 x 10) x 100 / 40 = 46.52 MAINTAIN; its
 * exact points 39.375 and 7.1428 floor to 46.51 and the missing cent goes to the share.
 */
class PortfolioTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

    private static RevenueLedger ledger() {
        return new RevenueLedger(AS_OF, PeriodLength.QUARTER)
                .add(LocalDate.parse("2025-06-01"), "A", new BigDecimal("5000"))
                .add(LocalDate.parse("2025-11-15"), "A", new BigDecimal("40000"))
                .add(LocalDate.parse("2026-01-10"), "A", new BigDecimal("20000"))
                .add(LocalDate.parse("2026-03-20"), "A", new BigDecimal("21000"))
                .add(LocalDate.parse("2026-04-02"), "A", new BigDecimal("99999"))
                .add(LocalDate.parse("2025-12-01"), "B", new BigDecimal("50000"))
                .add(LocalDate.parse("2026-02-01"), "B", new BigDecimal("35000"))
                .add(LocalDate.parse("2025-10-05"), "C", new BigDecimal("1000"))
                .add(LocalDate.parse("2026-03-30"), "C", new BigDecimal("3000"))
                .add(LocalDate.parse("2025-12-31"), "D", new BigDecimal("21000"))
                .add(LocalDate.parse("2026-01-01"), "D", new BigDecimal("21000"));
    }

    private static AccountProfile profile(String id, String name, int strategic, int potential, int engagement,
                                          int satisfaction, String start) {
        return new AccountProfile(id, name, "SMB", BigDecimal.valueOf(strategic), BigDecimal.valueOf(potential),
                BigDecimal.valueOf(engagement), BigDecimal.valueOf(satisfaction), start == null ? null : LocalDate.parse(start));
    }

    private static final List<AccountProfile> PROFILES = List.of(
            profile("A", "Client A", 4, 3, 4, 4, "2018-03-31"),
            profile("B", "Big but cold", 2, 1, 2, 2, "2024-03-31"),
            profile("C", "Startup", 5, 5, 5, 5, "2025-03-31"),
            profile("E", "Pilot", 5, 2, 1, 1, null));

    @Test
    void clientAIsKeyByRevenueAndTheStartupGrowthOnItsPotential() {
        // D has revenue but no profile: it is scored on revenue alone.
        Portfolio portfolio = Portfolio.analyse(ledger(), PROFILES, ScoringModel.defaultModel());
        List<AccountReport> rows = portfolio.accounts();

        assertEquals(List.of("A", "C", "D", "B", "E"), rows.stream().map(row -> row.account().id()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(AccountReport::rank).toList());
        assertEquals(List.of("74.71", "67.75", "46.52", "37.25", "27.94"),
                rows.stream().map(row -> row.score().score().toPlainString()).toList());
        assertEquals(List.of("KEY", "GROWTH", "MAINTAIN", "MAINTAIN", "MAINTAIN"),
                rows.stream().map(row -> row.score().tier()).toList());

        assertEquals("KEY: 41% of revenue, strategic value 4/5", rows.get(0).score().explain(Locale.ENGLISH));
        assertEquals("GROWTH: strategic value 5/5, growth potential 5/5", rows.get(1).score().explain(Locale.ENGLISH));
        assertEquals("MAINTAIN: strategic value 5/5, growth potential 2/5; at least MAINTAIN as strategic value is 5",
                rows.get(4).score().explain(Locale.ENGLISH));
        assertEquals("MAINTAIN: 21% of revenue, revenue growth of 0%", rows.get(2).score().explain(Locale.ENGLISH));
        assertEquals(List.of("3.21", "39.38", "7.14"), List.of(rows.get(0).score().factors().get(1).points().toPlainString(),
                rows.get(2).score().factors().get(0).points().toPlainString(),
                rows.get(2).score().factors().get(1).points().toPlainString()));
        assertEquals("D", rows.get(2).account().name());

        // Pareto by revenue A 41%, B 35%, D 21%, C 3%, E 0%: before D 76% < 80% so D is A; before C 97%.
        assertEquals(List.of(AbcClass.A, AbcClass.C, AbcClass.A, AbcClass.A, AbcClass.C),
                rows.stream().map(AccountReport::abc).toList());
        assertEquals(List.of(true, false, true, true, false), rows.stream().map(AccountReport::majorCustomer).toList());
        assertEquals(new RfmScore(1, 1, 1), rows.get(4).rfm(), "no purchase at all");
        assertEquals(new BigDecimal("86000"), rows.get(0).revenue().lifetime());

        ConcentrationSummary concentration = portfolio.concentration();
        // 41^2 + 35^2 + 21^2 + 3^2 = 1681 + 1225 + 441 + 9
        assertEquals(0, new BigDecimal("3356").compareTo(concentration.hhi()));
        assertEquals(ConcentrationBand.HIGH, concentration.band());
        assertEquals(0, new BigDecimal("0.41").compareTo(concentration.topOneShare()));
        assertEquals(5, concentration.topN());
        assertEquals(0, BigDecimal.ONE.compareTo(concentration.topNShare()));
        assertEquals(0, new BigDecimal("0.41").compareTo(concentration.keyAccountShare()));
        assertEquals(List.of("A", "B", "D"), concentration.majorCustomers());
        // The same shares straight from the ledger, which knows no E.
        assertEquals(List.of("A", "B", "D", "C"), List.copyOf(RevenueShares.of(ledger()).ranked().keySet()));
        assertEquals(0, new BigDecimal("0.97").compareTo(RevenueShares.of(ledger()).topShare(3)));
    }

    /** The profile's row added to {@code rows}, its id as the bytes of a CSV line. */
    private static void addRow(AccountTableRows rows, AccountProfile profile) {
        byte[] line = ("x," + profile.id() + ",y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        rows.add(line, 2, line.length - 2, profile.name(), profile.segment(), profile.strategicValue(),
                profile.growthPotential(), profile.engagement(), profile.satisfaction(), profile.relationshipStart());
    }

    @Test
    void accountsAddedInPartsScoreAsAccountsAddedOneByOne() {
        RevenueLedger ledger = ledger();
        Portfolio.Builder builder = Portfolio.builder(ledger);
        AccountTableRows first = builder.newRows();
        AccountTableRows second = builder.newRows();
        addRow(first, PROFILES.get(0));
        addRow(first, PROFILES.get(1));
        addRow(second, PROFILES.get(2));
        second.add(PROFILES.get(3).id(), null, null, null, null, null, null, null); // given as text, without a name
        assertEquals(true, builder.addAll(first));
        assertEquals(true, builder.addAll(second));
        Portfolio portfolio = builder.analyse(ScoringModel.defaultModel());

        List<AccountProfile> profiles = new java.util.ArrayList<>(PROFILES.subList(0, 3));
        profiles.add(new AccountProfile("E", "E", null, null, null, null, null, null));
        Portfolio oneByOne = Portfolio.analyse(ledger, profiles, ScoringModel.defaultModel());
        assertEquals(oneByOne.accounts(), portfolio.accounts());
        assertEquals(List.of("D"), portfolio.unknownAccountIds());
        assertEquals("E", portfolio.accounts().get(4).account().name(), "named by its id");
    }

    @Test
    void accountsAddedInPartsStopAtAnIdAlreadyAdded() {
        Portfolio.Builder builder = Portfolio.builder(ledger());
        AccountTableRows rows = builder.newRows();
        addRow(rows, PROFILES.get(0));
        addRow(rows, PROFILES.get(1));
        addRow(rows, PROFILES.get(0));
        assertEquals(false, builder.addAll(rows));
        assertEquals(true, builder.has("B"));
    }

    @Test
    void accountsOfTheSameScoreAndRevenueAreRankedByIdAsTextSortsIt() {
        // ids alike in their first characters, shorter ones, and characters beyond ASCII, which sort after it
        List<String> ids = List.of("Zeta", "A\u00e9", "AB", "A", "A0000000002", "A0000000010", "A\u00e9b", "A\u00c0",
                "a", "A0000000001", "~", "\u00c9cole");
        List<AccountProfile> profiles = ids.stream().map(id -> profile(id, "Same " + id, 3, 3, 3, 3, "2020-01-01")).toList();
        Portfolio portfolio = Portfolio.analyse(new RevenueLedger(AS_OF, PeriodLength.QUARTER), profiles,
                ScoringModel.defaultModel());
        List<String> ranked = portfolio.accounts().stream().map(row -> row.account().id()).toList();
        assertEquals(ids.stream().sorted().toList(), ranked);
    }

    @Test
    void anEmptyPortfolioHasNoSharesRatherThanErrors() {
        Portfolio portfolio = Portfolio.analyse(new RevenueLedger(AS_OF, PeriodLength.MONTH),
                List.of(profile("C", "Startup", 5, 5, 5, 5, null)), ScoringModel.defaultModel());
        AccountReport only = portfolio.accounts().getFirst();
        assertNull(only.abc());
        assertEquals("GROWTH", only.score().tier());
        assertNull(portfolio.concentration().hhi());
        assertNull(portfolio.concentration().band());
        assertNull(portfolio.concentration().topOneShare());
        assertNull(portfolio.concentration().keyAccountShare());
        assertEquals(List.of(), portfolio.concentration().majorCustomers());
    }

    @Test
    void aRelationshipStartingAfterTheAsOfDateCountsAsZeroYearsNotAsMissing() {
        RevenueLedger ledger = new RevenueLedger(AS_OF, PeriodLength.QUARTER)
                .add(LocalDate.parse("2026-03-01"), "TODAY", new BigDecimal("100"))
                .add(LocalDate.parse("2026-03-01"), "TOMORROW", new BigDecimal("100"));
        List<AccountReport> rows = Portfolio.analyse(ledger, List.of(
                profile("TODAY", "Starts today", 3, 3, 3, 3, "2026-03-31"),
                profile("TOMORROW", "Starts tomorrow", 3, 3, 3, 3, "2026-04-01")), ScoringModel.defaultModel()).accounts();
        assertEquals(0, BigDecimal.ZERO.compareTo(rows.get(1).account().input(FactorInput.RELATIONSHIP_YEARS)));
        assertEquals(rows.get(0).score().score(), rows.get(1).score().score(), "tomorrow does not outscore today");
    }
}
