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
        KeyAccounts.Table all = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH);
        assertEquals(40, all.accounts());
        assertEquals(40, all.rows().size());
        KeyAccounts.Table best = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH, 3);
        assertEquals(40, best.accounts());
        assertEquals(List.of(1, 2, 3), best.rows().stream().map(KeyAccounts.Row::rank).toList());
        assertEquals(all.rows().subList(0, 3), best.rows());
    }

    /** Find: every account whose id or name has the text, in any case, best first, counted beyond those shown. */
    @Test
    void findLooksThroughEveryAccountsIdAndName() throws Exception {
        KeyAccounts.Table all = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH);
        List<KeyAccounts.Row> expected = all.rows().stream()
                .filter(row -> row.id().toLowerCase(Locale.ROOT).contains("c1") || row.name().toLowerCase(Locale.ROOT).contains("c1"))
                .toList();
        assertTrue(expected.size() > 3, expected.size() + " accounts with c1");
        KeyAccounts.Table found = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", " C1 ", Locale.ENGLISH);
        assertEquals(expected, found.rows());
        assertEquals(expected.size(), found.matching());
        assertEquals(40, found.accounts());
        assertEquals("C1", found.find());
        KeyAccounts.Table firstTwo = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "c1", Locale.ENGLISH, 2);
        assertEquals(expected.subList(0, 2), firstTwo.rows());
        assertEquals(expected.size(), firstTwo.matching());
        KeyAccounts.Table byName = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "nordlys", Locale.ENGLISH);
        assertEquals(List.of("Nordlys Robotics"), byName.rows().stream().map(KeyAccounts.Row::name).toList());
        KeyAccounts.Table none = keyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "no such account", Locale.ENGLISH);
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
        KeyAccounts.Table before = keyAccounts.score(folder, "startup", AS_OF, "YEAR", "nordlys", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF, "YEAR", "", Locale.ENGLISH);
        keyAccounts.workbook(folder, "startup", AS_OF, "YEAR", Locale.ENGLISH, OutputStream.nullOutputStream());
        assertEquals(1, keyAccounts.scorings());

        // a large order of Nordlys Robotics (C03) booked: the page shows it at once
        Files.writeString(folder.resolve("revenue.csv"), "2026-10-30,C03,5000000.00\n", StandardOpenOption.APPEND);
        KeyAccounts.Table after = keyAccounts.score(folder, "startup", AS_OF, "YEAR", "nordlys", Locale.ENGLISH);
        assertEquals(2, keyAccounts.scorings());
        assertTrue(before.rows().get(0).rank() > 1, "rank before: " + before.rows().get(0).rank());
        assertEquals(1, after.rows().get(0).rank());

        keyAccounts.score(folder, "startup", AS_OF, "QUARTER", "", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF.minusDays(1), "QUARTER", "", Locale.ENGLISH);
        keyAccounts.score(folder, "startup", AS_OF.minusDays(1), "QUARTER", "c1", Locale.ENGLISH);
        assertEquals(4, keyAccounts.scorings());
    }
}
