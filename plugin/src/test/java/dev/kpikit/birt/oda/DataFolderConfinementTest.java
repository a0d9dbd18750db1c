package dev.kpikit.birt.oda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a data set names (modelFile, catalogFile, metricsFile, a table) stays inside the data
 * folder, and no refusal quotes the file it would have read. A copy of the startup sample and a
 * "secret" file beside it, real symbolic links.
 */
class DataFolderConfinementTest {

    private static final String SECRET = "hunter2:x:0:0:root";

    @TempDir
    Path temp;
    Path data;
    KpikitConnection connection;

    @BeforeEach
    void startupSampleBesideASecret() throws Exception {
        data = Files.createDirectories(temp.resolve("data"));
        try (var files = Files.list(Path.of("../sample-data/startup"))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        Files.writeString(temp.resolve("secret.json"), SECRET + "\n");
        connection = new KpikitConnection(null);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, data.toString());
        connection.open(properties);
    }

    private String refusal(IQuery query) {
        String message = assertThrows(OdaException.class, query::executeQuery).getMessage();
        assertFalse(message.contains("hunter2") || message.contains(":x:0:0"), "quotes the file: " + message);
        return message;
    }

    private IQuery accounts(String modelFile) throws OdaException {
        IQuery query = connection.newQuery(DataSetType.ACCOUNTS.id);
        query.prepare("");
        query.setString(AccountsQuery.MODEL_FILE, modelFile);
        return query;
    }

    @Test
    void aModelFileAboveTheDataFolderIsRefused() throws Exception {
        assertEquals("kpikit accounts data set: parameter 'modelFile' must stay inside the data folder " + data
                + ": '../secret.json' leads out of it", refusal(accounts("../secret.json")));
    }

    @Test
    void anAbsoluteModelFileIsRefused() throws Exception {
        assertTrue(refusal(accounts(temp.resolve("secret.json").toString())).contains("parameter 'modelFile' must stay inside the data folder"));
    }

    @Test
    void aModelFileLinkedToAFileOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(data.resolve("model.json"), temp.resolve("secret.json"));
        assertTrue(refusal(accounts("model.json")).endsWith("'model.json' leads out of it through a symbolic link"));
    }

    @Test
    void theKeyAccountRevenueDataSetConfinesItsModelFileToo() throws Exception {
        IQuery query = connection.newQuery(DataSetType.KEY_ACCOUNT_REVENUE.id);
        query.prepare("");
        query.setString(AccountsQuery.MODEL_FILE, "../secret.json");
        assertTrue(refusal(query).contains("parameter 'modelFile' must stay inside the data folder"));
    }

    @Test
    void aModelFileInsideTheDataFolderIsUsed() throws Exception {
        Files.createDirectories(data.resolve("models"));
        Files.writeString(data.resolve("models/simple.json"),
                "{\"factors\": [{\"id\": \"strategic_value\", \"weight\": 1, \"normalisation\": \"FIXED_SCALE\", \"min\": 1, \"max\": 5}],"
                        + " \"tiers\": [{\"name\": \"ALL\", \"minScore\": 0}]}");
        var rows = accounts("models/simple.json").executeQuery();
        assertTrue(rows.next());
        assertEquals("ALL", rows.getString(rows.findColumn("tier")), "the model of the data folder's models/ was used");
    }

    @Test
    void aNonJsonModelInsideTheFolderIsRefusedWithoutQuotingItsFirstWord() throws Exception {
        Files.writeString(data.resolve("notes.json"), "hunter2 is the password\n");
        String message = refusal(accounts("notes.json"));
        assertTrue(message.startsWith("notes.json, line 1, column "), message);
    }

    @Test
    void catalogAndMetricsFilesAreConfinedAsParametersOrProperties() throws Exception {
        IQuery byParameter = connection.newQuery(DataSetType.KPIS.id);
        byParameter.prepare("");
        byParameter.setString(KpisQuery.CATALOG_FILE, "../secret.json");
        assertEquals("kpikit kpis data set: parameter 'catalogFile' must stay inside the data folder " + data
                + ": '../secret.json' leads out of it", refusal(byParameter));
        IQuery byProperty = connection.newQuery(DataSetType.KPIS.id);
        byProperty.prepare("");
        byProperty.setProperty(KpisQuery.METRICS_FILE, "/etc/passwd");
        assertTrue(refusal(byProperty).startsWith("kpikit kpis data set: property 'metricsFile' must stay inside the data folder"));
    }

    @Test
    void aTableOutsideTheDataFolderIsRefused() throws Exception {
        IQuery query = connection.newQuery(DataSetType.TABLE.id);
        query.prepare("../secret.json");
        assertTrue(refusal(query).startsWith("kpikit table data set: the query text (a table file) must stay inside the data folder"));
    }

    @Test
    void filesOfTheWrongKindInsideAreNamedWithoutQuotingTheirFirstLine() throws Exception {
        String key = "sk_live_" + "4242".repeat(15);
        Files.writeString(data.resolve("notes.txt"), key + ",other\nx,y\n");
        String model = assertThrows(OdaException.class, accounts("notes.txt")::executeQuery).getMessage();
        assertTrue(model.startsWith("notes.txt, line 1, column ") && !model.contains("sk_live"), model);
        IQuery catalog = connection.newQuery(DataSetType.KPIS.id);
        catalog.prepare("");
        catalog.setString(KpisQuery.CATALOG_FILE, "notes.txt");
        String catalogMessage = assertThrows(OdaException.class, catalog::executeQuery).getMessage();
        assertTrue(catalogMessage.contains("notes.txt: line 1, column ") && !catalogMessage.contains("sk_live"), catalogMessage);
        IQuery metrics = connection.newQuery(DataSetType.KPIS.id);
        metrics.prepare("");
        metrics.setString(KpisQuery.METRICS_FILE, "notes.txt");
        String metricsMessage = assertThrows(OdaException.class, metrics::executeQuery).getMessage();
        assertTrue(metricsMessage.endsWith("; found: " + key.substring(0, 30) + "..., other"),
                "the columns found, each cut short: " + metricsMessage);
    }
}
