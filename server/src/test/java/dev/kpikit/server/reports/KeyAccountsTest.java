package dev.kpikit.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The Key accounts page's table: the best-scored accounts of a folder, at most as many as a page shows. */
class KeyAccountsTest {

    private static final Path STARTUP = Path.of("../sample-data/startup");

    @Test
    void aPageShowsTheBestScoredAccountsAndCountsThemAll() throws Exception {
        KeyAccounts.Table all = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH);
        assertEquals(40, all.accounts());
        assertEquals(40, all.rows().size());
        KeyAccounts.Table best = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH, 3);
        assertEquals(40, best.accounts());
        assertEquals(List.of(1, 2, 3), best.rows().stream().map(KeyAccounts.Row::rank).toList());
        assertEquals(all.rows().subList(0, 3), best.rows());
    }

    /** Find: every account whose id or name has the text, in any case, best first, counted beyond those shown. */
    @Test
    void findLooksThroughEveryAccountsIdAndName() throws Exception {
        KeyAccounts.Table all = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "", Locale.ENGLISH);
        List<KeyAccounts.Row> expected = all.rows().stream()
                .filter(row -> row.id().toLowerCase(Locale.ROOT).contains("c1") || row.name().toLowerCase(Locale.ROOT).contains("c1"))
                .toList();
        assertTrue(expected.size() > 3, expected.size() + " accounts with c1");
        KeyAccounts.Table found = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", " C1 ", Locale.ENGLISH);
        assertEquals(expected, found.rows());
        assertEquals(expected.size(), found.matching());
        assertEquals(40, found.accounts());
        assertEquals("C1", found.find());
        KeyAccounts.Table firstTwo = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "c1", Locale.ENGLISH, 2);
        assertEquals(expected.subList(0, 2), firstTwo.rows());
        assertEquals(expected.size(), firstTwo.matching());
        KeyAccounts.Table byName = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "nordlys", Locale.ENGLISH);
        assertEquals(List.of("Nordlys Robotics"), byName.rows().stream().map(KeyAccounts.Row::name).toList());
        KeyAccounts.Table none = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", "no such account", Locale.ENGLISH);
        assertEquals(List.of(), none.rows());
        assertEquals(0, none.matching());
    }
}
