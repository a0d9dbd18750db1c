package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.apache.commons.io.FileUtils;
import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.report.engine.api.IDataExtractionTask;
import org.eclipse.birt.report.engine.api.IDataIterator;
import org.eclipse.birt.report.engine.api.IExtractionResults;
import org.eclipse.birt.report.engine.api.IReportDocument;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IResultSetItem;

import dev.kpikit.data.CsvReading;
import dev.kpikit.runner.engine.KpikitEngine;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.runner.mail.Attachment;
import dev.kpikit.runner.mail.Headline;
import dev.kpikit.runner.mail.KpiImage;

/**
 * Renders with the embedded BIRT engine into a temporary folder, keeps the files in memory and
 * reads the headline KPIs from the report document (data extraction by item name and binding).
 *
 * Schedules that render the same design with the same parameters, locale and formats for the
 * same fire (many managers, one report) share one render: the result is kept for a short while.
 */
public final class BirtReportRenderer implements ReportRenderer {

    private static final Duration SHARE_FOR = Duration.ofMinutes(2);

    private final Supplier<KpikitEngine> engine;
    private final Map<Key, Shared> recent = new ConcurrentHashMap<>();

    public BirtReportRenderer(Supplier<KpikitEngine> engine) {
        this.engine = engine;
    }

    private record Key(Path design, long modified, Map<String, String> parameters, Locale locale, List<OutputFormat> formats,
            List<HeadlineKpi> headline, CsvReading reading, Instant slot) {
    }

    private record Shared(CompletableFuture<RenderedReport> result, long createdNanos) {
    }

    @Override
    public RenderedReport render(Schedule schedule, LocalDate asOf, String period, Instant slot) throws ReportFailedException {
        Map<String, String> parameters = new LinkedHashMap<>(schedule.parameters());
        if (schedule.asOfParameter() != null) {
            parameters.put(schedule.asOfParameter(), asOf.toString());
        }
        Key key = new Key(schedule.template(), modified(schedule.template()), parameters, schedule.locale(),
                schedule.formats(), schedule.headline(), schedule.reading(), slot);
        evictOld();
        CompletableFuture<RenderedReport> mine = new CompletableFuture<>();
        Shared shared = recent.computeIfAbsent(key, k -> new Shared(mine, System.nanoTime()));
        if (shared.result() == mine) {
            try {
                mine.complete(renderNow(schedule, parameters, asOf));
            } catch (ReportFailedException | RuntimeException e) {
                recent.remove(key);  // a failure is not shared with later fires: they try again
                mine.completeExceptionally(e);
            }
        }
        try {
            return shared.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportFailedException(schedule.template() + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReportFailedException failed) {
                throw failed;
            }
            throw new ReportFailedException(schedule.template() + ": " + e.getCause(), e.getCause());
        }
    }

    private void evictOld() {
        long now = System.nanoTime();
        recent.values().removeIf(s -> now - s.createdNanos() > SHARE_FOR.toNanos());
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private RenderedReport renderNow(Schedule schedule, Map<String, String> parameters, LocalDate asOf)
            throws ReportFailedException {
        Path work = null;
        try {
            work = Files.createTempDirectory("kpikit-delivery-");
            String base = RenderRequest.baseNameOf(schedule.template());
            DocumentFacts facts = new DocumentFacts(schedule);
            List<Path> files = engine.get().render(new RenderRequest(schedule.template(), parameters, schedule.formats(),
                    work, schedule.locale(), base, schedule.reading()), facts::read);
            String title = facts.title == null || facts.title.isBlank() ? base : facts.title;
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                OutputFormat format = schedule.formats().get(i);
                attachments.add(new Attachment(fileName(title, asOf, format), contentType(format), Files.readAllBytes(files.get(i))));
            }
            return new RenderedReport(title, attachments, facts.headlines, KpiImage.png(facts.headlines), facts.hasData);
        } catch (IOException e) {
            throw new ReportFailedException(schedule.template() + ": " + e, e);
        } finally {
            FileUtils.deleteQuietly(work == null ? null : work.toFile()); // a leftover is not worth failing a delivery for
        }
    }

    /** "revenue-growth-and-concentration_2025-10-31.pdf": the report and the date it is as of. */
    static String fileName(String title, LocalDate asOf, OutputFormat format) {
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "report";
        }
        return (slug.length() > 60 ? slug.substring(0, 60) : slug) + "_" + asOf + "." + format.extension();
    }

    private static String contentType(OutputFormat format) {
        return switch (format) {
            case PDF -> "application/pdf";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case HTML -> "text/html";
        };
    }

    /** What the mail needs from the report document: title, headline values, any data at all. */
    private final class DocumentFacts {
        private final Schedule schedule;
        String title;
        final List<Headline> headlines = new ArrayList<>();
        boolean hasData;

        DocumentFacts(Schedule schedule) {
            this.schedule = schedule;
        }

        void read(IReportDocument document) throws BirtException {
            IReportRunnable runnable = document.getReportRunnable();
            Object t = runnable == null ? null : runnable.getProperty(IReportRunnable.TITLE);
            title = t == null ? null : t.toString();
            IDataExtractionTask task = engine.get().birt().createDataExtractionTask(document);
            try {
                task.setLocale(schedule.locale());
                List<String> resultSets = new ArrayList<>();
                for (Object item : (Collection<?>) task.getResultSetList()) {
                    resultSets.add(((IResultSetItem) item).getResultSetName());
                }
                for (HeadlineKpi kpi : schedule.headline()) {
                    if (!resultSets.contains(kpi.item())) {
                        throw new ReportFailedException(schedule.template() + ": headline KPI '" + kpi.name()
                                + "' names item '" + kpi.item() + "', but the report's named items with data are " + resultSets, null);
                    }
                    Object value = firstValue(task, kpi.item(), kpi.column());
                    headlines.add(headline(kpi, value));
                }
                for (String name : resultSets) {
                    if (!hasData) {
                        hasData = hasRows(task, name);
                    }
                }
            } catch (ReportFailedException e) {
                throw new BirtException(e.getMessage()) {
                    private static final long serialVersionUID = 1L;
                };
            } finally {
                task.close();
            }
        }

        private Headline headline(HeadlineKpi kpi, Object value) {
            BigDecimal number = value instanceof BigDecimal d ? d
                    : value instanceof Number n ? new BigDecimal(n.toString()) : null;
            String text;
            if (value == null) {
                text = "-";
            } else if (number != null && kpi.format() != null) {
                text = new DecimalFormat(kpi.format(), DecimalFormatSymbols.getInstance(schedule.locale())).format(number);
            } else if (number != null) {
                text = java.text.NumberFormat.getNumberInstance(schedule.locale()).format(number);
            } else {
                text = Objects.toString(value);
            }
            return new Headline(kpi.name(), kpi.label(), text, number);
        }
    }

    private static Object firstValue(IDataExtractionTask task, String item, String column) throws BirtException {
        task.selectResultSet(item);
        task.selectColumns(new String[] {column});
        task.setMaxRows(1);
        IExtractionResults results = task.extract();
        try {
            IDataIterator rows = results == null ? null : results.nextResultIterator();
            return rows != null && rows.next() ? rows.getValue(column) : null;
        } finally {
            if (results != null) {
                results.close();
            }
            task.selectColumns(null);
            task.setMaxRows(-1);
        }
    }

    private static boolean hasRows(IDataExtractionTask task, String item) throws BirtException {
        task.selectResultSet(item);
        task.setMaxRows(1);
        IExtractionResults results = task.extract();
        try {
            IDataIterator rows = results == null ? null : results.nextResultIterator();
            return rows != null && rows.next();
        } finally {
            if (results != null) {
                results.close();
            }
            task.setMaxRows(-1);
        }
    }

}
