package dev.kpikit.runner.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;
import org.apache.poi.ss.SpreadsheetVersion;
import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.framework.Platform;
import org.eclipse.birt.data.engine.api.DataEngine;
import org.eclipse.birt.report.engine.api.EngineConfig;
import org.eclipse.birt.report.engine.api.EngineConstants;
import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IEngineTask;
import org.eclipse.birt.report.engine.api.IGetParameterDefinitionTask;
import org.eclipse.birt.report.engine.api.IParameterDefnBase;
import org.eclipse.birt.report.engine.api.IRunAndRenderTask;
import org.eclipse.birt.report.engine.api.IRenderTask;
import org.eclipse.birt.report.engine.api.IReportDocument;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportEngineFactory;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.model.api.ReportDesignHandle;
import org.eclipse.birt.report.engine.api.IRunTask;
import org.eclipse.birt.report.engine.api.IScalarParameterDefn;
import org.eclipse.birt.report.engine.api.PDFRenderOption;
import org.eclipse.birt.report.engine.api.RenderOption;
import org.eclipse.birt.report.model.api.DesignFileException;
import org.eclipse.birt.report.model.api.ErrorDetail;
import org.eclipse.datatools.connectivity.oda.OdaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.birt.oda.HostReading;
import dev.kpikit.birt.oda.TextLimit;
import dev.kpikit.data.CsvReading;
import dev.kpikit.data.IsoDates;
import dev.kpikit.runner.excel.PrintLayout;
import dev.kpikit.runner.excel.PrintTitles;

/**
 * The BIRT report engine embedded in POJO mode, with the kpikit plugin found on the class
 * path. Start it once per JVM: BIRT's platform is global. A report runs once into a report
 * document, which is then rendered to each format, so all formats show the same data.
 */
public final class KpikitEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KpikitEngine.class);

    /**
     * Libraries inside the engine that log through java.util.logging: every failed query with
     * a stack trace (kpikit reports the error itself) and the XLSX emitter's progress lines.
     * Kept referenced: java.util.logging holds loggers weakly and would forget the level.
     */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = Stream.of("org.eclipse.datatools", "uk.co.spudsoft")
            .map(java.util.logging.Logger::getLogger).toList();

    private final IReportEngine engine;
    private final long startMillis;
    /** The BIRT task each rendering thread is in, so that another thread can cancel it. */
    private final java.util.Map<Thread, IEngineTask> running = new java.util.concurrent.ConcurrentHashMap<>();

    private KpikitEngine(IReportEngine engine, long startMillis) {
        this.engine = engine;
        this.startMillis = startMillis;
    }

    public static KpikitEngine start() throws ReportFailedException {
        long started = System.nanoTime();
        System.setProperty("java.awt.headless", "true");
        EngineConfig config = new EngineConfig();
        Level engineLogLevel = Level.parse(System.getProperty("kpikit.engineLogLevel", "OFF"));
        config.setLogConfig(null, engineLogLevel);
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(engineLogLevel));
        // PDFs embed DejaVu instead of naming the unembedded base-14 fonts, which lack glyphs
        // that locales use in numbers (nb's minus sign U+2212, fr's narrow no-break space)
        config.setFontConfig(KpikitEngine.class.getResource("fontsConfig.xml"));
        try {
            Platform.startup(config);
            IReportEngineFactory factory = (IReportEngineFactory) Platform
                    .createFactoryObject(IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY);
            IReportEngine engine = factory.createReportEngine(config);
            quietChartLogs(engineLogLevel);
            return new KpikitEngine(engine, (System.nanoTime() - started) / 1_000_000);
        } catch (BirtException e) {
            throw new ReportFailedException("the BIRT engine did not start: " + e.getMessage(), e);
        }
    }

    /**
     * BIRT's chart engine gives each of its loggers a level of its own (WARNING) when it makes them, so the engine's log
     * level does not reach them, and the engine's handler passes their records on to the console ("Unable to determine
     * data types from resultset" for a KPI without values). There, records from BIRT's classes below the level stop.
     */
    private static void quietChartLogs(Level engineLogLevel) {
        for (java.util.logging.Handler console : java.util.logging.Logger.getLogger("").getHandlers()) {
            java.util.logging.Filter before = console.getFilter();
            if (before instanceof BirtBelowLevel) {
                continue; // an engine started before already put it there
            }
            console.setFilter(new BirtBelowLevel(engineLogLevel, before));
        }
    }

    private record BirtBelowLevel(Level level, java.util.logging.Filter before) implements java.util.logging.Filter {
        @Override
        public boolean isLoggable(java.util.logging.LogRecord record) {
            boolean birt = record.getSourceClassName() != null && record.getSourceClassName().startsWith("org.eclipse.birt.");
            return (!birt || record.getLevel().intValue() >= level.intValue()) && (before == null || before.isLoggable(record));
        }
    }

    /** Milliseconds that platform start-up and engine creation took. */
    public long startMillis() {
        return startMillis;
    }

    public IReportEngine birt() {
        return engine;
    }

    /**
     * Renders the request and returns the files written. All formats or none: each file is
     * written under a temporary name, and only when every format has rendered are they moved into
     * place, so a failure leaves neither a half file nor one format of this run over the good
     * files of the last.
     */
    public List<Path> render(RenderRequest request) throws ReportFailedException {
        return render(request, DocumentReader.NONE);
    }

    /** Reads a rendered report document (data extraction, title) before it is deleted. */
    @FunctionalInterface
    public interface DocumentReader {
        /**
         * Reads nothing. Callers outside the engine take this rather than a lambda of their own: picocli reads every
         * command's methods at start-up, and a lambda's method taking a report document loads BIRT's signed jars.
         */
        DocumentReader NONE = document -> { };

        void read(IReportDocument document) throws BirtException;
    }

    /**
     * A design that asks for PDF/UA (its user property PdfEmitter.PDFUAConformance) gets the render's language as its
     * locale: BIRT's PDF emitter writes the design's locale as the document language, and refuses PDF/UA without one.
     */
    private static void declareLanguageForTaggedPdf(IReportRunnable runnable, Locale locale) throws BirtException {
        if (runnable.getDesignHandle() instanceof ReportDesignHandle design
                && design.getProperty("PdfEmitter.PDFUAConformance") != null) {
            design.setProperty("locale", locale.toLanguageTag());
        }
    }

    /** Like {@link #render(RenderRequest)}, then lets {@code reader} look at the report document; warnings are logged. */
    public List<Path> render(RenderRequest request, DocumentReader reader) throws ReportFailedException {
        return render(request, reader, LOG::warn);
    }

    /** Like {@link #render(RenderRequest, DocumentReader)}, telling {@code warnings} what the output changed (text cut for Excel). */
    public List<Path> render(RenderRequest request, DocumentReader reader, Consumer<String> warnings) throws ReportFailedException {
        String design = request.design().toString();
        Path work = null;
        List<AtomicFile> outputs = new ArrayList<>();
        try {
            ReportDesignFile.require(request.design(), design);
            IReportRunnable runnable = engine.openReportDesign(request.design().toAbsolutePath().toString());
            declareLanguageForTaggedPdf(runnable, request.locale());
            OutputFolder.prepare(request.outDir(), request.outDir());
            for (OutputFormat format : request.formats()) {
                outputs.add(AtomicFile.create(target(request, format))); // a directory in the way is told before the work
            }
            work = Files.createTempDirectory("kpikit-render-");
            Path document = work.resolve("report.rptdocument");
            run(runnable, request, document);
            try (var reportDocument = new OpenDocument(engine.openReportDocument(document.toString()))) {
                for (int i = 0; i < request.formats().size(); i++) {
                    OutputFormat format = request.formats().get(i);
                    Path partial = outputs.get(i).partial();
                    if (format == OutputFormat.XLSX) {
                        runAndRenderXlsx(runnable, request, partial, warnings);
                    } else {
                        renderOne(reportDocument.document(), request, format, partial);
                    }
                }
                reader.read(reportDocument.document());
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < request.formats().size(); i++) {
                outputs.get(i).commit();
                written.add(target(request, request.formats().get(i)));
            }
            return written;
        } catch (OutputFolder.NotWritableException e) {
            throw new ReportFailedException(e.getMessage(), e);
        } catch (EngineException e) {
            throw new ReportFailedException(design + ": " + engineError(e), e);
        } catch (BirtException e) {
            throw new ReportFailedException(design + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportFailedException(design + ": " + e.getMessage(), e);
        } finally {
            outputs.forEach(AtomicFile::close); // the temporary files of a failed render; committed ones are in place
            FileUtils.deleteQuietly(work == null ? null : work.toFile()); // a leftover is not worth failing a render for
        }
    }

    private static Path target(RenderRequest request, OutputFormat format) {
        return request.outDir().resolve(request.baseName() + "." + format.extension());
    }

    private void run(IReportRunnable runnable, RenderRequest request, Path document)
            throws BirtException, ReportFailedException {
        Map<String, Object> parameters = convertParameters(runnable, request);
        IRunTask task = engine.createRunTask(runnable);
        running.put(Thread.currentThread(), task);
        try {
            task.setErrorHandlingOption(IEngineTask.CANCEL_ON_ERROR);
            task.setLocale(request.locale());
            task.setParameterValues(parameters);
            task.setAppContext(appContext(task.getAppContext(), request));
            if (!task.validateParameters()) {
                throw new ReportFailedException(request.design() + ": parameter values are not valid: " + parameters, null);
            }
            task.run(document.toString());
            failOnErrors(request, task.getErrors());
            failIfCancelled(request, task);
        } finally {
            running.remove(Thread.currentThread(), task);
            task.close();
        }
    }

    private void renderOne(IReportDocument document, RenderRequest request, OutputFormat format, Path partial)
            throws BirtException, ReportFailedException {
        IRenderTask task = engine.createRenderTask(document);
        running.put(Thread.currentThread(), task);
        try {
            task.setLocale(request.locale());
            RenderOption options = switch (format) {
                case PDF -> new PDFRenderOption();
                case HTML -> html(request.outDir());
                case XLSX -> new RenderOption();
            };
            options.setOutputFormat(format.emitterFormat());
            options.setOutputFileName(partial.toString());
            task.setRenderOption(options);
            task.render();
            failOnErrors(request, task.getErrors());
            failIfCancelled(request, task);
        } finally {
            running.remove(Thread.currentThread(), task);
            task.close();
        }
    }

    /**
     * XLSX runs the design again in one run-and-render task: the XLSX emitter starts a sheet, named after its
     * first table, at each page break of the template, and only a run-and-render task gives it the template's
     * page breaks alone (from a report document BIRT renders either one page or the document's HTML pages,
     * which also break long tables by page height). The price is a second pass over the data for XLSX.
     */
    private static final int EXCEL_MAX_ROWS = 1_048_576;

    /**
     * Workbooks up to this size (a few thousand rows) are laid out for reading and printing at full size
     * ({@link PrintLayout}), which loads them whole; larger ones, streamed by the emitter, keep its layout.
     */
    static final long LAY_OUT_UP_TO_BYTES = 4L * 1024 * 1024;

    private void runAndRenderXlsx(IReportRunnable runnable, RenderRequest request, Path partial, Consumer<String> warnings)
            throws BirtException, IOException, ReportFailedException {
        Set<String> cut = Collections.synchronizedSet(new LinkedHashSet<>());
        Path emitted = request.outDir().resolve("." + target(request, OutputFormat.XLSX).getFileName() + ".emitted");
        Path laidOut = request.outDir().resolve("." + target(request, OutputFormat.XLSX).getFileName() + ".laid-out");
        Map<String, Object> parameters = convertParameters(runnable, request);
        IRunAndRenderTask task = engine.createRunAndRenderTask(runnable);
        running.put(Thread.currentThread(), task);
        PoiTempFiles.acquired();
        try {
            task.setErrorHandlingOption(IEngineTask.CANCEL_ON_ERROR);
            task.setLocale(request.locale());
            task.setParameterValues(parameters);
            // BIRT breaks a table with pageBreakInterval 0 every 10,000 rows anyway, and the emitter starts a
            // new sheet there: allow a whole Excel sheet (1,048,576 rows) on one page instead
            Map<String, Object> appContext = appContext(task.getAppContext(), request);
            appContext.put(EngineConstants.APPCONTEXT_MAX_PAGE_BREAK_INTERVAL, EXCEL_MAX_ROWS - 1);
            // the emitter fails on text longer than a cell holds: kpikit's data source cuts it and says where
            appContext.put(TextLimit.MAX_LENGTH, SpreadsheetVersion.EXCEL2007.getMaxTextLength());
            appContext.put(TextLimit.NOTICES, cut);
            task.setAppContext(appContext);
            RenderOption options = new RenderOption();
            options.setOutputFormat(OutputFormat.XLSX.emitterFormat());
            options.setOutputFileName(emitted.toString());
            task.setRenderOption(options);
            task.run();
            failOnErrors(request, task.getErrors());
            failIfCancelled(request, task);
            if (Files.size(emitted) <= LAY_OUT_UP_TO_BYTES) {
                PrintLayout.copyLaidOut(emitted, laidOut);
                PrintTitles.copyWithPrintTitles(laidOut, partial);
            } else {
                PrintTitles.copyWithPrintTitles(emitted, partial);
            }
            if (!cut.isEmpty()) {
                warnings.accept(TextLimit.cutWarning(request.baseName() + ".xlsx", SpreadsheetVersion.EXCEL2007.getMaxTextLength(),
                        List.copyOf(cut)));
            }
        } finally {
            running.remove(Thread.currentThread(), task);
            task.close();
            PoiTempFiles.released();
            Files.deleteIfExists(emitted);
            Files.deleteIfExists(laidOut);
        }
    }

    /**
     * Megabytes of rows that BIRT's data engine keeps in memory for one query before it moves the rest to a
     * disk cache in its temporary folder. Without a bound (BIRT's default, 0) the engine keeps every row of a
     * query whose table has aggregations over all rows (the key-account table: total, Pareto class, HHI,
     * top-N share) in memory: about 1.8 KB an account, 360 MB for 200,000 accounts, in the run and again in
     * the XLSX run-and-render. The disk cache reads the rows back in order, so the output does not change.
     */
    static final int DATA_ENGINE_MEMORY_BUFFER_MB = 16;

    /** The task's app context with a bounded data cache and, when the request sets one, how CSV tables are read. */
    private static Map<String, Object> appContext(Map<?, ?> current, RenderRequest request) {
        Map<String, Object> appContext = new java.util.HashMap<>();
        if (current != null) {
            current.forEach((key, value) -> appContext.put(String.valueOf(key), value));
        }
        appContext.putIfAbsent(DataEngine.MEMORY_BUFFER_SIZE, String.valueOf(DATA_ENGINE_MEMORY_BUFFER_MB));
        if (!request.reading().equals(CsvReading.DEFAULT)) {
            appContext.put(HostReading.KEY, request.reading());
        }
        return appContext;
    }

    private static HTMLRenderOption html(Path outDir) {
        HTMLRenderOption options = new HTMLRenderOption();
        options.setEmbeddable(false);
        options.setImageDirectory(outDir.resolve("images").toString());
        options.setBaseImageURL("images");
        return options;
    }

    private static void failOnErrors(RenderRequest request, List<?> errors) throws ReportFailedException {
        if (errors != null && !errors.isEmpty()) {
            Throwable first = errors.get(0) instanceof Throwable t ? t : null;
            List<String> dataErrors = errors.stream().filter(error -> !describe(error).equals(TASK_CANCELLED))
                    .map(KpikitEngine::dataSourceMessage).distinct().toList();
            if (!dataErrors.contains(null)) {
                // the data source's messages name the file, line and column: they need nothing around them
                throw new ReportFailedException(String.join("; ", dataErrors), first);
            }
            String messages = errors.stream().map(KpikitEngine::describe).distinct()
                    .filter(message -> !message.equals(TASK_CANCELLED)).collect(Collectors.joining("; "));
            throw new ReportFailedException(request.design() + ": " + messages, first);
        }
    }

    /**
     * The message of the data source's own exception (kpikit's ODA driver names the file, line and
     * column), which BIRT wraps as "Cannot execute the statement." followed by the driver
     * exception's class name; null when the error did not come from a data source.
     */
    private static String dataSourceMessage(Object error) {
        if (error instanceof Throwable throwable) {
            for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
                if (cause instanceof OdaException oda && oda.getMessage() != null) {
                    return oda.getMessage();
                }
            }
        }
        return null;
    }

    /** A task cancelled through {@link #cancel(Thread)} ends without errors and with half a report: never a file. */
    private static void failIfCancelled(RenderRequest request, IEngineTask task) throws ReportFailedException {
        if (task.getStatus() == IEngineTask.STATUS_CANCELLED) {
            throw new ReportFailedException(request.design() + ": cancelled", null);
        }
    }

    /** What BIRT adds to the real error when CANCEL_ON_ERROR stops the task. */
    private static final String TASK_CANCELLED = "The task is cancelled.";

    /** The deepest useful message: BIRT wraps the data source's own message several times. */
    private static String describe(Object error) {
        if (!(error instanceof Throwable throwable)) {
            return String.valueOf(error);
        }
        String message = throwable.getMessage();
        for (Throwable cause = throwable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message = message + " (" + cause.getMessage() + ")";
            }
        }
        return message;
    }

    /**
     * A design that does not open: each error with its line, as the Designer's problem view would list
     * them. A run that fails: what failed underneath BIRT's "Error happened while running the report."
     */
    private static String engineError(EngineException e) {
        if (e.getCause() instanceof DesignFileException file) {
            return file.getErrorList().stream()
                    .map(error -> error instanceof ErrorDetail detail
                            ? "line " + detail.getLineNo() + ": " + detail.getMessage()
                            : String.valueOf(error))
                    .collect(Collectors.joining("; "));
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.startsWith(POI_CELL_LIMIT)) {
                return String.format(Locale.ROOT, "the XLSX output has a text longer than an Excel cell holds (%,d characters)"
                        + " that does not come from kpikit's data source (a label, text or expression of the design);"
                        + " shorten it there, or render another format", SpreadsheetVersion.EXCEL2007.getMaxTextLength());
            }
        }
        return describe(e);
    }

    /** How POI refuses a cell text over Excel's limit (XSSFCell and SXSSFCell alike). */
    private static final String POI_CELL_LIMIT = "The maximum length of cell contents (text) is";

    /** Converts "name=value" text to the type each parameter declares. */
    private Map<String, Object> convertParameters(IReportRunnable runnable, RenderRequest request)
            throws ReportFailedException {
        IGetParameterDefinitionTask task = engine.createGetParameterDefinitionTask(runnable);
        try {
            Map<String, IScalarParameterDefn> declared = new LinkedHashMap<>();
            for (Object defn : (Collection<?>) task.getParameterDefns(false)) {
                if (defn instanceof IScalarParameterDefn scalar) {
                    declared.put(scalar.getName(), scalar);
                }
            }
            Map<String, Object> values = new HashMap<>();
            for (var entry : request.parameters().entrySet()) {
                IScalarParameterDefn defn = declared.get(entry.getKey());
                if (defn == null) {
                    throw new ReportFailedException(request.design() + " has no parameter '" + entry.getKey()
                            + "'; its parameters are " + declared.keySet(), null);
                }
                values.put(entry.getKey(), convert(request, defn, entry.getValue()));
            }
            return values;
        } finally {
            task.close();
        }
    }

    private static Object convert(RenderRequest request, IParameterDefnBase defn, String text) throws ReportFailedException {
        IScalarParameterDefn scalar = (IScalarParameterDefn) defn;
        try {
            return switch (scalar.getDataType()) {
                case IScalarParameterDefn.TYPE_DECIMAL -> new BigDecimal(text.trim());
                case IScalarParameterDefn.TYPE_FLOAT -> Double.valueOf(text.trim());
                case IScalarParameterDefn.TYPE_INTEGER -> Integer.valueOf(text.trim());
                case IScalarParameterDefn.TYPE_BOOLEAN -> Boolean.valueOf(text.trim());
                case IScalarParameterDefn.TYPE_DATE -> strictDate(request, defn, text);
                default -> text;
            };
        } catch (IllegalArgumentException e) {
            throw new ReportFailedException(request.design() + ", parameter '" + defn.getName() + "': cannot read '" + text
                    + "' as " + typeName(scalar.getDataType()), e);
        }
    }

    /** yyyy-MM-dd and a real day: java.sql.Date.valueOf is lenient and would make 2026-02-30 March 2. */
    private static java.sql.Date strictDate(RenderRequest request, IParameterDefnBase defn, String text) throws ReportFailedException {
        try {
            return java.sql.Date.valueOf(IsoDates.parse(text, request.design() + ", parameter '" + defn.getName() + "'"));
        } catch (IllegalArgumentException e) {
            throw new ReportFailedException(e.getMessage(), e);
        }
    }

    private static String typeName(int dataType) {
        return switch (dataType) {
            case IScalarParameterDefn.TYPE_DECIMAL, IScalarParameterDefn.TYPE_FLOAT -> "a number";
            case IScalarParameterDefn.TYPE_INTEGER -> "a whole number";
            case IScalarParameterDefn.TYPE_BOOLEAN -> "true or false";
            case IScalarParameterDefn.TYPE_DATE -> "a date (yyyy-MM-dd)";
            default -> "text";
        };
    }


    /**
     * Cancels the BIRT task that {@code thread} is rendering in (its render then fails); false when it is in none.
     * For a server whose user gave up waiting: the task stops at its next row instead of running to the end.
     */
    public boolean cancel(Thread thread) {
        IEngineTask task = running.get(thread);
        if (task == null) {
            return false;
        }
        try {
            task.cancel();
        } catch (RuntimeException e) {
            // BIRT's data engine throws (an NPE in its timer) when a cancel lands while the task is still starting
            // its data session: nothing was cancelled, and the caller tries again
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        engine.destroy();
        Platform.shutdown();
    }

    /** Lets try-with-resources close a report document. */
    private record OpenDocument(IReportDocument document) implements AutoCloseable {
        @Override
        public void close() {
            document.close();
        }
    }
}
