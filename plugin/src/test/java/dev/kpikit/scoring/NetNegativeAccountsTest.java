package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Accounts whose credit notes exceed their invoices, as of 2026-03-31 by quarter:
 * <pre>
 * account  current  previous
 * A            500       400
 * B            400       400
 * M            100      -200   (a credit in the previous quarter: growth has no base)
 * N           -700       500   (credit notes 1,000 against invoices 300)
 * </pre>
 * Positive revenue is 1,000, so A holds 50%, B 40%, M 10% and N 0%; total revenue is 300.
 */
class NetNegativeAccountsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

    private static RevenueLedger ledger() {
        return new RevenueLedger(AS_OF, PeriodLength.QUARTER)
                .add(LocalDate.parse("2026-01-10"), "A", new BigDecimal("500"))
                .add(LocalDate.parse("2025-11-10"), "A", new BigDecimal("400"))
                .add(LocalDate.parse("2026-02-10"), "B", new BigDecimal("400"))
                .add(LocalDate.parse("2025-11-10"), "B", new BigDecimal("400"))
                .add(LocalDate.parse("2026-02-10"), "M", new BigDecimal("100"))
                .add(LocalDate.parse("2025-12-10"), "M", new BigDecimal("-200"))
                .add(LocalDate.parse("2026-01-05"), "N", new BigDecimal("300"))
                .add(LocalDate.parse("2026-03-05"), "N", new BigDecimal("-1000"))
                .add(LocalDate.parse("2025-10-05"), "N", new BigDecimal("500"));
    }

    private static AccountProfile profile(String id) {
        BigDecimal three = BigDecimal.valueOf(3);
        return new AccountProfile(id, "Client " + id, "SMB", three, three, three, three, LocalDate.parse("2020-01-01"));
    }

    private static Map<String, AccountReport> analysed() {
        Portfolio portfolio = Portfolio.analyse(ledger(), List.of(profile("A"), profile("B"), profile("M"), profile("N")),
                ScoringModel.defaultModel());
        return portfolio.accounts().stream().collect(Collectors.toMap(report -> report.account().id(), Function.identity()));
    }

    @Test
    void aNetNegativeAccountIsScoredWithAShareOfZeroAndMarked() {
        Map<String, AccountReport> accounts = analysed();
        AccountReport n = accounts.get("N");
        assertEquals(0, BigDecimal.ZERO.compareTo(n.account().input(FactorInput.REVENUE_SHARE)));
        assertEquals(0, new BigDecimal("-700").compareTo(n.account().input(FactorInput.REVENUE)), "its revenue stays as it is");
        assertTrue(n.netNegative());
        assertTrue(n.score().netNegative());
        assertEquals(AbcClass.C, n.abc());
        assertFalse(n.majorCustomer());
        assertFalse(accounts.get("A").netNegative());
    }

    @Test
    void theOtherSharesArePartsOfThePositiveRevenue() {
        Map<String, AccountReport> accounts = analysed();
        assertEquals(0, new BigDecimal("0.5").compareTo(accounts.get("A").account().input(FactorInput.REVENUE_SHARE)));
        assertEquals(0, new BigDecimal("0.4").compareTo(accounts.get("B").account().input(FactorInput.REVENUE_SHARE)));
        assertEquals(0, new BigDecimal("0.1").compareTo(accounts.get("M").account().input(FactorInput.REVENUE_SHARE)));
        RevenueLedger ledger = ledger();
        assertEquals(0, new BigDecimal("300").compareTo(ledger.totalCurrent()), "credit notes still count in the total");
        assertEquals(0, new BigDecimal("1000").compareTo(ledger.shareBase()));
    }

    @Test
    void concentrationMeasuresCountTheNetNegativeAccountAsZero() {
        ConcentrationSummary concentration = Portfolio.analyse(ledger(),
                List.of(profile("A"), profile("B"), profile("M"), profile("N")), ScoringModel.defaultModel()).concentration();
        assertEquals(0, new BigDecimal("4200").compareTo(concentration.hhi()), "2,500 + 1,600 + 100 + 0");
        assertEquals(0, new BigDecimal("0.5").compareTo(concentration.topOneShare()));
        assertEquals(0, BigDecimal.ONE.compareTo(concentration.topNShare()), "the top five hold all positive revenue");
        RevenueShares shares = RevenueShares.of(ledger());
        assertEquals(0, new BigDecimal("4200").compareTo(shares.hhi()));
        assertEquals(0, BigDecimal.ZERO.compareTo(shares.share("N")));
        assertEquals(AbcClass.C, ParetoClassifier.DEFAULT.classify(shares).get("N"));
    }

    @Test
    void growthFromANegativePeriodIsBlankAndAFallIntoNegativeIsBelowMinus100Percent() {
        Map<String, AccountReport> accounts = analysed();
        assertNull(accounts.get("M").account().input(FactorInput.REVENUE_GROWTH), "from -200 there is no base to grow from");
        assertEquals(0, new BigDecimal("-2.4").compareTo(accounts.get("N").account().input(FactorInput.REVENUE_GROWTH)),
                "500 to -700");
    }

    @Test
    void theExplanationSaysTheShareCountedAsZero() {
        String explanation = analysed().get("N").score().explain(Locale.ENGLISH);
        assertTrue(explanation.endsWith("; net revenue negative in the period, counted as a 0% share"), explanation);
        assertFalse(analysed().get("A").score().explain(Locale.ENGLISH).contains("negative"));
    }
}
