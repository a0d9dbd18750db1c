package dev.kpikit.birt.oda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts and concentration data sets through the ODA interfaces, as BIRT drives them. */
class PortfolioQueryTest {

    private static IConnection connect(Path folder) throws OdaException {
        IConnection connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, folder.toString());
        connection.open(properties);
        return connection;
    }

    /** Stands in for BIRT's engine task, which the app context carries. */
    public static final class FakeTask {
        public Locale getLocale() {
            return Locale.GERMANY;
        }
    }

    @Test
    void theEncodingPropertyReadsCsvTablesSavedInAnotherCharacterSet(@TempDir Path folder) throws Exception {
        Path startup = Path.of("../sample-data/startup");
        Files.copy(startup.resolve("revenue.csv"), folder.resolve("revenue.csv"));
        Files.writeString(folder.resolve("accounts.csv"), Files.readString(startup.resolve("accounts.csv"))
                .replace("Client A", "Caf\u00e9 M\u00fcller"), java.nio.charset.Charset.forName("windows-1252"));
        IConnection connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, folder.toString());
        properties.setProperty(KpikitConnection.ENCODING, "windows-1252");
        connection.open(properties);
        IQuery query = connection.newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        query.setString(PortfolioQuery.PERIOD_LENGTH, "year");
        query.setNull(PortfolioQuery.AS_OF);
        IResultSet rows = query.executeQuery();
        assertTrue(rows.next());
        assertEquals("Caf\u00e9 M\u00fcller", rows.getString(rows.findColumn("name")));

        properties.setProperty(KpikitConnection.ENCODING, "klingon");
        OdaException e = assertThrows(OdaException.class, () -> new KpikitDriver().getConnection(null).open(properties));
        assertEquals("kpikit data source: the property 'encoding' names no known character set: 'klingon';"
                + " use UTF-8, windows-1252, ISO-8859-1 or another Java charset name", e.getMessage());
    }

    /** Bahraini dinars with three decimals in a ';' file: refused as maybe thousands until the data source says point. */
    @Test
    void theDecimalSeparatorPropertySettlesAPointBeforeThreeDigits(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id;name\nA1;Alpha\nB2;Beta\n");
        Files.writeString(folder.resolve("revenue.csv"), "date;account_id;amount\n2026-01-15;A1;12.500\n2026-01-16;B2;1.250\n");
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, folder.toString());
        IConnection connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        connection.open(properties);
        IQuery refused = connection.newQuery(DataSetType.ACCOUNTS.id);
        refused.prepare("");
        refused.setNull(PortfolioQuery.AS_OF);
        OdaException ambiguous = assertThrows(OdaException.class, refused::executeQuery);
        assertTrue(ambiguous.getMessage().contains("'12.500' could be 12.500 or 12500"), ambiguous.getMessage());

        properties.setProperty(KpikitConnection.DECIMAL_SEPARATOR, " Point ");
        connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        connection.open(properties);
        IQuery query = connection.newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        query.setNull(PortfolioQuery.AS_OF);
        IResultSet rows = query.executeQuery();
        assertTrue(rows.next());
        assertEquals("A1", rows.getString(rows.findColumn("account_id")));
        assertEquals(0, new java.math.BigDecimal("12.5").compareTo(rows.getBigDecimal(rows.findColumn("revenue"))));

        properties.setProperty(KpikitConnection.DECIMAL_SEPARATOR, "semicolon");
        OdaException e = assertThrows(OdaException.class, () -> new KpikitDriver().getConnection(null).open(properties));
        assertEquals("kpikit data source, property 'decimalSeparator': 'semicolon' is no decimal separator; expected point"
                + " (12.50) or comma (12,50), or nothing to decide from each file", e.getMessage());
    }

    @Test
    void accountsOfTheStartupSampleAsOfTheLatestRevenueDate() throws Exception {
        IQuery query = connect(Path.of("../sample-data/startup")).newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        query.setAppContext(Map.of("EngineTask", new FakeTask()));
        query.setString(PortfolioQuery.PERIOD_LENGTH, "year");
        query.setNull(PortfolioQuery.AS_OF);
        IResultSet rows = query.executeQuery();
        assertTrue(rows.next());
        assertEquals(1, rows.getInt(rows.findColumn("rank")));
        assertEquals("Client A", rows.getString(rows.findColumn("name")));
        assertEquals(new BigDecimal("75.85"), rows.getBigDecimal(rows.findColumn("score")));
        assertEquals("KEY", rows.getString(rows.findColumn("tier")));
        assertEquals("A", rows.getString(rows.findColumn("abc_class")));
        assertEquals(new BigDecimal("30.00"), rows.getBigDecimal(rows.findColumn("revenue_share_points")));
        assertEquals("KEY: 43\u00a0% of revenue, strategic value 4/5", rows.getString(rows.findColumn("explanation")),
                "the report's locale formats the numbers");
        assertTrue(rows.next());
        assertEquals("Nordlys Robotics", rows.getString(rows.findColumn("name")));
        assertEquals("KEY", rows.getString(rows.findColumn("tier")));
        int count = 2;
        while (rows.next()) {
            count++;
        }
        assertEquals(40, count);
    }

    @Test
    void anEarlierAsOfDateAndAQuarter() throws Exception {
        IQuery query = connect(Path.of("../sample-data/startup")).newQuery(DataSetType.CONCENTRATION.id);
        query.prepare("");
        query.setDate(PortfolioQuery.AS_OF, Date.valueOf("2025-12-31"));
        query.setString(PortfolioQuery.PERIOD_LENGTH, "QUARTER");
        query.setInt(ConcentrationQuery.TOP_N, 3);
        IResultSet rows = query.executeQuery();
        int periods = 0;
        String last = null;
        while (rows.next()) {
            periods++;
            last = rows.getDate(rows.findColumn("period_end")).toString();
            assertEquals(3, rows.getInt(rows.findColumn("top_n")));
        }
        // 2024-Q4 (from November) to 2025-Q4
        assertEquals(5, periods);
        assertEquals("2025-12-31", last);
    }

    @Test
    void aBadModelFileFailsWithFileLineColumnAndField(@TempDir Path folder) throws Exception {
        Files.copy(Path.of("../sample-data/startup/accounts.csv"), folder.resolve("accounts.csv"));
        Files.copy(Path.of("../sample-data/startup/revenue.csv"), folder.resolve("revenue.csv"));
        Files.writeString(folder.resolve("my-model.json"), "{\n  \"factors\": [\n    {\"id\": \"loyalty\", \"weight\": 1}\n  ]\n}\n");
        IQuery query = connect(folder).newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        query.setString(AccountsQuery.MODEL_FILE, "my-model.json");
        OdaException e = assertThrows(OdaException.class, query::executeQuery);
        assertTrue(e.getMessage().startsWith("my-model.json, line 3, column "), e.getMessage());
        assertTrue(e.getMessage().contains("factors[0].id") && e.getMessage().contains("loyalty"), e.getMessage());

        query.setString(AccountsQuery.MODEL_FILE, "");
        query.setString(PortfolioQuery.PERIOD_LENGTH, "fortnight");
        OdaException period = assertThrows(OdaException.class, query::executeQuery);
        assertEquals("kpikit accounts data set, parameter periodLength: 'fortnight' is not a period length;"
                + " expected MONTH, QUARTER or YEAR", period.getMessage());

        Files.delete(folder.resolve("accounts.csv"));
        query.setString(PortfolioQuery.PERIOD_LENGTH, "YEAR");
        OdaException missing = assertThrows(OdaException.class, query::executeQuery);
        assertTrue(missing.getMessage().contains("accounts.csv") && missing.getMessage().contains("no accounts table"),
                missing.getMessage());
        assertFalse(missing.getMessage().contains("null"), missing.getMessage());
    }

    @Test
    void aNetNegativeAccountAndAnUnknownIdAreFlaggedInTheAccountsDataSet(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA,Alpha\nN,Nova\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n2026-02-10,X9,400\n"
                + "2026-02-11,N,300\n2026-03-01,N,-1000\n");
        IQuery query = connect(folder).newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        IResultSet rows = query.executeQuery();
        Map<String, String> flags = new java.util.TreeMap<>();
        while (rows.next()) {
            flags.put(rows.getString(rows.findColumn("account_id")), rows.getString(rows.findColumn("abc_class"))
                    + " " + rows.getBigDecimal(rows.findColumn("revenue_share")).stripTrailingZeros().toPlainString()
                    + " net_negative=" + rows.getBoolean(rows.findColumn("net_negative"))
                    + " in_accounts_table=" + rows.getBoolean(rows.findColumn("in_accounts_table")));
        }
        assertEquals(Map.of(
                "A", "A 0.6 net_negative=false in_accounts_table=true",
                "N", "C 0 net_negative=true in_accounts_table=true",
                "X9", "A 0.4 net_negative=false in_accounts_table=false"), flags);
    }

    @Test
    void theConcentrationDataSetCountsANetNegativeAccountAsAZeroShare(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA,Alpha\nB,Beta\nN,Nova\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n2026-01-12,B,400\n"
                + "2026-01-11,N,300\n2026-01-20,N,-1000\n");
        IQuery query = connect(folder).newQuery(DataSetType.CONCENTRATION.id);
        query.prepare("");
        query.setString(PortfolioQuery.PERIOD_LENGTH, "MONTH");
        query.setInt(ConcentrationQuery.TOP_N, 1);
        IResultSet rows = query.executeQuery();
        assertTrue(rows.next());
        assertEquals(0, new BigDecimal("300").compareTo(rows.getBigDecimal(rows.findColumn("revenue"))), "600 + 400 - 700");
        assertEquals(0, new BigDecimal("5200").compareTo(rows.getBigDecimal(rows.findColumn("hhi"))));
        assertEquals(0, new BigDecimal("0.6").compareTo(rows.getBigDecimal(rows.findColumn("top_n_share"))));
        assertFalse(rows.next());
    }

    @Test
    void aDuplicateAccountIdFailsTheDataSetWithBothLines(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("accounts.csv"), "account_id,name\nA,Alpha\nA,Alpha again\n");
        Files.writeString(folder.resolve("revenue.csv"), "date,account_id,amount\n2026-01-10,A,600\n");
        IQuery query = connect(folder).newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        OdaException e = assertThrows(OdaException.class, query::executeQuery);
        assertEquals("accounts.csv, lines 2 and 3: account_id 'A' appears twice", e.getMessage());
    }
}
