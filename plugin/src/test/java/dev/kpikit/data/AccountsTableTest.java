package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.kpikit.scoring.AccountProfile;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.FactorScore;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.RevenueLedger;
import dev.kpikit.scoring.ScoringModel;

/**
 * The accounts table reads each cell from the portfolio's columns without building the account's report; every cell
 * must be what the report (account, score with its factors, revenue, classes) says.
 */
class AccountsTableTest {

    @Test
    void everyCellOfTheDefaultModelsTableIsTheReports() {
        assertCellsAreTheReports(ScoringModel.defaultModel(), Locale.ENGLISH);
    }

    @Test
    void everyCellIsTheReportsInAnotherLanguage() {
        assertCellsAreTheReports(ScoringModel.defaultModel(), Locale.FRENCH);
    }

    /** Normalised over the population, one input weighed twice, a rule on a judgement. */
    @Test
    void everyCellOfAPopulationModelWithAnInputWeighedTwiceIsTheReports() {
        assertCellsAreTheReports(ScoringModel.parse("""
                {"name": "population",
                 "factors": [
                   {"id": "revenue", "weight": 2, "normalisation": "MIN_MAX", "missing": "ZERO"},
                   {"id": "share_rank", "input": "revenue_share", "weight": 1, "normalisation": "PERCENTILE_RANK", "missing": "ZERO"},
                   {"id": "share_scale", "input": "revenue_share", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 0.2, "missing": "ZERO"},
                   {"id": "growth", "input": "revenue_growth", "weight": 1, "normalisation": "MIN_MAX", "missing": "EXCLUDE"},
                   {"id": "engagement", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5, "missing": "EXCLUDE"}],
                 "tiers": [{"name": "KEY", "minScore": 60}, {"name": "OTHER", "minScore": 0}],
                 "rules": [{"type": "minTierWhen", "factor": "engagement", "equals": 5, "tier": "KEY"}]}
                """, "population.json"), Locale.ENGLISH);
    }

    /** More rules than the portfolio's columns note: the rows are scored exactly when read. */
    @Test
    void everyCellOfAModelWithMoreRulesThanTheColumnsHoldIsTheReports() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            rules.append(i == 0 ? "" : ", ").append("{\"type\": \"minTierWhen\", \"factor\": \"strategic_value\", \"equals\": ")
                    .append(i == 16 ? "5" : String.valueOf(100 + i)).append(", \"tier\": \"KEY\"}");
        }
        assertCellsAreTheReports(ScoringModel.parse("""
                {"name": "many rules",
                 "factors": [
                   {"id": "revenue_share", "weight": 1, "normalisation": "FIXED_SCALE", "min": 0, "max": 0.1, "missing": "ZERO"},
                   {"id": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5, "missing": "EXCLUDE"}],
                 "tiers": [{"name": "KEY", "minScore": 50}, {"name": "OTHER", "minScore": 0}],
                 "rules": [%s]}
                """.formatted(rules), "many-rules.json"), Locale.ENGLISH);
    }

    /** Beyond a thousand rows the table is read ahead on other cores: the same rows and cells. */
    @Test
    void theTableReadAheadAndItsPartsReadInTurnAreTheSameRows() throws DataFormatException {
        Portfolio portfolio = portfolio(ScoringModel.defaultModel(), 2_500);
        List<Object> whole = cells(PortfolioTables.accounts(portfolio, Locale.ENGLISH));
        TableParts parts = PortfolioTables.accounts(portfolio, Locale.ENGLISH, 97);
        assertEquals((portfolio.accounts().size() + 96) / 97, parts.count());
        List<Object> joined = new ArrayList<>();
        for (int part = 0; part < parts.count(); part++) {
            joined.addAll(cells(parts.part().apply(part)));
        }
        assertEquals(whole, joined);
    }

    @Test
    void aCellIsRefusedBeforeTheFirstRowAndAfterTheLast() throws DataFormatException {
        try (TableReader table = PortfolioTables.accounts(portfolio(ScoringModel.defaultModel()), Locale.ENGLISH)) {
            assertThrows(IllegalStateException.class, () -> table.value(0));
            while (table.next()) {
                assertTrue(table.rowNumber() > 0);
            }
            assertFalse(table.next());
            assertThrows(IllegalStateException.class, () -> table.value(0));
        }
    }

    private static void assertCellsAreTheReports(ScoringModel model, Locale locale) {
        Portfolio portfolio = portfolio(model);
        List<Column> columns = PortfolioTables.ACCOUNT_COLUMNS;
        try (TableReader table = PortfolioTables.accounts(portfolio, locale)) {
            for (AccountReport report : portfolio.accounts()) {
                assertTrue(table.next());
                Object[] expected = expectedRow(report, locale);
                for (int i = 0; i < columns.size(); i++) {
                    assertEquals(expected[i], table.value(i), report.account().id() + ", " + columns.get(i).name());
                }
            }
            assertFalse(table.next());
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** The row as the table made it from the report before it read the columns (the reference). */
    private static Object[] expectedRow(AccountReport report, Locale locale) {
        List<Object> row = new ArrayList<>();
        row.add((long) report.rank());
        row.add(report.account().id());
        row.add(report.account().name());
        row.add(report.account().segment());
        for (FactorInput input : FactorInput.values()) {
            row.add(report.account().input(input));
        }
        row.add(report.revenue().previous());
        row.add(report.revenue().lifetime());
        for (FactorInput input : FactorInput.values()) {
            BigDecimal normalised = null;
            BigDecimal points = null;
            for (FactorScore factor : report.score().factors()) {
                if (factor.input() == input) {
                    normalised = normalised == null ? factor.normalised() : normalised;
                    points = points == null ? factor.points() : points.add(factor.points());
                }
            }
            row.add(normalised);
            row.add(points);
        }
        row.add(report.score().score());
        row.add(report.score().tier());
        row.add(report.score().scoreTier());
        row.add(report.abc() == null ? null : report.abc().name());
        row.add(report.rfm().code());
        row.add((long) report.rfm().recency());
        row.add((long) report.rfm().frequency());
        row.add((long) report.rfm().monetary());
        row.add(report.majorCustomer());
        row.add(report.revenue().lastPurchase());
        row.add(report.score().explain(locale));
        row.add(report.netNegative());
        row.add(report.inAccountTable());
        return row.toArray();
    }

    private static List<Object> cells(TableReader table) throws DataFormatException {
        List<Object> cells = new ArrayList<>();
        try (table) {
            while (table.next()) {
                cells.add(table.rowNumber());
                for (int i = 0; i < table.columns().size(); i++) {
                    cells.add(table.value(i));
                }
            }
        }
        return cells;
    }

    /**
     * Accounts (600 unless said): credit notes (some net-negative), accounts without revenue rows, revenue rows under ids the
     * account table lacks, blank judgements and start dates, judgements of 5 (which rules look at).
     */
    private static Portfolio portfolio(ScoringModel model) {
        return portfolio(model, 600);
    }

    private static Portfolio portfolio(ScoringModel model, int accounts) {
        SplittableRandom random = new SplittableRandom(21);
        LocalDate asOf = LocalDate.parse("2026-06-30");
        RevenueLedger ledger = new RevenueLedger(asOf, PeriodLength.YEAR);
        List<AccountProfile> profiles = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = "T" + i;
            for (int row = random.nextInt(5); row > 0; row--) {
                ledger.add(asOf.minusDays(random.nextInt(700)), id,
                        BigDecimal.valueOf(random.nextInt(200_000) - random.nextInt(60_000), random.nextInt(3)));
            }
            if (random.nextInt(12) > 0) {
                profiles.add(new AccountProfile(id, "Name " + i, random.nextBoolean() ? "SMB" : null, judgement(random),
                        judgement(random), judgement(random), judgement(random),
                        random.nextInt(4) == 0 ? null : asOf.minusMonths(random.nextInt(150) - 5)));
            }
        }
        return Portfolio.analyse(ledger, profiles, model);
    }

    private static BigDecimal judgement(SplittableRandom random) {
        return random.nextInt(6) == 0 ? null : BigDecimal.valueOf(1 + random.nextInt(5));
    }
}
