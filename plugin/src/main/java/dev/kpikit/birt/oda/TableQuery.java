package dev.kpikit.birt.oda;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;
import dev.kpikit.data.ColumnType;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.OutsideFolderException;
import dev.kpikit.data.TableReader;
import dev.kpikit.data.Tables;

/**
 * Data set "table": one table of the data folder (CSV, JSON or XLSX) with typed columns.
 * The query text is the file name; the property {@code columnTypes} ("amount=DECIMAL, date=DATE") fixes
 * types that would otherwise be inferred from the first rows.
 */
final class TableQuery extends AbstractQuery {

    static final String COLUMN_TYPES = "columnTypes";

    TableQuery(KpikitConnection connection) {
        super(connection);
    }

    @Override
    public void prepare(String text) throws OdaException {
        super.prepare(text);
        if (queryText.isEmpty()) {
            throw new OdaException("kpikit table data set: the query text must name a table file of the data folder, such as revenue.csv");
        }
    }

    @Override
    protected List<Column> columns() throws OdaException {
        try (TableReader reader = open()) {
            return reader.columns();
        }
    }

    @Override
    public IResultSet executeQuery() throws OdaException {
        return new RowsResultSet(open(), getMaxRows(), TextLimit.of(appContext));
    }

    private TableReader open() throws OdaException {
        Path file;
        try {
            file = connection.dataFolder().resolve(queryText, "the query text (a table file)");
        } catch (OutsideFolderException e) {
            throw new OdaException("kpikit table data set: " + e.getMessage());
        }
        try {
            return Tables.open(file, declaredTypes(), connection.reading());
        } catch (NoSuchFileException e) {
            throw new OdaException("kpikit table data set: file " + file + " not found in the data folder");
        } catch (IOException e) {
            throw new OdaException("kpikit table data set: cannot read " + file + ": " + e.getMessage());
        } catch (DataFormatException e) {
            throw new OdaException(e.getMessage());
        }
    }

    private Map<String, ColumnType> declaredTypes() throws OdaException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        String spec = properties.get(COLUMN_TYPES);
        if (spec == null || spec.isBlank()) {
            return types;
        }
        for (String entry : spec.split("[,;]")) {
            String[] parts = entry.split("[=:]", 2);
            if (parts.length != 2) {
                throw new OdaException("kpikit table data set, property " + COLUMN_TYPES + ": expected column=TYPE, found '" + entry.trim() + "'");
            }
            try {
                types.put(parts[0].trim(), ColumnType.valueOf(parts[1].trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OdaException("kpikit table data set, property " + COLUMN_TYPES + ": unknown type '" + parts[1].trim()
                        + "' for column '" + parts[0].trim() + "'; expected one of INTEGER, DECIMAL, DATE, STRING, BOOLEAN");
            }
        }
        return types;
    }
}
