package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;

/** What reading a data folder's account table refuses or warns about, in each table format. */
class AccountTableChecksTest {

    private static final String REVENUE = "date,account_id,amount\n2026-01-05,A1,300\n2026-02-05,B2,100\n";

    @TempDir
    Path folder;

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
    }

    private Portfolio portfolio(List<String> warnings) throws Exception {
        ScoringFolder scoring = new ScoringFolder(folder);
        return scoring.portfolio(LocalDate.of(2026, 3, 31), PeriodLength.YEAR, scoring.model(null), warnings::add);
    }

    private String refusal() {
        return assertThrows(DataFormatException.class, () -> portfolio(new ArrayList<>())).getMessage();
    }

    @Test
    void aDuplicateAccountIdInCsvIsRefusedWithBothLines() throws Exception {
        write("accounts.csv", "account_id,name\nA1,Acme\nB2,Bolt\nC3,Cog\nA1,Acme again\n");
        write("revenue.csv", REVENUE);
        assertEquals("accounts.csv, lines 2 and 5: account_id 'A1' appears twice", refusal());
    }

    @Test
    void aDuplicateAccountIdInJsonIsRefusedWithBothElements() throws Exception {
        write("accounts.json", """
                [{"account_id": "A1", "name": "Acme"},
                 {"account_id": "B2", "name": "Bolt"},
                 {"account_id": "A1", "name": "Acme again"}]
                """);
        write("revenue.csv", REVENUE);
        assertEquals("accounts.json, elements 1 and 3: account_id 'A1' appears twice", refusal());
    }

    @Test
    void aDuplicateAccountIdInXlsxIsRefusedWithBothRows() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(folder.resolve("accounts.xlsx"))) {
            Sheet sheet = workbook.createSheet("accounts");
            String[][] rows = {{"Customer ID", "name"}, {"B2", "Bolt"}, {"A1", "Acme"}, {"B2", "Bolt again"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
            }
            workbook.write(out);
        }
        write("revenue.csv", REVENUE);
        assertEquals("accounts.xlsx, sheet 'accounts', rows 2 and 4: Customer ID 'B2' appears twice", refusal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "0", "-1", "5.5"})
    void aJudgementOutsideTheModelsScaleIsRefusedWithItsPlaceAndRange(String value) throws Exception {
        write("accounts.csv", "account_id,name,Strategic Value\nA1,Acme,4\nB2,Bolt," + value + "\n");
        write("revenue.csv", REVENUE);
        assertEquals("accounts.csv, line 3, column 'Strategic Value': strategic value " + value
                + " is outside the model's scale 1 to 5 (a model with \"outOfRange\": \"CLAMP\" clamps it instead)", refusal());
    }

    @Test
    void aModelThatClampsWarnsOncePerAccountAndExplainsTheClampedValue() throws Exception {
        write("accounts.csv", "account_id,name,strategic_value,satisfaction,engagement,growth_potential,relationship_start\n"
                + "A1,Acme,9,0,3,,\nB2,Bolt,4,3,3,,\n");
        write("revenue.csv", REVENUE);
        String model = new String(dev.kpikit.scoring.ScoringModel.class.getResourceAsStream("default-model.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        write("scoring-model.json", model.replaceFirst("\\{", "{ \"outOfRange\": \"CLAMP\","));
        List<String> warnings = new ArrayList<>();
        Portfolio portfolio = portfolio(warnings);
        assertEquals(List.of("accounts.csv, line 2, account 'A1': strategic value 9 clamped to 5 (scale 1 to 5),"
                + " satisfaction 0 clamped to 1 (scale 1 to 5)"), warnings);
        AccountReport acme = portfolio.accounts().stream().filter(a -> a.account().id().equals("A1")).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(5).compareTo(acme.account().input(FactorInput.STRATEGIC_VALUE)));
        assertEquals("KEY: 75% of revenue, strategic value 5/5", acme.score().explain(Locale.ENGLISH));
    }

    @Test
    void revenueOfAccountsMissingFromTheAccountTableIsScoredUnderItsIdWithOneWarning() throws Exception {
        write("accounts.csv", "account_id,name\nA1,Acme\n");
        write("revenue.csv", REVENUE + "2026-02-06,X9,50\n2026-02-07,Z1,50\n2026-02-08,X10,5\n");
        List<String> warnings = new ArrayList<>();
        Portfolio portfolio = portfolio(warnings);
        assertEquals(List.of("accounts.csv: no column for field 'strategic_value' (looked for strategic_value, strategic_importance,"
                + " strategic); no column for field 'growth_potential' (looked for growth_potential, potential); no column for field"
                + " 'engagement' (looked for engagement, collaboration); no column for field 'satisfaction' (looked for satisfaction,"
                + " csat); no column for field 'relationship_start' (looked for relationship_start, customer_since, start_date):"
                + " every account lacks them, and the model scores them as missing for all",
                "4 account ids in revenue.csv are not in accounts.csv (B2, X10, X9, Z1); scored under their id"), warnings);
        assertEquals(List.of("B2", "X10", "X9", "Z1"), portfolio.unknownAccountIds());
        assertEquals(List.of("A1"), portfolio.accounts().stream().filter(AccountReport::inAccountTable)
                .map(a -> a.account().id()).toList());
    }

    /** Ids another tool spelt its own way (lower case, zeros dropped) are told beside the accounts they likely mean. */
    @Test
    void anUnknownIdDifferingOnlyInCaseOrLeadingZerosIsToldWithTheIdItLikelyMeans() throws Exception {
        write("accounts.csv", "account_id,name,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n"
                + "C01,Client A,3,3,3,3,2020-01-01\n007,Bond,3,3,3,3,2020-01-01\n");
        write("revenue.csv", "date,account_id,amount\n2026-02-01,c01,100\n2026-02-02,7,50\n2026-02-03,X9,5\n");
        List<String> warnings = new ArrayList<>();
        portfolio(warnings);
        assertEquals(List.of("3 account ids in revenue.csv are not in accounts.csv (7, X9, c01); scored under their id;"
                + " accounts.csv has 007 for 7, C01 for c01 (ids differing only in case or leading zeros are not the same account)"),
                warnings);
    }

    /** A subtotal line of a revenue export has a date and an amount: its label is told, for its sum is counted twice. */
    @Test
    void aTotalsLineLabelAmongTheUnknownIdsIsToldAsOne() throws Exception {
        write("accounts.csv", "account_id,name,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n"
                + "C01,Client A,3,3,3,3,2020-01-01\n");
        write("revenue.csv", "date,account_id,amount\n2026-02-01,C01,100\n2026-02-28,Subtotal February,100\n");
        List<String> warnings = new ArrayList<>();
        portfolio(warnings);
        assertEquals(List.of("1 account id in revenue.csv is not in accounts.csv (Subtotal February); scored under its id;"
                + " Subtotal February looks like the label of a totals line: delete such lines, or their revenue is counted twice"
                + " in the totals and shares"), warnings);
    }
}
