package dev.kpikit.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Key accounts page's table: the best-scored accounts of a folder, at most as many as a page shows. */
class KeyAccountsTest {

    private static final Path STARTUP = Path.of("../sample-data/startup");
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private final KeyAccounts keyAccounts = new KeyAccounts();

    @Test
    void aPageShowsTheBestScoredAccountsAndCountsThemAll() throws Exception {
        KeyAccounts.Table all = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "", Locale.ENGLISH);
        assertEquals(40, all.accounts());
        assertEquals(40, all.rows().size());
        KeyAccounts.Table best = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "", Locale.ENGLISH, 3);
        assertEquals(40, best.accounts());
        assertEquals(List.of(1, 2, 3), best.rows().stream().map(KeyAccounts.Row::rank).toList());
        assertEquals(all.rows().subList(0, 3), best.rows());
    }

    /** Find: every account whose id or name has the text, in any case, best first, counted beyond those shown. */
    @Test
    void findLooksThroughEveryAccountsIdAndName() throws Exception {
        KeyAccounts.Table all = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "", Locale.ENGLISH);
        List<KeyAccounts.Row> expected = all.rows().stream()
                .filter(row -> row.id().toLowerCase(Locale.ROOT).contains("c1") || row.name().toLowerCase(Locale.ROOT).contains("c1"))
                .toList();
        assertTrue(expected.size() > 3, expected.size() + " accounts with c1");
        KeyAccounts.Table found = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, " C1 ", Locale.ENGLISH);
        assertEquals(expected, found.rows());
        assertEquals(expected.size(), found.matching());
        assertEquals(40, found.accounts());
        assertEquals("C1", found.find());
        KeyAccounts.Table firstTwo = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "c1", Locale.ENGLISH, 2);
        assertEquals(expected.subList(0, 2), firstTwo.rows());
        assertEquals(expected.size(), firstTwo.matching());
        KeyAccounts.Table byName = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "nordlys", Locale.ENGLISH);
        assertEquals(List.of("Nordlys Robotics"), byName.rows().stream().map(KeyAccounts.Row::name).toList());
        KeyAccounts.Table none = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", null, "no such account", Locale.ENGLISH);
        assertEquals(List.of(), none.rows());
        assertEquals(0, none.matching());
    }

    /**
     * The last folder scored is kept while its files stay as they were: Find and the workbook cost no scoring; another
     * date or period, or a changed file, does, and the page then shows the file as it is now.
     */
    @Test
    void theLastFolderScoredIsKeptUntilItsFilesChange(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("startup"));
        for (String file : List.of("accounts.csv", "revenue.csv")) {
            Files.copy(STARTUP.resolve(file), folder.resolve(file));
        }
        KeyAccounts.Table before = keyAccounts.score(folder, "startup", AS_OF, "YEAR", null, "nordlys", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF, "YEAR", null, "", Locale.ENGLISH);
        keyAccounts.workbook(folder, "startup", AS_OF, "YEAR", null, Locale.ENGLISH, OutputStream.nullOutputStream());
        assertEquals(1, keyAccounts.scorings());

        // a large order of Nordlys Robotics (C03) booked: the page shows it at once
        Files.writeString(folder.resolve("revenue.csv"), "2026-10-30,C03,5000000.00\n", StandardOpenOption.APPEND);
        KeyAccounts.Table after = keyAccounts.score(folder, "startup", AS_OF, "YEAR", null, "nordlys", Locale.ENGLISH);
        assertEquals(2, keyAccounts.scorings());
        assertTrue(before.rows().get(0).rank() > 1, "rank before: " + before.rows().get(0).rank());
        assertEquals(1, after.rows().get(0).rank());

        keyAccounts.score(folder, "startup", AS_OF, "QUARTER", null, "", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF.minusDays(1), "QUARTER", null, "", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF.minusDays(1), "QUARTER", null, "c1", Locale.ENGLISH);
        assertEquals(4, keyAccounts.scorings());
    }
    /**
     * Three-decimal amounts (dinars) in a ';' revenue file: refused while the separator is decided from the file, read
     * with the one said; the separator is part of what is kept, so the refusal is not answered from the last scoring.
     */
    @Test
    void theDecimalSeparatorSaidReadsThreeDecimalAmountsAndIsPartOfWhatIsKept(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("dinars"));
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA1,Alpha\nB2,Beta\n");
        Files.writeString(folder.resolve("revenue.csv"), "date;account_id;amount\n2026-10-01;A1;1.234\n2026-10-02;A1;2.500\n"
                + "2026-10-03;B2;1.266\n");
        dev.kpikit.data.DataFormatException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.kpikit.data.DataFormatException.class, () -> keyAccounts.score(folder, "dinars", AS_OF, "YEAR", null, "", Locale.ENGLISH));
        assertTrue(refused.getMessage().contains("'1.234' could be 1.234 or 1234"), refused.getMessage());

        KeyAccounts.Table point = keyAccounts.score(folder, "dinars", AS_OF, "YEAR", '.', "", Locale.ENGLISH);
        // A1: 1.234 + 2.500 = 3.734 of 5.000
        assertEquals(List.of("Alpha 74.7 %", "Beta 25.3 %"), point.rows().stream().map(r -> r.name() + " " + r.share()).toList());
        assertEquals(2, keyAccounts.scorings(), "the refusal, then the point");
        assertEquals(1, keyAccounts.score(folder, "dinars", AS_OF, "YEAR", '.', "beta", Locale.ENGLISH).rows().size());
        assertEquals(2, keyAccounts.scorings(), "the same separator: kept");

        org.junit.jupiter.api.Assertions.assertThrows(dev.kpikit.data.DataFormatException.class,
                () -> keyAccounts.score(folder, "dinars", AS_OF, "YEAR", null, "", Locale.ENGLISH));
        assertEquals(3, keyAccounts.scorings());
    }
}
