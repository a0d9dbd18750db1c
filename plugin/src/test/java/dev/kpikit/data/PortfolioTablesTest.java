package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;

class PortfolioTablesTest {

    @TempDir
    Path folder;

    /** The reports of a portfolio, counting how many times a report is built. */
    private static final class CountedReports extends AbstractList<AccountReport> {
        private final List<AccountReport> reports;
        int built;

        CountedReports(List<AccountReport> reports) {
            this.reports = reports;
        }

        @Override
        public AccountReport get(int index) {
            built++;
            return reports.get(index);
        }

        @Override
        public int size() {
            return reports.size();
        }
    }

    private CountedReports twoAccounts() throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA,Alpha\nB,Bolt\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-02-05,A,300\n2026-02-06,B,100\n");
        ScoringFolder scoring = new ScoringFolder(folder);
        return new CountedReports(scoring.portfolio(LocalDate.of(2026, 2, 28), PeriodLength.MONTH, scoring.model(null)).accounts());
    }

    private static int column(String name) {
        return PortfolioTables.ACCOUNT_COLUMNS.stream().map(Column::name).toList().indexOf(name);
    }

    @Test
    void rowsWhoseCellsAreNotReadBuildNoReport() throws Exception {
        CountedReports reports = twoAccounts();
        try (TableReader rows = PortfolioTables.accounts(new Portfolio(reports, null, List.of()), Locale.ENGLISH)) {
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertFalse(rows.next());
        }
        assertEquals(0, reports.built);
    }

    @Test
    void aRowsReportIsBuiltOnceHoweverManyOfItsCellsAreRead() throws Exception {
        CountedReports reports = twoAccounts();
        try (TableReader rows = PortfolioTables.accounts(new Portfolio(reports, null, List.of()), Locale.ENGLISH)) {
            assertTrue(rows.next());
            assertEquals("A", rows.value(column("account_id")));
            assertEquals(new BigDecimal("300"), rows.value(column("revenue")));
            assertEquals(1L, rows.value(column("rank")));
            assertEquals("A", rows.value(column("account_id")));
            assertEquals(1, reports.built);
            assertTrue(rows.next());
            assertEquals("Bolt", rows.value(column("name")));
            assertEquals(2L, rows.value(column("rank")));
            assertEquals(2, reports.built);
        }
    }
}
