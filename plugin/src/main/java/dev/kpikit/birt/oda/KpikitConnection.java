package dev.kpikit.birt.oda;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IDataSetMetaData;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.eclipse.datatools.connectivity.oda.util.ResourceIdentifiers;

import com.ibm.icu.util.ULocale;

import dev.kpikit.data.ConfinedFolder;
import dev.kpikit.data.CsvReading;

/**
 * A connection is a data folder: the place where the account, revenue and metric tables
 * live. A relative folder is resolved against the report design's folder, as BIRT's own
 * file-based data sources do, so a report and its data can move together.
 */
final class KpikitConnection implements IConnection {

    /** Data source property: the folder holding the tables. */
    static final String DATA_FOLDER = "dataFolder";

    /** Data source property: the character set of the CSV tables, such as windows-1252; empty for UTF-8. */
    static final String ENCODING = "encoding";
    static final String DECIMAL_SEPARATOR = "decimalSeparator";

    private Object appContext;
    private ConfinedFolder folder;
    private CsvReading reading = CsvReading.DEFAULT;

    KpikitConnection(Object driverAppContext) {
        this.appContext = driverAppContext;
    }

    @Override
    public void open(Properties properties) throws OdaException {
        String configured = properties == null ? null : properties.getProperty(DATA_FOLDER);
        if (configured == null || configured.isBlank()) {
            throw new OdaException("kpikit data source: the property '" + DATA_FOLDER + "' (the folder holding the data tables) is empty");
        }
        Path resolved = resolve(configured.trim());
        if (!Files.isDirectory(resolved)) {
            throw new OdaException("kpikit data source: data folder " + resolved + " does not exist or is not a folder");
        }
        try {
            folder = ConfinedFolder.of(resolved, "the data folder");
        } catch (IOException e) {
            throw new OdaException("kpikit data source: data folder " + resolved + ": " + e.getMessage());
        }
        // the design's own property wins; else what the host asks for (kpikit render --encoding, --decimal-separator)
        CsvReading host = HostReading.of(appContext);
        String separatorProperty = properties.getProperty(DECIMAL_SEPARATOR);
        Character decimalSeparator;
        try {
            decimalSeparator = isBlank(separatorProperty) && host != null ? host.decimalSeparator()
                    : CsvReading.decimalSeparator(separatorProperty, "kpikit data source, property '" + DECIMAL_SEPARATOR + "'");
        } catch (IllegalArgumentException e) {
            throw new OdaException(e.getMessage());
        }
        String encodingProperty = properties.getProperty(ENCODING);
        reading = new CsvReading(isBlank(encodingProperty) && host != null ? host.encoding() : encoding(encodingProperty),
                decimalSeparator);
    }

    private static boolean isBlank(String property) {
        return property == null || property.isBlank();
    }

    private static Charset encoding(String configured) throws OdaException {
        if (configured == null || configured.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new OdaException("kpikit data source: the property '" + ENCODING + "' names no known character set: '"
                    + configured.strip() + "'; use UTF-8, windows-1252, ISO-8859-1 or another Java charset name");
        }
    }

    /** How CSV tables are read: the character set, and the decimal separator when set. */
    CsvReading reading() {
        return reading;
    }

    private Path resolve(String configured) {
        Path path = Path.of(configured);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        // BIRT puts the design's folder (and the resource folder) into the ODA app context
        ResourceIdentifiers ids = appContext == null ? null : ResourceIdentifiers.get(appContext);
        URI base = ids == null ? null : ids.getDesignResourceBaseURI();
        if (base == null && ids != null) {
            base = ids.getApplResourceBaseURI();
        }
        if (base != null && "file".equals(base.getScheme())) {
            // URI resolution treats a base without a trailing slash as a file, like a browser does
            try {
                URI relative = new URI(null, null, configured.replace('\\', '/'), null);
                return Path.of(base.resolve(relative)).normalize();
            } catch (URISyntaxException e) {
                return path.toAbsolutePath().normalize();
            }
        }
        return path.toAbsolutePath().normalize();
    }

    Path folder() {
        return folder.folder();
    }

    /** The data folder that every file a data set names (by parameter, property or query text) must stay inside. */
    ConfinedFolder dataFolder() {
        return folder;
    }

    @Override
    public void setAppContext(Object context) {
        if (context != null) {
            this.appContext = context;
        }
    }

    @Override
    public void close() {
        folder = null;
    }

    @Override
    public boolean isOpen() {
        return folder != null;
    }

    @Override
    public IDataSetMetaData getMetaData(String dataSetType) {
        return new KpikitDataSetMetaData(this);
    }

    @Override
    public IQuery newQuery(String dataSetType) throws OdaException {
        if (!isOpen()) {
            throw new OdaException("kpikit data source is not open");
        }
        return DataSetType.of(dataSetType).newQuery(this);
    }

    @Override
    public int getMaxQueries() {
        return 0;
    }

    @Override
    public void commit() {
        // read-only
    }

    @Override
    public void rollback() {
        // read-only
    }

    @Override
    public void setLocale(ULocale locale) {
        // labels are localised per query from the report's locale in the app context
    }
}
