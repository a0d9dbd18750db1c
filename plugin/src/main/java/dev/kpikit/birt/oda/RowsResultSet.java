package dev.kpikit.birt.oda;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.datatools.connectivity.oda.IBlob;
import org.eclipse.datatools.connectivity.oda.IClob;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.IResultSetMetaData;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.Column;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.TableReader;

/**
 * Streams the rows of a {@link TableReader} to BIRT through ODA's typed getters. One row is
 * held at a time; the reader is closed at the end or on close().
 */
final class RowsResultSet implements IResultSet {

    private final TableReader reader;
    private final List<Column> columns;
    private final TextLimit textLimit;
    private int maxRows;
    private int row;
    private boolean wasNull;
    private boolean closed;

    /** @param textLimit cuts text longer than the output holds; null for whole text */
    RowsResultSet(TableReader reader, int maxRows, TextLimit textLimit) {
        this.reader = reader;
        this.columns = reader.columns();
        this.maxRows = maxRows;
        this.textLimit = textLimit;
    }

    @Override
    public IResultSetMetaData getMetaData() {
        return new RowsMetaData(columns);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            reader.close();
        }
    }

    @Override
    public void setMaxRows(int max) {
        this.maxRows = max;
    }

    @Override
    public boolean next() throws OdaException {
        if (closed || (maxRows > 0 && row >= maxRows)) {
            close();
            return false;
        }
        try {
            if (reader.next()) {
                row++;
                return true;
            }
        } catch (DataFormatException e) {
            close();
            throw new OdaException(e.getMessage());
        }
        close();
        return false;
    }

    @Override
    public int getRow() {
        return row;
    }

    private Object value(int index) throws OdaException {
        if (index < 1 || index > columns.size()) {
            throw new OdaException("column index " + index + " is out of range 1.." + columns.size() + " in " + reader.source());
        }
        Object value = reader.value(index - 1);
        wasNull = value == null;
        return value;
    }

    @Override
    public int findColumn(String name) throws OdaException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        throw new OdaException(reader.source() + ": no column named '" + name + "'");
    }

    private Number number(int index) throws OdaException {
        Object value = value(index);
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        throw new OdaException(reader.source() + ", column '" + columns.get(index - 1).name() + "': " + value + " is not a number");
    }

    @Override
    public String getString(int index) throws OdaException {
        Object value = value(index);
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = value == null ? null : value.toString();
        return textLimit == null ? text
                : textLimit.apply(text, () -> reader.source() + ", row " + reader.rowNumber() + ", column '" + columns.get(index - 1).name() + "'");
    }

    @Override
    public int getInt(int index) throws OdaException {
        Number value = number(index);
        if (value == null) {
            return 0;
        }
        long whole = value.longValue();
        if (whole != (int) whole) {
            throw new OdaException(reader.source() + ", row " + reader.rowNumber() + ", column '" + columns.get(index - 1).name()
                    + "': " + whole + " is too large for an integer column; declare the column DECIMAL in the data set's column types");
        }
        return (int) whole;
    }

    @Override
    public double getDouble(int index) throws OdaException {
        Number value = number(index);
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws OdaException {
        Number value = number(index);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return BigDecimal.valueOf(value.longValue());
    }

    @Override
    public Date getDate(int index) throws OdaException {
        Object value = value(index);
        if (value == null || value instanceof LocalDate) {
            return value == null ? null : Date.valueOf((LocalDate) value);
        }
        throw new OdaException(reader.source() + ", column '" + columns.get(index - 1).name() + "': " + value + " is not a date");
    }

    @Override
    public Time getTime(int index) throws OdaException {
        throw new OdaException("kpikit tables have no time-of-day columns");
    }

    @Override
    public Timestamp getTimestamp(int index) throws OdaException {
        Date date = getDate(index);
        return date == null ? null : new Timestamp(date.getTime());
    }

    @Override
    public IBlob getBlob(int index) throws OdaException {
        throw new UnsupportedOperationException("kpikit tables have no BLOB columns");
    }

    @Override
    public IClob getClob(int index) throws OdaException {
        throw new UnsupportedOperationException("kpikit tables have no CLOB columns");
    }

    @Override
    public boolean getBoolean(int index) throws OdaException {
        Object value = value(index);
        return value instanceof Boolean b ? b : false;
    }

    @Override
    public Object getObject(int index) throws OdaException {
        return value(index);
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override public String getString(String name) throws OdaException { return getString(findColumn(name)); }
    @Override public int getInt(String name) throws OdaException { return getInt(findColumn(name)); }
    @Override public double getDouble(String name) throws OdaException { return getDouble(findColumn(name)); }
    @Override public BigDecimal getBigDecimal(String name) throws OdaException { return getBigDecimal(findColumn(name)); }
    @Override public Date getDate(String name) throws OdaException { return getDate(findColumn(name)); }
    @Override public Time getTime(String name) throws OdaException { return getTime(findColumn(name)); }
    @Override public Timestamp getTimestamp(String name) throws OdaException { return getTimestamp(findColumn(name)); }
    @Override public IBlob getBlob(String name) throws OdaException { return getBlob(findColumn(name)); }
    @Override public IClob getClob(String name) throws OdaException { return getClob(findColumn(name)); }
    @Override public boolean getBoolean(String name) throws OdaException { return getBoolean(findColumn(name)); }
    @Override public Object getObject(String name) throws OdaException { return getObject(findColumn(name)); }
}
