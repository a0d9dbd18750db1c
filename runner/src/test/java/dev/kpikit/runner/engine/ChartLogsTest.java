package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * A started engine keeps BIRT's chart warnings off the console: a startup design with a KPI without a target printed
 * "org.eclipse.birt.chart.internal.datafeed.ResultSetWrapper initializeMeta WARNING: Unable to determine data types"
 * on every render, as BIRT's chart loggers carry their own level and the engine's handler passes them on.
 */
class ChartLogsTest {

    private static LogRecord warning(String sourceClass) {
        LogRecord record = new LogRecord(Level.WARNING, "Unable to determine data types from resultset");
        record.setSourceClassName(sourceClass);
        record.setLoggerName("org.eclipse.birt.chart.engine/datafeed");
        return record;
    }

    @Test
    void birtsRecordsBelowTheEngineLevelStopAtTheConsoleAndOthersPass() throws Exception {
        SharedEngine.get();
        Handler[] consoles = Logger.getLogger("").getHandlers();
        assertTrue(consoles.length > 0, "the JVM's console handler");
        for (Handler console : consoles) {
            assertFalse(console.isLoggable(warning("org.eclipse.birt.chart.internal.datafeed.ResultSetWrapper")));
            assertTrue(console.isLoggable(warning("com.example.SomeLibrary")));
        }
    }
}
