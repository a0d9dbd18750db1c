package dev.kpikit.birt.oda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kpis data set through ODA as BIRT drives it: properties, named parameters, typed getters and wasNull. */
class KpisQueryTest {

    @TempDir
    Path folder;
    KpikitConnection connection;

    @BeforeEach
    void openFolder() throws Exception {
        Files.writeString(folder.resolve("scorecard.json"), """
                { "metrics": ["visits", "conversions"],
                  "kpis": [ { "id": "conversion", "label": { "key": "kpi.conversion", "text": "Conversion rate" },
                              "formula": "conversions / visits", "unit": "PERCENT", "target": 0.03, "tolerance": "10%" } ] }
                """);
        Files.writeString(folder.resolve("scorecard_fr.properties"), "kpi.conversion=Taux de conversion\n");
        Files.writeString(folder.resolve("web.csv"), "date,visits,conversions\n2026-01-31,100,2\n2026-02-01,100,3\n2026-03-01,100,5\n");
        connection = new KpikitConnection(null);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, folder.toString());
        connection.open(properties);
    }

    private IQuery query() throws OdaException {
        IQuery query = connection.newQuery("dev.kpikit.birt.oda.kpis");
        query.prepare("");
        query.setProperty(KpisQuery.CATALOG_FILE, "scorecard.json");
        query.setProperty(KpisQuery.METRICS_FILE, "web.csv");
        query.setProperty(KpisQuery.AS_OF, "2026-03-31");
        return query;
    }

    private static List<String> rows(IResultSet rows) throws OdaException {
        List<String> lines = new ArrayList<>();
        while (rows.next()) {
            int trend = rows.getInt("trend");
            String shownTrend = rows.wasNull() ? "-" : Integer.toString(trend);
            BigDecimal value = rows.getBigDecimal("value");
            lines.add(rows.getString("period") + " " + rows.getDate("periodEnd") + " " + rows.getInt("periodsAgo") + " "
                    + rows.getString("label") + " " + value.stripTrailingZeros().toPlainString() + " "
                    + rows.getString("status") + " " + shownTrend);
        }
        return lines;
    }

    @Test
    void propertiesChooseFilesAndParametersOverrideThem() throws Exception {
        IQuery query = query();
        assertEquals(List.of("2026-01 2026-01-31 2 Conversion rate 0.02 RED -", "2026-02 2026-02-28 1 Conversion rate 0.03 GREEN 1",
                "2026-03 2026-03-31 0 Conversion rate 0.05 GREEN 1"), rows(query.executeQuery()));

        query.setDate(KpisQuery.AS_OF, java.sql.Date.valueOf("2026-02-15"));
        query.setInt(KpisQuery.PERIODS, 1);
        query.setString(KpisQuery.LABEL_LOCALE, "fr");
        assertEquals(List.of("2026-02 2026-02-28 0 Taux de conversion 0.03 GREEN 1"), rows(query.executeQuery()));
        assertEquals(KpisQuery.COLUMNS.size(), query.getMetaData().getColumnCount());
    }

    @Test
    void aFolderWithoutMetricsCsvReadsItsMetricsJdbc() throws Exception {
        String url = "jdbc:h2:mem:kpis_query_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection database = java.sql.DriverManager.getConnection(url);
                java.sql.Statement sql = database.createStatement()) {
            sql.execute("create table web (\"date\" date, visits bigint, conversions bigint)");
            sql.execute("insert into web values (date '2026-01-31', 100, 2), (date '2026-02-01', 100, 3), (date '2026-03-01', 100, 5)");
            Files.copy(folder.resolve("scorecard.json"), folder.resolve("kpi-catalog.json"));
            Files.writeString(folder.resolve("metrics.jdbc"), "url = " + url + "\ntable = web\n");
            IQuery query = connection.newQuery("dev.kpikit.birt.oda.kpis");
            query.prepare("");
            query.setProperty(KpisQuery.AS_OF, "2026-03-31");
            assertEquals(List.of("2026-01 2026-01-31 2 Conversion rate 0.02 RED -", "2026-02 2026-02-28 1 Conversion rate 0.03 GREEN 1",
                    "2026-03 2026-03-31 0 Conversion rate 0.05 GREEN 1"), rows(query.executeQuery()));
        }
    }

    @Test
    void aBadSettingOrCatalogFailsWithItsName() throws Exception {
        IQuery query = query();
        query.setProperty(KpisQuery.GRAIN, "week");
        assertTrue(assertThrows(OdaException.class, query::executeQuery).getMessage().contains("grain: expected MONTH, QUARTER or YEAR, found 'week'"));

        query.setProperty(KpisQuery.GRAIN, "");
        Files.writeString(folder.resolve("scorecard.json"), Files.readString(folder.resolve("scorecard.json")).replace("\"formula\": \"conversions / visits\"", "\"formula\": \"conversions / (visits\""));
        String message = assertThrows(OdaException.class, query::executeQuery).getMessage();
        assertTrue(message.contains("scorecard.json") && message.contains("KPI 'conversion'") && message.contains("position"), message);

        query.setProperty(KpisQuery.CATALOG_FILE, "missing.json");
        assertTrue(assertThrows(OdaException.class, query::executeQuery).getMessage().contains("missing.json not found"));
    }
}
