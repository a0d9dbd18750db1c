package dev.kpikit.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        KeyAccounts.Table all = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", Locale.ENGLISH);
        assertEquals(40, all.accounts());
        assertEquals(40, all.rows().size());
        KeyAccounts.Table best = KeyAccounts.score(STARTUP, "startup", LocalDate.of(2026, 10, 31), "YEAR", Locale.ENGLISH, 3);
        assertEquals(40, best.accounts());
        assertEquals(List.of(1, 2, 3), best.rows().stream().map(KeyAccounts.Row::rank).toList());
        assertEquals(all.rows().subList(0, 3), best.rows());
    }
}
