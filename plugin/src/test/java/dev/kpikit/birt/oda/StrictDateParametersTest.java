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
        KpikitConnection connection = new KpikitConnection(null);
        Properties properties = new Properties();
        properties.setProperty(KpikitConnection.DATA_FOLDER, Path.of("../sample-data/startup").toString());
        connection.open(properties);
        IQuery query = connection.newQuery(type.id);
        query.prepare("");
        query.setString("asOf", "2026-02-30");
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
}
