package dev.kpikit.server.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.kpikit.data.CsvReading;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.FolderScorecard;
import dev.kpikit.data.JdbcSource;
import dev.kpikit.data.ScoringFolder;
import dev.kpikit.kpi.KpiCatalogException;
import dev.kpikit.runner.excel.ScoringWorkbook;
import dev.kpikit.scoring.AccountReport;
import dev.kpikit.scoring.AccountRows;
import dev.kpikit.scoring.Factor;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.FactorScore;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.ScoringModel;

/**
 * The Key accounts page: a data folder scored as {@code kpikit score} scores it (the folder's model
 * or the built-in one), and the same scoring as the live workbook of {@code kpikit workbook}.
 * <p>
 * The last folder scored is kept while its files stay as they were (names, sizes, times modified): a search with
 * Find, the page again or the folder's workbook then cost a look at the folder instead of a scoring (a million
 * accounts: about 8 s each time). One folder at a time, softly held, so that the collector takes it back before a
 * render runs short of memory. A folder with a table in a database ({@code .jdbc}) is scored every time: its rows
 * change without a file changing.
 */
public final class KeyAccounts {

    /**
     * The folder, date, period and decimal separator asked for, and its files as they were when scored: a folder scored
     * with its decimal separator decided from each file is not the same folder scored with one said.
     */
    private record Asked(Path folder, LocalDate asOf, String period, Character decimalSeparator, List<String> files) {
    }

    private record Kept(Asked asked, SoftReference<Scored> scored) {
    }

    private final AtomicReference<Kept> last = new AtomicReference<>();
    private final AtomicInteger scorings = new AtomicInteger();

    public record Row(int rank, String id, String name, String segment, String share, String score, String tier, String abc,
            List<String> points, String explanation) {
    }

    /**
     * @param accounts how many accounts were scored
     * @param find     the text asked for in ids and names; empty for every account
     * @param matching how many of the accounts have it: {@code rows} holds the best of those, at most {@link #ROWS_SHOWN}
     */
    public record Table(String folder, String model, LocalDate asOf, String period, List<String> factors, List<Row> rows,
            int accounts, String find, int matching, List<String> warnings) {
    }

    /**
     * Accounts a page shows at most, the best-scored: a folder of a million accounts would make a page of hundreds of MB
     * (the workbook has them all).
     */
    public static final int ROWS_SHOWN = 1_000;

    /**
     * The scored accounts whose id or name contains {@code find} (any case; every account when blank), best first, at
     * most {@link #ROWS_SHOWN}, each factor's points in the model's factor order.
     *
     * @param decimalSeparator the CSV tables' decimal separator, '.' or ','; null to decide from each file (as
     *                         {@code kpikit score --decimal-separator} and the data source's decimalSeparator say it)
     */
    public Table score(Path folder, String folderName, LocalDate asOf, String period, Character decimalSeparator, String find,
            Locale locale) throws IOException, DataFormatException {
        return score(folder, folderName, asOf, period, decimalSeparator, find, locale, ROWS_SHOWN);
    }

    /** As {@link #score(Path, String, LocalDate, String, Character, String, Locale)}, showing at most {@code shown} accounts. */
    Table score(Path folder, String folderName, LocalDate asOf, String period, Character decimalSeparator, String find,
            Locale locale, int shown) throws IOException, DataFormatException {
        Scored scored = scored(folder, asOf, period, decimalSeparator);
        List<String> factors = scored.model().factors().stream().map(Factor::id).toList();
        String sought = find == null ? "" : find.strip();
        String soughtLower = sought.toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        AccountRows accounts = scored.portfolio().rows();
        int matching = 0;
        for (int index = 0; index < accounts.size(); index++) {
            accounts.moveTo(index);
            // ids and names are read from the portfolio's columns: a report is built only for a row shown
            if (!sought.isEmpty() && !contains(accounts.id(), soughtLower) && !contains(accounts.name(), soughtLower)) {
                continue;
            }
            if (matching++ < shown) {
                rows.add(row(accounts.report(), factors, locale));
            }
        }
        return new Table(folderName, scored.model().name(), scored.asOf(), scored.period().name(), factors, rows,
                accounts.size(), sought, matching, scored.warnings());
    }

    private static boolean contains(String text, String lowerCase) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCase);
    }

    private static Row row(AccountReport report, List<String> factors, Locale locale) {
        List<String> points = new ArrayList<>();
        for (String factor : factors) {
            points.add(report.score().factors().stream().filter(f -> f.factorId().equals(factor)).findFirst()
                    .map(FactorScore::points).map(p -> p == null ? "" : p.setScale(1, RoundingMode.HALF_EVEN).toPlainString())
                    .orElse(""));
        }
        BigDecimal share = report.account().input(FactorInput.REVENUE_SHARE);
        return new Row(report.rank(), report.account().id(), report.account().name(),
                report.account().segment() == null ? "" : report.account().segment(),
                share == null ? "" : share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %",
                report.score().score() == null ? "" : report.score().score().toPlainString(), report.score().tier(),
                report.abc() == null ? "" : report.abc().name(), List.copyOf(points), report.score().explain(locale));
    }

    /** The live scoring workbook of the folder, as {@code kpikit workbook} writes it. */
    public void workbook(Path folder, String folderName, LocalDate asOf, String period, Character decimalSeparator,
            Locale locale, OutputStream out) throws IOException, DataFormatException, KpiCatalogException {
        Scored scored = scored(folder, asOf, period, decimalSeparator);
        List<FolderScorecard.Row> kpis = List.of();
        Path catalog = folder.resolve("kpi-catalog.json");
        Path metrics = FolderScorecard.metricsTable(folder);
        if (Files.isRegularFile(catalog) && Files.isRegularFile(metrics)) {
            kpis = FolderScorecard.evaluate(catalog, metrics, new FolderScorecard.Options(scored.asOf(), null, 0, locale));
        }
        new ScoringWorkbook(scored.model(), scored.portfolio(), kpis, new ScoringWorkbook.Info(folderName, scored.asOf(), locale))
                .write(out);
    }

    private record Scored(ScoringModel model, LocalDate asOf, PeriodLength period, Portfolio portfolio, List<String> warnings) {
    }

    /** The folder scored, or as it was scored last when nothing it reads has changed since. */
    private Scored scored(Path folder, LocalDate asOf, String period, Character decimalSeparator)
            throws IOException, DataFormatException {
        List<String> files = files(folder);
        Asked asked = files == null ? null
                : new Asked(folder.toAbsolutePath().normalize(), asOf, period, decimalSeparator, files);
        Kept kept = last.get();
        Scored scored = kept != null && kept.asked().equals(asked) ? kept.scored().get() : null;
        if (scored == null) {
            scored = scoredNow(folder, asOf, period, decimalSeparator);
            if (asked != null) {
                last.set(new Kept(asked, new SoftReference<>(scored)));
            }
        }
        return scored;
    }

    /** How many times a folder was scored, not taken from the last one kept (for tests). */
    int scorings() {
        return scorings.get();
    }

    /**
     * Each file of the folder as name, size and time modified, in name order; null for a folder that names a table in a
     * database, whose rows can change while the files do not, or one that cannot be listed (scoring then says why).
     */
    private static List<String> files(Path folder) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path file : (Iterable<Path>) children.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith("." + JdbcSource.EXTENSION)) {
                    return null;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                files.add(name + '/' + attributes.size() + '/' + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return files;
    }

    private Scored scoredNow(Path folder, LocalDate asOf, String period, Character decimalSeparator)
            throws IOException, DataFormatException {
        scorings.incrementAndGet();
        PeriodLength length = PeriodLength.parse(period == null || period.isBlank() ? "year" : period);
        ScoringFolder scoring = new ScoringFolder(folder).withReading(CsvReading.DEFAULT.withDecimalSeparator(decimalSeparator));
        ScoringModel model = scoring.model(null);
        LocalDate date = scoring.asOfOrLatest(asOf);
        List<String> warnings = new ArrayList<>();
        Consumer<String> collect = warnings::add;
        return new Scored(model, date, length, scoring.portfolio(date, length, model, collect), warnings);
    }
}
