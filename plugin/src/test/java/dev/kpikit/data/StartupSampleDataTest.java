package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;

/**
 * sample-data/startup scored with the default model, year to date as of 2026-10-31: revenue
 * alone does not decide who is a key account.
 */
class StartupSampleDataTest {

    static final Path STARTUP = Path.of("../sample-data/startup");

    @Test
    void committedFilesAreWhatTheSeededGeneratorWrites() throws Exception {
        assertEquals(StartupSampleData.accountsCsv(), Files.readString(STARTUP.resolve("accounts.csv")));
        assertEquals(StartupSampleData.revenueCsv(), Files.readString(STARTUP.resolve("revenue.csv")));
    }

    @Test
    void clientAIsKeyByRevenueAndNordlysOnStrategicValueAndGrowthPotential() throws Exception {
        ScoringFolder folder = new ScoringFolder(STARTUP);
        LocalDate asOf = folder.asOfOrLatest(null);
        assertEquals(LocalDate.of(2026, 10, 31), asOf);
        Portfolio portfolio = folder.portfolio(asOf, PeriodLength.YEAR, folder.model(null));
        List<AccountReport> accounts = portfolio.accounts();
        assertEquals(40, accounts.size());

        AccountReport clientA = accounts.get(0);
        assertEquals("Client A", clientA.account().name());
        assertEquals("KEY", clientA.score().tier());
        assertTrue(share(clientA).compareTo(new BigDecimal("0.40")) > 0, "Client A holds most of the revenue");
        assertEquals("KEY: 43% of revenue, strategic value 4/5", clientA.score().explain(Locale.ENGLISH));

        AccountReport nordlys = accounts.get(1);
        assertEquals("Nordlys Robotics", nordlys.account().name());
        assertEquals("KEY", nordlys.score().tier());
        assertTrue(share(nordlys).compareTo(new BigDecimal("0.05")) < 0, "Nordlys has modest revenue: " + share(nordlys));
        assertEquals("KEY: strategic value 5/5, growth potential 5/5", nordlys.score().explain(Locale.ENGLISH));

        AccountReport harbor = accounts.stream().filter(a -> a.account().name().equals("Harbor Freight")).findFirst().orElseThrow();
        assertTrue(harbor.majorCustomer() && share(harbor).compareTo(new BigDecimal("0.10")) > 0);
        assertEquals("STANDARD", harbor.score().tier(), "big but cold is no key account");
        assertEquals(List.of("KEY", "KEY"), accounts.stream().map(a -> a.score().tier()).filter("KEY"::equals).toList());
    }

    private static BigDecimal share(AccountReport account) {
        return account.account().input(FactorInput.REVENUE_SHARE);
    }
}
