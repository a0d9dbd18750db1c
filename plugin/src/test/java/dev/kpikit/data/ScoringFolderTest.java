package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.scoring.ModelException;
import dev.kpikit.scoring.PeriodConcentration;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;

class ScoringFolderTest {

    @TempDir
    Path folder;

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
    }

    @Test
    void aFolderWhereTheModelFileGoesIsToldAsAFolder() throws Exception {
        Path model = Files.createDirectories(folder.resolve("scoring-model.json"));
        String expected = ": it is a folder, not a model file (a scoring model's .json file)";
        // named with --model, and the data folder's own model file, which must not fall back to the built-in model
        NoSuchFileException named = assertThrows(NoSuchFileException.class, () -> new ScoringFolder(folder).model(folder));
        assertEquals(folder.toAbsolutePath() + expected, named.getFile() + ": " + named.getReason());
        NoSuchFileException own = assertThrows(NoSuchFileException.class, () -> new ScoringFolder(folder).model(null));
        assertEquals(model.toAbsolutePath() + expected, own.getFile() + ": " + own.getReason());
    }

    @Test
    void usersOwnColumnNamesAndNumericIdsWork() throws Exception {
        // ids look numeric, amounts integer in the first rows, a mapped amount column, German headers
        write("accounts.csv", "Customer-ID,Customer,Strategic Value\n1001,Acme,5\n1002,Bolt,\n");
        write("revenue.csv", "Rechnungsdatum;Customer ID;Umsatz\n2026-01-05;1001;300\n2026-02-05;1002;100,5\n");
        ScoringFolder scoring = new ScoringFolder(folder,
                ScoringFolder.defaultMapping().withOverrides("date=Rechnungsdatum, amount=Umsatz"));
        Portfolio portfolio = scoring.portfolio(scoring.asOfOrLatest(null), PeriodLength.YEAR, scoring.model(null));
        assertEquals(List.of("1001", "1002"), portfolio.accounts().stream().map(a -> a.account().id()).toList());
        assertEquals(new BigDecimal("100.5"), portfolio.accounts().get(1).revenue().current());
        assertNull(portfolio.accounts().get(1).account().input(dev.kpikit.scoring.FactorInput.STRATEGIC_VALUE));
        assertEquals(LocalDate.of(2026, 2, 5), scoring.asOfOrLatest(null));
    }

    /**
     * A misspelt judgement header (satisfacton) leaves every account without it and the model re-weighs without a
     * word: said once, whether the scanner or the reader reads the table, naming the column not read.
     */
    @Test
    void aJudgementTheModelScoresWithoutAColumnIsWarnedOfWithTheColumnsNotRead() throws Exception {
        write("revenue.csv", "date,account_id,amount\n2026-01-05,A1,300\n2026-02-05,B2,100\n");
        String expected = "no column for field 'satisfaction' (looked for satisfaction, csat); no column for field"
                + " 'relationship_start' (looked for relationship_start, customer_since, start_date): every account lacks them,"
                + " and the model scores them as missing for all; columns not read: satisfacton";
        write("accounts.csv", "account_id,name,strategic_value,growth_potential,engagement,satisfacton\nA1,Alpha,4,3,4,5\nB2,Beta,2,2,2,2\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        List<String> warnings = new java.util.ArrayList<>();
        scoring.portfolio(LocalDate.of(2026, 2, 28), PeriodLength.YEAR, scoring.model(null), warnings::add);
        assertEquals(List.of("accounts.csv: " + expected), warnings);

        Files.delete(folder.resolve("accounts.csv"));
        write("accounts.json", "[{\"account_id\": \"A1\", \"name\": \"Alpha\", \"strategic_value\": 4, \"growth_potential\": 3,"
                + " \"engagement\": 4, \"satisfacton\": 5}]");
        warnings.clear();
        scoring.portfolio(LocalDate.of(2026, 2, 28), PeriodLength.YEAR, scoring.model(null), warnings::add);
        assertEquals("accounts.json: " + expected, warnings.get(0));
    }

    /** Credit notes only: no positive revenue to share out, so every share and ABC class is blank, never 0/0. */
    /** A totals line below the rows, its date empty and "Total" beside the sum, is refused saying what it looks like. */
    @Test
    void aTotalsLineBelowTheRowsIsRefusedAsOne() throws Exception {
        write("accounts.csv", "account_id,name\nA1,Alpha\n");
        write("revenue.csv", "date,account_id,amount\n2026-01-15,A1,100.00\n,Total,100.00\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new ScoringFolder(folder).ledger(LocalDate.of(2026, 1, 31), PeriodLength.YEAR));
        assertEquals("revenue.csv, line 3, column 'date': the date is empty (a totals line? kpikit adds the rows up itself:"
                + " delete the line)", e.getMessage());
        write("revenue.csv", "date,account_id,amount\n2026-01-15,A1,100.00\n,A2,100.00\n");
        e = assertThrows(DataFormatException.class, () -> new ScoringFolder(folder).ledger(LocalDate.of(2026, 1, 31), PeriodLength.YEAR));
        assertEquals("revenue.csv, line 3, column 'date': the date is empty", e.getMessage());
    }

    @Test
    void withoutPositiveRevenueSharesAndClassesAreBlank() throws Exception {
        write("accounts.csv", "account_id,name\nA1,Alpha\nB2,Beta\nC3,Cog\n");
        write("revenue.csv", "date,account_id,amount\n2025-01-15,A1,100.00\n2026-01-15,A1,-100.00\n2026-01-16,B2,-50\n"
                + "2026-01-17,C3,-0.01\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        Portfolio portfolio = scoring.portfolio(LocalDate.of(2026, 1, 31), PeriodLength.YEAR, scoring.model(null));
        assertEquals(3, portfolio.accounts().size());
        for (var report : portfolio.accounts()) {
            assertNull(report.abc(), report.account().id());
            assertNull(report.account().input(dev.kpikit.scoring.FactorInput.REVENUE_SHARE), report.account().id());
            assertTrue(report.revenue().current().signum() < 0, report.account().id());
        }
    }

    /** A decimal separator set for the folder reads 12.500 as twelve and a half where the file alone leaves it open. */
    @Test
    void aDecimalSeparatorSetForTheFolderReadsThreeDecimals() throws Exception {
        write("accounts.csv", "account_id;name\nA1;Alpha\n");
        write("revenue.csv", "date;account_id;amount\n2026-01-15;A1;12.500\n2026-01-16;A1;1.250\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        assertThrows(DataFormatException.class, () -> scoring.ledger(LocalDate.of(2026, 1, 31), PeriodLength.YEAR));
        ScoringFolder point = scoring.withReading(CsvReading.DEFAULT.withDecimalSeparator('.'));
        assertEquals(0, new BigDecimal("13.75").compareTo(point.portfolio(LocalDate.of(2026, 1, 31), PeriodLength.YEAR,
                point.model(null)).accounts().get(0).revenue().current()));
    }

    @Test
    void computedRowsReadLikeAnyTable() throws Exception {
        write("accounts.csv", "account_id,name\nA,Alpha\n");
        write("revenue.csv", "date,account_id,amount\n2026-01-05,A,300\n2026-02-05,A,100\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        try (TableReader rows = PortfolioTables.accounts(
                scoring.portfolio(LocalDate.of(2026, 2, 28), PeriodLength.MONTH, scoring.model(null)), Locale.ENGLISH)) {
            assertTrue(rows.next());
            int score = PortfolioTables.ACCOUNT_COLUMNS.stream().map(Column::name).toList().indexOf("score");
            int share = PortfolioTables.ACCOUNT_COLUMNS.stream().map(Column::name).toList().indexOf("revenue_share_points");
            // alone with 100% of February's revenue: share 30 of 40 weight (growth -66.7% gives 0) -> 75
            assertEquals(new BigDecimal("75.00"), rows.value(score));
            assertEquals(new BigDecimal("75.00"), rows.value(share));
            assertEquals(1L, rows.value(0));
            assertEquals(false, rows.next());
        }
        List<PeriodConcentration> periods = scoring.concentration(LocalDate.of(2026, 2, 28), PeriodLength.MONTH, 5);
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)), periods.stream().map(PeriodConcentration::start).toList());
        assertEquals(0, new BigDecimal("10000").compareTo(periods.get(0).hhi()));
    }

    @Test
    void mistakesNameTheFileLineAndField() throws Exception {
        write("accounts.csv", "account_id,name\nA,Alpha\n");
        write("revenue.csv", "date,account_id,amount\n2026-01-05,A,300\n2026-01-06,,1\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        DataFormatException blank = assertThrows(DataFormatException.class, () -> scoring.readRevenue((d, a, m) -> { }));
        assertEquals("revenue.csv, line 3, column 'account_id': the account id is empty", blank.getMessage());

        write("model.json", "{\"factors\": [{\"id\": \"strategic_value\", \"weight\": -1}]}");
        ModelException model = assertThrows(ModelException.class, () -> scoring.model(folder.resolve("model.json")));
        assertTrue(model.getMessage().startsWith("model.json, line 1, column "), model.getMessage());
        assertTrue(model.getMessage().contains("factors[0].weight"), model.getMessage());
        assertThrows(NoSuchFileException.class, () -> scoring.model(folder.resolve("absent.json")));

        Files.delete(folder.resolve("revenue.csv"));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> scoring.readRevenue((d, a, m) -> { }));
        assertTrue(missing.getMessage().contains("revenue.csv") && missing.getReason().contains(".xlsx"), missing.getMessage());
    }

    @Test
    void revenueRowsAreStreamedOnce() throws Exception {
        write("revenue.csv", "date,account_id,amount\n2026-01-05,A,1\n2026-01-06,B,2\n");
        List<String> seen = new ArrayList<>();
        new ScoringFolder(folder).readRevenue((date, account, amount) -> seen.add(account + amount));
        assertEquals(List.of("A1", "B2"), seen);
    }

    @Test
    void anEmptyJsonRevenueArrayHasNoRowsAsAHeaderOnlyCsvHas() throws Exception {
        write("accounts.csv", "account_id,name\nA,Alpha\n");
        write("revenue.json", "[]");
        ScoringFolder scoring = new ScoringFolder(folder);
        DataFormatException e = assertThrows(DataFormatException.class, () -> scoring.asOfOrLatest(null));
        assertEquals("revenue.json has no rows; give an as-of date", e.getMessage());

        Files.delete(folder.resolve("revenue.json"));
        write("revenue.csv", "date,account_id,amount\n");
        e = assertThrows(DataFormatException.class, () -> scoring.asOfOrLatest(null));
        assertEquals("revenue.csv has no rows; give an as-of date", e.getMessage(), "the message the JSON file's follows");
    }

    @Test
    void anEmptyJsonRevenueArrayWithAnAsOfDateScoresNoRevenue() throws Exception {
        write("accounts.csv", "account_id,name,strategic_value\nA,Alpha,5\n");
        write("revenue.json", "[ ]\n");
        ScoringFolder scoring = new ScoringFolder(folder, ScoringFolder.defaultMapping().withOverrides("amount=Umsatz"));
        Portfolio portfolio = scoring.portfolio(LocalDate.of(2026, 1, 31), PeriodLength.YEAR, scoring.model(null));
        assertEquals(List.of("A"), portfolio.accounts().stream().map(a -> a.account().id()).toList());
        assertEquals(0, BigDecimal.ZERO.compareTo(portfolio.accounts().get(0).revenue().current()));
    }

    @Test
    void anEmptyJsonAccountsArrayIsAnAccountsTableWithoutRows() throws Exception {
        write("accounts.json", "[]");
        write("revenue.csv", "date,account_id,amount\n2026-01-05,A,300\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        Portfolio portfolio = scoring.portfolio(scoring.asOfOrLatest(null), PeriodLength.YEAR, scoring.model(null));
        assertEquals(List.of("A"), portfolio.accounts().stream().map(a -> a.account().id()).toList());
        assertEquals(new BigDecimal("300"), portfolio.accounts().get(0).revenue().current());
    }
}
