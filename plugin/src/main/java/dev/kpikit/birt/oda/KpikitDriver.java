package dev.kpikit.birt.oda;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IDriver;
import org.eclipse.datatools.connectivity.oda.LogConfiguration;

/** Entry point of the "kpikit" ODA data source (plugin.xml names it). */
public final class KpikitDriver implements IDriver {

    /** The ODA data source id, as report designs reference it. */
    public static final String DATA_SOURCE_ID = "dev.kpikit.birt.oda";

    private Object appContext;

    @Override
    public IConnection getConnection(String dataSourceType) {
        return new KpikitConnection(appContext);
    }

    @Override
    public void setLogConfiguration(LogConfiguration logConfig) {
        // kpikit logs through java.util.logging like BIRT; nothing to configure per driver
    }

    @Override
    public int getMaxConnections() {
        return 0; // no limit
    }

    @Override
    public void setAppContext(Object context) {
        this.appContext = context;
    }
}
