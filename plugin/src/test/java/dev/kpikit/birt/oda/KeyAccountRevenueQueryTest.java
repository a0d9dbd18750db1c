package dev.kpikit.birt.oda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.junit.jupiter.api.Test;

/** The keyAccountRevenue data set over the startup sample, checked against the CSV summed here. */
class KeyAccountRevenueQueryTest {

    private static final Path STARTUP = Path.of("../sample-data/startup");

    @Test
    void monthlyRevenueOfTheKeyAccountsAndTheRest() throws Exception {
        IConnection connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, STARTUP.toString());
        connection.open(properties);
        IQuery query = connection.newQuery(DataSetType.KEY_ACCOUNT_REVENUE.id);
        query.prepare("");
        query.setInt(KeyAccountRevenueQuery.MONTHS, 2);
        IResultSet rows = query.executeQuery();

        // the startup sample's key accounts as of its last invoice (2026-10-31, year to date):
        // Client A on revenue share, Nordlys Robotics on strategic value and growth potential
        Set<String> keyIds = Set.of(idOf("Client A"), idOf("Nordlys Robotics"));
        for (String month : List.of("2026-09", "2026-10")) {
            assertTrue(rows.next());
            assertEquals(month, rows.getString(rows.findColumn("period")));
            assertEquals("KEY_ACCOUNTS", rows.getString(rows.findColumn("group")));
            assertTrue(rows.getBoolean(rows.findColumn("key_accounts")));
            assertEquals(0, sum(month, keyIds, true).compareTo(rows.getBigDecimal(rows.findColumn("revenue"))), month);
            assertTrue(rows.next());
            assertEquals("OTHERS", rows.getString(rows.findColumn("group")));
            assertEquals(0, sum(month, keyIds, false).compareTo(rows.getBigDecimal(rows.findColumn("revenue"))), month);
        }
        assertFalse(rows.next());
    }

    private static String idOf(String name) throws Exception {
        return Files.readAllLines(STARTUP.resolve("accounts.csv")).stream().map(line -> line.split(","))
                .filter(cells -> cells[1].equals(name)).map(cells -> cells[0]).findFirst().orElseThrow();
    }

    /** date,account_id,amount rows of the month, of the key accounts or of the others. */
    private static BigDecimal sum(String month, Set<String> keyIds, boolean key) throws Exception {
        return Files.readAllLines(STARTUP.resolve("revenue.csv")).stream().skip(1).map(line -> line.split(","))
                .filter(cells -> cells[0].startsWith(month) && keyIds.contains(cells[1]) == key)
                .map(cells -> new BigDecimal(cells[2])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
