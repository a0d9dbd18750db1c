package dev.kpikit.birt.oda;

import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;
import dev.kpikit.data.ColumnType;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.data.IsoDates;
import dev.kpikit.data.OutsideFolderException;
import dev.kpikit.data.ComputedTableReader;
import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.KpiCatalogException;
import dev.kpikit.kpi.KpiResult;

/**
 * Data set "kpis": one row per KPI per period, from a KPI catalog and a metric table of the
 * data folder ({@link FolderScorecard}). Each setting is a data set property, and a data set
 * parameter of the same name overrides it (so a report parameter can drive it); the query text
 * is not used.
 */
final class KpisQuery extends AbstractQuery {

    static final String CATALOG_FILE = "catalogFile";
    static final String METRICS_FILE = "metricsFile";
    static final String AS_OF = "asOf";
    static final String GRAIN = "grain";
    static final String PERIODS = "periods";
    static final String LABEL_LOCALE = "labelLocale";

    static final String DEFAULT_CATALOG_FILE = "kpi-catalog.json";
    static final String DEFAULT_METRICS_FILE = "metrics.csv";

    /** The app context entry where BIRT's report engine puts the running task (EngineConstants.APPCONTEXT_ENGINE_TASK). */
    private static final String ENGINE_TASK = "EngineTask";

    static final List<Column> COLUMNS = List.of(
            new Column("period", ColumnType.STRING),
            new Column("periodStart", ColumnType.DATE),
            new Column("periodEnd", ColumnType.DATE),
            new Column("grain", ColumnType.STRING),
            new Column("periodsAgo", ColumnType.INTEGER),
            new Column("kpiId", ColumnType.STRING),
            new Column("parentId", ColumnType.STRING),
            new Column("label", ColumnType.STRING),
            new Column("value", ColumnType.DECIMAL),
            new Column("unit", ColumnType.STRING),
            new Column("format", ColumnType.STRING),
            new Column("target", ColumnType.DECIMAL),
            new Column("status", ColumnType.STRING),
            new Column("statusScore", ColumnType.DECIMAL),
            new Column("trend", ColumnType.INTEGER),
            new Column("previousValue", ColumnType.DECIMAL),
            new Column("change", ColumnType.DECIMAL),
            new Column("relativeChange", ColumnType.DECIMAL));

    KpisQuery(KpikitConnection connection) {
        super(connection);
    }

    @Override
    protected List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public IResultSet executeQuery() throws OdaException {
        Path catalog = file(CATALOG_FILE, DEFAULT_CATALOG_FILE);
        Path metrics = file(METRICS_FILE, DEFAULT_METRICS_FILE);
        Object named = setting(METRICS_FILE);
        if ((named == null || DEFAULT_METRICS_FILE.equals(named.toString().strip())) && !Files.isRegularFile(metrics)) {
            // the default name (the library's too) stands for the folder's metric table in any format: metrics.xlsx,
            // metrics.json, or metrics.jdbc for one kept in a database
            metrics = FolderScorecard.metricsTable(metrics.getParent());
        }
        List<FolderScorecard.Row> rows;
        try {
            rows = FolderScorecard.evaluate(catalog, metrics, new FolderScorecard.Options(asOf(), grain(), periods(), locale(),
                    connection.reading()));
        } catch (NoSuchFileException e) {
            throw new OdaException("kpikit kpis data set: file " + e.getFile() + " not found in the data folder");
        } catch (IOException e) {
            throw new OdaException("kpikit kpis data set: cannot read " + catalog + " or " + metrics + ": " + e.getMessage());
        } catch (KpiCatalogException | DataFormatException e) {
            throw new OdaException(e.getMessage()); // they name the file, KPI or line and column
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(values(row)));
        return new RowsResultSet(new ComputedTableReader(catalog.getFileName() + " over " + metrics.getFileName(), COLUMNS, values.iterator()),
                getMaxRows(), TextLimit.of(appContext));
    }

    /** A row in the order of {@link #COLUMNS}. */
    private static Object[] values(FolderScorecard.Row row) {
        KpiResult r = row.result();
        return new Object[] {r.period().toString(), r.period().start(), r.period().end(), r.period().grain().name(),
                (long) row.periodsAgo(), r.kpiId(), r.parentId(), r.label(), r.value(), r.unit().name(), r.format(),
                r.target(), r.status().name(), r.statusScore(), r.trend() == null ? null : r.trend().longValue(),
                r.previousValue(), r.change(), r.relativeChange()};
    }

    /** The parameter of that name if the data set gives it a value, else the property; null when neither is set or it is blank. */
    private Object setting(String name) {
        Object value = parameters.get(name) != null ? parameters.get(name) : properties.get(name);
        return value instanceof String text && text.isBlank() ? null : value;
    }

    /** The file a setting names inside the data folder; a name that leads out of it is refused. */
    private Path file(String name, String defaultName) throws OdaException {
        Object configured = setting(name);
        try {
            String givenBy = (parameters.get(name) != null ? "parameter '" : "property '") + name + "'";
            return connection.dataFolder().resolve(configured == null ? defaultName : configured.toString(), givenBy);
        } catch (OutsideFolderException e) {
            throw new OdaException("kpikit kpis data set: " + e.getMessage());
        }
    }

    private LocalDate asOf() throws OdaException {
        Object value = setting(AS_OF);
        String givenBy = "parameter '" + AS_OF + "'";
        try {
            // a date object (a Designer's value, a date parameter) is held to the range text is
            if (value == null || value instanceof LocalDate) {
                return IsoDates.withinRange((LocalDate) value, givenBy);
            }
            if (value instanceof java.sql.Date date) {
                return IsoDates.withinRange(date.toLocalDate(), givenBy);
            }
            if (value instanceof java.util.Date date) {
                return IsoDates.withinRange(new java.sql.Date(date.getTime()).toLocalDate(), givenBy);
            }
            return IsoDates.parse(value.toString(), givenBy);
        } catch (IllegalArgumentException e) {
            throw new OdaException("kpikit kpis data set, " + e.getMessage());
        }
    }

    private Grain grain() throws OdaException {
        Object value = setting(GRAIN);
        try {
            return value == null ? null : Grain.valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OdaException("kpikit kpis data set, " + GRAIN + ": expected MONTH, QUARTER or YEAR, found '" + value + "'");
        }
    }

    private int periods() throws OdaException {
        Object value = setting(PERIODS);
        try {
            int periods = value == null ? 0
                    : value instanceof Number number ? new BigDecimal(number.toString()).intValueExact()
                    : Integer.parseInt(value.toString().strip());
            if (periods >= 0) {
                return periods;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new OdaException("kpikit kpis data set, " + PERIODS + ": expected a whole number of periods (0 for all), found '" + value + "'");
    }

    /** The locale setting, else the report's locale from the engine task in the app context, else the JVM's. */
    private Locale locale() {
        Object value = setting(LABEL_LOCALE);
        if (value != null) {
            return Locale.forLanguageTag(value.toString().strip().replace('_', '-'));
        }
        Object task = appContext instanceof Map<?, ?> context ? context.get(ENGINE_TASK) : null;
        if (task != null) {
            try {
                // read by reflection: the plugin does not depend on the report engine, which is not there in every host
                Method getLocale = task.getClass().getMethod("getLocale");
                if (getLocale.invoke(task) instanceof Locale locale) {
                    return locale;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no report locale to be had: fall through
            }
        }
        return Locale.getDefault();
    }
}
