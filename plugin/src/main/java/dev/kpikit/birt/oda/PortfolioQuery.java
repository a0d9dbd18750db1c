package dev.kpikit.birt.oda;

import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.IsoDates;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.data.TableReader;
import dev.kpikit.scoring.PeriodLength;

/**
 * The data sets computed from the data folder's accounts and revenue tables. They take named
 * parameters, which designers link to report parameters: {@code asOf} (a date; blank for the
 * latest revenue date) and {@code periodLength} (MONTH, QUARTER or YEAR; blank for YEAR).
 * The data set property {@code columnMapping} ("amount=Umsatz, date=Rechnungsdatum") names
 * the user's columns. The query text is not used.
 */
abstract class PortfolioQuery extends AbstractQuery {

    static final String AS_OF = "asOf";
    static final String PERIOD_LENGTH = "periodLength";
    static final String COLUMN_MAPPING = "columnMapping";
    static final PeriodLength DEFAULT_PERIOD = PeriodLength.YEAR;

    /** Where BIRT's engine puts its running task into the app context; the task knows the report's locale. */
    private static final String ENGINE_TASK = "EngineTask";

    PortfolioQuery(KpikitConnection connection) {
        super(connection);
    }

    /** The rows, computed from the folder; file, model and data mistakes surface as they are. */
    protected abstract TableReader rows(ScoringFolder folder, LocalDate asOf, PeriodLength periodLength)
            throws IOException, DataFormatException, OdaException;

    /** Name of the data set in messages. */
    protected abstract String dataSetName();

    @Override
    public final IResultSet executeQuery() throws OdaException {
        try {
            ScoringFolder folder = new ScoringFolder(connection.folder(),
                    ScoringFolder.defaultMapping().withOverrides(properties.get(COLUMN_MAPPING))).withReading(connection.reading());
            LocalDate asOf = folder.asOfOrLatest(date(AS_OF));
            return new RowsResultSet(rows(folder, asOf, periodLength()), getMaxRows(), TextLimit.of(appContext));
        } catch (NoSuchFileException e) {
            throw new OdaException("kpikit " + dataSetName() + " data set: " + e.getFile() + ": "
                    + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException e) {
            throw new OdaException("kpikit " + dataSetName() + " data set: " + e.getMessage());
        } catch (DataFormatException | IllegalArgumentException e) {
            // messages already name file, line, column (or model field): keep them verbatim
            throw new OdaException(e.getMessage());
        }
    }

    private PeriodLength periodLength() throws OdaException {
        String text = text(PERIOD_LENGTH);
        if (text == null) {
            return DEFAULT_PERIOD;
        }
        try {
            return PeriodLength.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OdaException("kpikit " + dataSetName() + " data set, parameter " + PERIOD_LENGTH + ": " + e.getMessage());
        }
    }

    /** A parameter's text, null when it is blank or not set. */
    protected String text(String parameter) {
        Object value = parameters.get(parameter);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    protected Integer integer(String parameter) throws OdaException {
        Object value = parameters.get(parameter);
        try {
            return value instanceof Number number ? Integer.valueOf(new BigDecimal(number.toString()).intValueExact())
                    : text(parameter) == null ? null : Integer.valueOf(text(parameter));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new OdaException("kpikit " + dataSetName() + " data set, parameter " + parameter + ": '" + value
                    + "' is not a whole number");
        }
    }

    /**
     * The file a parameter names inside the data folder, null when the parameter is blank.
     *
     * @throws dev.kpikit.data.OutsideFolderException when the name leads out of the data folder
     */
    protected Path dataFile(String parameter) throws IOException {
        String name = text(parameter);
        return name == null ? null : connection.dataFolder().resolve(name, "parameter '" + parameter + "'");
    }

    private LocalDate date(String parameter) throws OdaException {
        Object value = parameters.get(parameter);
        String givenBy = "parameter '" + parameter + "'";
        try {
            // a date object (a Designer's value, a date parameter) is held to the range text is
            if (value instanceof java.sql.Date date) {
                return IsoDates.withinRange(date.toLocalDate(), givenBy);
            }
            if (value instanceof Date date) {
                return IsoDates.withinRange(date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate(), givenBy);
            }
            String text = text(parameter);
            return text == null ? null : IsoDates.parse(text, givenBy);
        } catch (IllegalArgumentException e) {
            throw new OdaException("kpikit " + dataSetName() + " data set, " + e.getMessage());
        }
    }

    /**
     * The report's locale, for explanations: BIRT's engine task in the app context knows it. Looked
     * up by name so that the plugin needs no dependency on the report engine; English otherwise.
     */
    protected Locale reportLocale() {
        if (appContext instanceof Map<?, ?> context && context.get(ENGINE_TASK) != null) {
            Object task = context.get(ENGINE_TASK);
            try {
                Method getLocale = task.getClass().getMethod("getLocale");
                if (getLocale.invoke(task) instanceof Locale locale) {
                    return locale;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // an engine without a locale: English, never the server's default
            }
        }
        return Locale.ENGLISH;
    }
}
