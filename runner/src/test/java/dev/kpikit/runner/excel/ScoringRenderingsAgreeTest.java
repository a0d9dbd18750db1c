package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kpikit.runner.excel.ScoringLayout.PerFactorColumn;
import dev.kpikit.runner.excel.ScoringLayout.ScoreColumn;
import dev.kpikit.runner.excel.ScoringLayout.SheetName;
import dev.kpikit.scoring.Account;
import dev.kpikit.scoring.AccountProfile;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.AccountScore;
import dev.kpikit.scoring.CompiledModel;
import dev.kpikit.scoring.Factor;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.FactorScore;
import dev.kpikit.scoring.MissingPolicy;
import dev.kpikit.scoring.NetNegative;
import dev.kpikit.scoring.Normalisation;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.RevenueLedger;
import dev.kpikit.scoring.ScoringModel;
import dev.kpikit.scoring.TierRule;

/**
 * Every normalisation x missing policy, and every form of tier rule, through its three renderings on a small
 * portfolio: the compiled score and rules equal the exact ones, and the workbook's formulas recalculated by POI give
 * the exact normalised values, scores and tiers. The model is built from the enums' and the sealed rule type's
 * values, so a new rule without its renderings fails here.
 */
class ScoringRenderingsAgreeTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    /** Rule forms by the model-file type; a new {@link TierRule} needs one here. */
    private static final Map<Class<?>, String> RULES = Map.of(
            TierRule.MaxTierBelowShare.class, "{ \"type\": \"maxTierBelowShare\", \"tier\": \"B\", \"minShare\": 0.1 }",
            TierRule.MinTierWhen.class, "{ \"type\": \"minTierWhen\", \"factor\": \"engagement\", \"equals\": 5, \"tier\": \"A\" }");

    private static ScoringModel model;
    private static Portfolio portfolio;

    @TempDir
    static Path temp;

    /**
     * A factor for each normalisation x policy on strategic value (ties, one account without it), and one for each
     * policy on satisfaction, which no account has.
     */
    @BeforeAll
    static void modelAndPortfolio() {
        List<String> factors = new ArrayList<>();
        for (Normalisation normalisation : Normalisation.values()) {
            for (MissingPolicy missing : MissingPolicy.values()) {
                factors.add(factor("strategic_value", normalisation, missing, factors.size() + 1));
            }
        }
        for (MissingPolicy missing : MissingPolicy.values()) {
            factors.add(factor("satisfaction", Normalisation.MIN_MAX, missing, factors.size() + 1));
        }
        model = ScoringModel.parse("{ \"name\": \"every rendering\", \"factors\": [" + String.join(",", factors) + "],"
                + " \"tiers\": [ { \"name\": \"A\", \"minScore\": 60 }, { \"name\": \"B\", \"minScore\": 40 },"
                + " { \"name\": \"C\", \"minScore\": 0 } ], \"rules\": [" + String.join(",", RULES.values()) + "] }", "every.json");

        RevenueLedger ledger = new RevenueLedger(AS_OF, PeriodLength.YEAR);
        String[] ids = {"A1", "A2", "A3", "A4", "A5", "A6", "A7"};
        String[] revenue = {"50000", "1200.50", "30000", "800", "-500", "15000", "2500.25"};
        Integer[] strategic = {5, 3, 3, null, 1, 4, 5};
        Integer[] engagement = {2, 5, 3, 4, 1, 5, null};
        List<AccountProfile> profiles = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            ledger.add(AS_OF.minusMonths(2), ids[i], new BigDecimal(revenue[i]));
            profiles.add(new AccountProfile(ids[i], "Account " + ids[i], "Segment", decimal(strategic[i]), null,
                    decimal(engagement[i]), null, AS_OF.minusYears(i + 1)));
        }
        portfolio = Portfolio.analyse(ledger, profiles, model);
    }

    private static String factor(String input, Normalisation normalisation, MissingPolicy missing, int weight) {
        return "{ \"id\": \"" + input + " " + normalisation + " " + missing + "\", \"input\": \"" + input
                + "\", \"weight\": " + weight + ", \"normalisation\": \"" + normalisation + "\", \"missing\": \""
                + missing + "\"" + (normalisation.hasBounds() ? ", \"min\": 1, \"max\": 5" : "") + " }";
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    @Test
    void theModelHasEveryRuleForm() {
        Set<Class<?>> used = new HashSet<>();
        model.rules().forEach(rule -> used.add(rule.getClass()));
        assertEquals(Set.of(TierRule.class.getPermittedSubclasses()), used);
        assertEquals((Normalisation.values().length + 1) * MissingPolicy.values().length, model.factors().size());
    }

    @Test
    void theCompiledScoreIsTheExactOneToTheCent() {
        List<Account> accounts = portfolio.accounts().stream().map(AccountReport::account).toList();
        ScoringModel.Scorer scorer = model.scorer(accounts);
        CompiledModel compiled = scorer.compile();
        int sure = 0;
        for (Account account : accounts) {
            long cents = CompiledModel.cents(compiled.score(CompiledModel.raw(account)));
            if (cents != CompiledModel.UNSURE) {
                assertEquals(scorer.score(account).score(), BigDecimal.valueOf(cents, 2), account.id());
                sure++;
            }
        }
        assertEquals(accounts.size(), sure, "no score lies on a half cent or a near tie here");
    }

    @Test
    void theCompiledRulesGiveTheExactTiers() {
        BigDecimal shareBase = portfolio.accounts().stream().map(report -> NetNegative.counted(report.revenue().current()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Account> accounts = portfolio.accounts().stream().map(AccountReport::account).toList();
        TierRule.Columns columns = new TierRule.Columns() {
            @Override
            public BigDecimal countedRevenue(int account) {
                return NetNegative.counted(accounts.get(account).input(FactorInput.REVENUE));
            }

            @Override
            public BigDecimal stored(int account, FactorInput input) {
                return accounts.get(account).input(input);
            }
        };
        List<String> tiers = model.tiers().stream().map(tier -> tier.name()).toList();
        Set<String> moved = new HashSet<>();
        for (int account = 0; account < accounts.size(); account++) {
            AccountScore exact = portfolio.accounts().get(account).score();
            int tier = tiers.indexOf(exact.scoreTier());
            for (TierRule rule : model.rules()) {
                tier = rule.compile(model, shareBase).apply(tier, account, columns);
            }
            assertEquals(exact.tier(), tiers.get(tier), accounts.get(account).id());
            exact.appliedRules().forEach(rule -> moved.add(rule.type()));
        }
        assertEquals(Set.of("maxTierBelowShare", "minTierWhen"), moved, "each rule form moved a tier");
    }

    /** In English and in French, whose sheet names (Modèle, Comptes) the formulas and defined names then follow. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theWorkbookRecalculatedByPoiGivesTheExactValuesScoresAndTiers(String language) throws Exception {
        Path file = temp.resolve("every-" + language + ".xlsx");
        Locale locale = Locale.forLanguageTag(language);
        new ScoringWorkbook(model, portfolio, List.of(), new ScoringWorkbook.Info("every rendering", AS_OF, locale)).write(file);
        ReportTexts texts = new ReportTexts(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            evaluator.evaluateAll();
            XSSFSheet sheet = workbook.getSheet(texts.text(SheetName.ACCOUNTS));
            Map<String, Row> rows = new HashMap<>();
            for (Row row : sheet) {
                rows.put(row.getCell(0).getStringCellValue(), row);
            }
            for (AccountReport report : portfolio.accounts()) {
                Row row = rows.get(report.account().id());
                AccountScore exact = report.score();
                for (FactorScore factor : exact.factors()) {
                    Cell normalised = row.getCell(Workbooks.column(sheet, texts.text(PerFactorColumn.NORMALISED, factor.factorId())));
                    String where = report.account().id() + " " + factor.factorId();
                    if (factor.normalised() == null) {
                        assertEquals(CellType.STRING, normalised.getCachedFormulaResultType(), where);
                        assertEquals("", normalised.getStringCellValue(), where);
                    } else {
                        assertEquals(factor.normalised().doubleValue(), normalised.getNumericCellValue(), 1e-12, where);
                    }
                    assertEquals(factor.points().doubleValue(),
                            row.getCell(Workbooks.column(sheet, texts.text(PerFactorColumn.POINTS, factor.factorId()))).getNumericCellValue(), 1e-9, where);
                }
                assertEquals(exact.score().doubleValue(), row.getCell(Workbooks.column(sheet, texts.text(ScoreColumn.SCORE))).getNumericCellValue(),
                        1e-9, report.account().id());
                assertEquals(exact.tier(), row.getCell(Workbooks.column(sheet, texts.text(ScoreColumn.TIER))).getStringCellValue(), report.account().id());
            }
        }
    }

    @Test
    void everyFactorIsExcludedSomewhereAndCountedElsewhere() {
        // the renderings above were compared on both sides of every missing policy
        for (Factor factor : model.factors()) {
            boolean policyMatters = portfolio.accounts().stream().anyMatch(report -> report.account().input(factor.input()) == null);
            assertTrue(policyMatters, factor.id());
        }
        assertTrue(Arrays.stream(MissingPolicy.values()).allMatch(policy ->
                model.factors().stream().anyMatch(factor -> factor.missing() == policy)));
    }
}
