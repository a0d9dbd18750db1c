package dev.kpikit.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.SortedMap;

import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.KpiCatalog;
import dev.kpikit.kpi.KpiResult;
import dev.kpikit.kpi.MetricAccumulator;
import dev.kpikit.kpi.Period;
import dev.kpikit.scoring.MoneyColumn;

/**
 * A KPI scorecard from files: a {@link KpiCatalog} and a metric table with a date column and
 * one column per catalog metric. The table's rows stream into a {@link MetricAccumulator}, so
 * memory grows with periods x metrics, never with rows. A metric table named by a {@code .jdbc}
 * file ({@link JdbcSource}) is summed by month in its database ({@link MetricsPushdown}).
 */
public final class FolderScorecard {

    /** The metric table's name in a data folder, without its extension (see {@link #metricsTable}). */
    public static final String METRICS_TABLE = "metrics";

    /** The folder's metric table: metrics.csv, or metrics.xlsx, .json, .jdbc (a database) when there is no CSV. */
    public static Path metricsTable(Path folder) {
        return Tables.named(folder, METRICS_TABLE);
    }

    /**
     * Which rows of the scorecard to return.
     *
     * @param asOf     rows dated later are ignored and the latest period is the one containing it;
     *                 null: the latest period with data
     * @param grain    only KPIs of this grain; null: all
     * @param periods  how many periods to return per grain, the latest and those before; 0: all
     * @param locale   labels come from {@code <catalog name>_<locale>.properties} beside the catalog when
     *                 there is one; null: the catalog's own texts
     * @param reading  how a CSV metrics file is read (encoding, decimal separator); null: UTF-8, the separator from the file
     */
    public record Options(LocalDate asOf, Grain grain, int periods, Locale locale, CsvReading reading) {

        public Options {
            if (periods < 0) {
                throw new IllegalArgumentException("periods must be 0 (all) or more, not " + periods);
            }
            reading = reading == null ? CsvReading.DEFAULT : reading;
        }

        public Options(LocalDate asOf, Grain grain, int periods, Locale locale, Charset encoding) {
            this(asOf, grain, periods, locale, CsvReading.DEFAULT.withEncoding(encoding));
        }

        public Options(LocalDate asOf, Grain grain, int periods, Locale locale) {
            this(asOf, grain, periods, locale, (CsvReading) null);
        }

        public static Options all() {
            return new Options(null, null, 0, null);
        }
    }

    /** One KPI in one period, and how many periods before the latest that period is (0 for the latest). */
    public record Row(KpiResult result, int periodsAgo) {
    }

    private FolderScorecard() {
    }

    /**
     * @throws java.nio.file.NoSuchFileException for a missing catalog or metric table
     * @throws dev.kpikit.kpi.KpiCatalogException naming the catalog file, KPI and position of each problem
     * @throws DataFormatException naming the metric table, line and column
     */
    public static List<Row> evaluate(Path catalogFile, Path metricsFile, Options options) throws IOException, DataFormatException {
        KpiCatalog catalog = KpiCatalog.load(catalogFile);
        SortedMap<Period, Map<String, BigDecimal>> metrics = accumulate(catalog, metricsFile, options.asOf(), options.reading());
        List<KpiResult> results = catalog.evaluate(metrics, messages(catalogFile, options.locale())).rows();

        Map<Grain, Period> latest = new EnumMap<>(Grain.class);
        for (Period period : metrics.keySet()) {
            latest.put(period.grain(), options.asOf() == null ? period : Period.containing(options.asOf(), period.grain()));
        }
        List<Row> rows = new ArrayList<>();
        for (KpiResult result : results) {
            Period period = result.period();
            int periodsAgo = (int) (ChronoUnit.MONTHS.between(period.start(), latest.get(period.grain()).start())
                    / period.grain().months());
            boolean shown = (options.grain() == null || options.grain() == period.grain())
                    && (options.periods() == 0 || periodsAgo < options.periods());
            if (shown) {
                rows.add(new Row(result, periodsAgo));
            }
        }
        return rows;
    }

    /** Sums the metric table into the periods of the catalog's grains. */
    private static SortedMap<Period, Map<String, BigDecimal>> accumulate(KpiCatalog catalog, Path metricsFile, LocalDate asOf,
            CsvReading reading)
            throws IOException, DataFormatException {
        if (DataFiles.name(metricsFile).endsWith("." + JdbcSource.EXTENSION)) {
            MetricAccumulator accumulator = catalog.newAccumulator();
            MetricsPushdown.monthlySums(JdbcSource.read(metricsFile), catalog.metrics(), asOf, accumulator::add);
            return accumulator.metricsByPeriod();
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        String dateColumn;
        // a first look checks the columns with a message about metrics; the second read types them
        try (TableReader header = Tables.open(metricsFile, Map.of(), reading)) {
            Tables.requireColumns(header, catalog.metrics().toArray(String[]::new));
            dateColumn = header.columns().get(ColumnMapping.defaults().resolve(header, ColumnMapping.DATE).get(ColumnMapping.DATE)).name();
        }
        types.put(dateColumn, ColumnType.DATE);
        catalog.metrics().forEach(metric -> types.put(metric, ColumnType.DECIMAL));

        MetricAccumulator accumulator = catalog.newAccumulator();
        try (TableReader reader = Tables.open(metricsFile, types, reading)) {
            int dateIndex = indexOf(reader, dateColumn);
            Map<String, Integer> metricIndexes = new LinkedHashMap<>();
            catalog.metrics().forEach(metric -> metricIndexes.put(metric, indexOf(reader, metric)));
            if (scanMonthlySums(reader, dateIndex, metricIndexes, asOf, accumulator)) {
                return accumulator.metricsByPeriod();
            }
            Map<String, BigDecimal> row = new HashMap<>();
            while (reader.next()) {
                LocalDate date = (LocalDate) reader.value(dateIndex);
                if (date == null) {
                    throw new DataFormatException(reader.currentRow() + ", column '" + dateColumn
                            + "': the date is missing", reader.source(), reader.rowNumber(), dateColumn);
                }
                if (asOf != null && date.isAfter(asOf)) {
                    continue;
                }
                metricIndexes.forEach((metric, index) -> row.put(metric, (BigDecimal) reader.value(index)));
                accumulator.add(date, row);
            }
        }
        return accumulator.metricsByPeriod();
    }

    /**
     * Sums a CSV metric table by calendar month with {@link CsvScanner}, its parts in parallel, and adds each month's
     * sums to {@code accumulator} as one row dated the month's first day (as {@link MetricsPushdown} does with a
     * database's sums): the same periods and sums, scale included, as adding each row. False, with nothing added,
     * when the reader must read the table (not a plain CSV file, or a row it refuses, a blank date among them).
     */
    private static boolean scanMonthlySums(TableReader reader, int dateIndex, Map<String, Integer> metricIndexes,
            LocalDate asOf, MetricAccumulator accumulator) throws IOException {
        CsvScanner scanner = reader instanceof CsvTableReader csv ? csv.scanner() : null;
        if (scanner == null) {
            return false;
        }
        List<String> metrics = List.copyOf(metricIndexes.keySet());
        int[] columns = metricIndexes.values().stream().mapToInt(Integer::intValue).toArray();
        long lastDay = asOf == null ? Long.MAX_VALUE : asOf.toEpochDay();
        List<MonthlySums> parts = scanner.scan(() -> new MonthlySums(columns.length), (part, row) -> {
            if (row.isBlank(dateIndex)) {
                return false; // the reader names the line
            }
            long day = row.value(dateIndex);
            if (day <= lastDay) {
                int slot = part.slot(day);
                for (int metric = 0; metric < columns.length; metric++) {
                    if (!row.isBlank(columns[metric])) {
                        part.add(slot, metric, row.value(columns[metric]), row.scale(columns[metric]));
                    }
                }
            }
            return true;
        });
        if (parts == null) {
            return false;
        }
        MonthlySums all = new MonthlySums(columns.length);
        parts.forEach(all::addAll);
        all.addTo(accumulator, metrics);
        return true;
    }

    /** Metric sums by calendar month, exact as scaled longs; a metric no row gave a value for in a month stays missing. */
    private static final class MonthlySums {

        private final int metrics;
        /** Slot of each month (year x 12 + month - 1), in the order first met. */
        private final Map<Integer, Integer> slots = new HashMap<>();
        private final List<Integer> months = new ArrayList<>();
        private final MoneyColumn sums = new MoneyColumn();
        /** Per slot and metric: whether a row gave a value. */
        private boolean[] given = new boolean[0];
        /** The day last met and its slot: metric rows mostly come day by day. */
        private long lastDay = Long.MIN_VALUE;
        private int lastSlot;

        MonthlySums(int metrics) {
            this.metrics = metrics;
        }

        int slot(long epochDay) {
            if (epochDay != lastDay) {
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                lastSlot = slotOfMonth(date.getYear() * 12 + date.getMonthValue() - 1);
                lastDay = epochDay;
            }
            return lastSlot;
        }

        private int slotOfMonth(int month) {
            Integer slot = slots.get(month);
            if (slot == null) {
                slot = months.size();
                slots.put(month, slot);
                months.add(month);
                sums.ensureCapacity((slot + 1) * metrics);
                given = Arrays.copyOf(given, Math.max(given.length, (slot + 1) * metrics));
            }
            return slot;
        }

        void add(int slot, int metric, long unscaled, int scale) {
            sums.add(slot * metrics + metric, unscaled, scale);
            given[slot * metrics + metric] = true;
        }

        void addAll(MonthlySums part) {
            for (int from = 0; from < part.months.size(); from++) {
                int to = slotOfMonth(part.months.get(from));
                for (int metric = 0; metric < metrics; metric++) {
                    if (part.given[from * metrics + metric]) {
                        sums.addSum(to * metrics + metric, part.sums, from * metrics + metric);
                        given[to * metrics + metric] = true;
                    }
                }
            }
        }

        /** Each month's sums as a row dated its first day; a month whose rows gave no value still makes its periods. */
        void addTo(MetricAccumulator accumulator, List<String> names) {
            List<Integer> sorted = new ArrayList<>(months);
            sorted.sort(null);
            for (int month : sorted) {
                int slot = slots.get(month);
                Map<String, BigDecimal> row = new HashMap<>();
                for (int metric = 0; metric < metrics; metric++) {
                    row.put(names.get(metric), given[slot * metrics + metric] ? sums.get(slot * metrics + metric) : null);
                }
                accumulator.add(LocalDate.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1), row);
            }
        }
    }

    private static int indexOf(TableReader reader, String column) {
        List<Column> columns = reader.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalStateException(reader.source() + " lost column " + column); // checked when first opened
    }

    /**
     * The labels of {@code locale} from {@code <catalog name>[_<locale>].properties} (UTF-8) in the
     * catalog's folder, falling back from fr_CA to fr to the base file; null when there is none.
     * Never falls back to the JVM's default locale: a report in English stays English on a French server.
     */
    static ResourceBundle messages(Path catalogFile, Locale locale) throws MalformedURLException {
        if (locale == null) {
            return null;
        }
        String name = catalogFile.getFileName().toString();
        String baseName = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path folder = catalogFile.toAbsolutePath().getParent();
        URL[] urls = {folder.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            try {
                return ResourceBundle.getBundle(baseName, locale, loader,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            } catch (MissingResourceException e) {
                return null;
            } finally {
                ResourceBundle.clearCache(loader); // a report run may edit the files between runs
            }
        } catch (IOException e) {
            return null; // closing a class loader over a folder does not fail in practice; no labels then
        }
    }
}
