package dev.kpikit.birt.oda;

import java.util.Map;

import dev.kpikit.data.CsvReading;

/**
 * How a host that runs reports (kpikit render --encoding, --decimal-separator) asks the data source to read a folder's
 * CSV tables: a {@link CsvReading} in the app context under {@link #KEY}. A data source's own {@code encoding} or
 * {@code decimalSeparator} property, set in the design, wins over it.
 */
public final class HostReading {

    /** App context key: the {@link CsvReading} of the folder's CSV tables. */
    public static final String KEY = "dev.kpikit.oda.csvReading";

    private HostReading() {
    }

    /** The reading the app context asks for, or null when it asks for none. */
    static CsvReading of(Object appContext) {
        return appContext instanceof Map<?, ?> context && context.get(KEY) instanceof CsvReading reading ? reading : null;
    }
}
