package dev.kpikit.birt;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.data.engine.core.DataException;

/**
 * BIRT runs every exception message through java.text.MessageFormat, which would eat the
 * quotes around a column name and choke on braces. Passing our text as the single argument
 * of the pattern "{0}" shows it exactly as written.
 */
public final class BirtErrors {

    private static final String VERBATIM = "{0}";

    private BirtErrors() {
    }

    public static BirtException birt(String message, Throwable cause) {
        return new BirtException(VERBATIM, new Object[] {message}, cause);
    }

    public static DataException data(String message, Throwable cause) {
        return new DataException(VERBATIM, cause, new Object[] {message});
    }
}
