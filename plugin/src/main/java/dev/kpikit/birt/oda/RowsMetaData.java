package dev.kpikit.birt.oda;

import java.sql.Types;
import java.util.List;

import org.eclipse.datatools.connectivity.oda.IResultSetMetaData;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;

/** Column names and types as ODA numbers them (1-based), from kpikit's typed columns. */
final class RowsMetaData implements IResultSetMetaData {

    private final List<Column> columns;

    RowsMetaData(List<Column> columns) {
        this.columns = columns;
    }

    private Column column(int index) throws OdaException {
        if (index < 1 || index > columns.size()) {
            throw new OdaException("column index " + index + " is out of range 1.." + columns.size());
        }
        return columns.get(index - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int index) throws OdaException {
        return column(index).name();
    }

    @Override
    public String getColumnLabel(int index) throws OdaException {
        return column(index).name();
    }

    /** java.sql.Types codes, matching the dataTypeMapping entries of plugin.xml. */
    @Override
    public int getColumnType(int index) throws OdaException {
        return switch (column(index).type()) {
            case INTEGER -> Types.INTEGER;
            case DECIMAL -> Types.DECIMAL;
            case DATE -> Types.DATE;
            case BOOLEAN -> Types.BOOLEAN;
            case STRING -> Types.VARCHAR;
        };
    }

    @Override
    public String getColumnTypeName(int index) throws OdaException {
        return column(index).type().name();
    }

    @Override
    public int getColumnDisplayLength(int index) {
        return -1;
    }

    @Override
    public int getPrecision(int index) {
        return -1;
    }

    @Override
    public int getScale(int index) {
        return -1;
    }

    @Override
    public int isNullable(int index) {
        return columnNullable;
    }
}
