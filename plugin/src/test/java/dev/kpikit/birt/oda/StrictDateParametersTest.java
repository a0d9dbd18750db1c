package dev.kpikit.birt.oda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.junit.jupiter.api.Test;

/** An impossible asOf date given as text is refused by every data set, naming the parameter; never rolled over. */
class StrictDateParametersTest {

    private static IQuery query(DataSetType type) throws OdaException {
        IQuery query = prepared(type);
        query.setString("asOf", "2026-02-30");
        return query;
    }

    private static IQuery prepared(DataSetType type) throws OdaException {
        KpikitConnection connection = new KpikitConnection(null);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, Path.of("../sample-data/startup").toString());
        connection.open(properties);
        IQuery query = connection.newQuery(type.id);
        query.prepare("");
        return query;
    }

    @Test
    void theAccountsDataSetRefusesFebruaryThirtieth() throws Exception {
        assertEquals("kpikit accounts data set, parameter 'asOf': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                assertThrows(OdaException.class, () -> query(DataSetType.ACCOUNTS).executeQuery()).getMessage());
    }

    @Test
    void theConcentrationDataSetRefusesFebruaryThirtieth() throws Exception {
        assertEquals("kpikit concentration data set, parameter 'asOf': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                assertThrows(OdaException.class, () -> query(DataSetType.CONCENTRATION).executeQuery()).getMessage());
    }

    @Test
    void theKpisDataSetRefusesFebruaryThirtieth() throws Exception {
        assertEquals("kpikit kpis data set, parameter 'asOf': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd",
                assertThrows(OdaException.class, () -> query(DataSetType.KPIS).executeQuery()).getMessage());
    }

    @Test
    void aDateObjectBeyondYear9999IsRefusedByEveryDataSetAsTextIs() throws Exception {
        for (DataSetType type : new DataSetType[] {DataSetType.ACCOUNTS, DataSetType.CONCENTRATION, DataSetType.KPIS}) {
            IQuery query = prepared(type);
            query.setDate("asOf", java.sql.Date.valueOf(java.time.LocalDate.of(10000, 1, 1)));
            assertEquals("kpikit " + type.name().toLowerCase(java.util.Locale.ROOT) + " data set, parameter 'asOf': '+10000-01-01' is"
                    + " outside the calendar kpikit reckons with; expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31",
                    assertThrows(OdaException.class, query::executeQuery).getMessage());
        }
    }
}
