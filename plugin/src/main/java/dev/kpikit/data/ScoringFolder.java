package dev.kpikit.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.kpikit.scoring.AccountProfile;
import dev.kpikit.scoring.AccountRows;
import dev.kpikit.scoring.AccountTableRows;
import dev.kpikit.scoring.ConcentrationSeries;
import dev.kpikit.scoring.FactorInput;
import dev.kpikit.scoring.KeyAccountRevenue;
import dev.kpikit.scoring.OutOfRange;
import dev.kpikit.scoring.PeriodConcentration;
import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.RevenueBuckets;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.RevenueLedger;
import dev.kpikit.scoring.ScannedRevenueRows;
import dev.kpikit.scoring.ScoringModel;

/**
 * A data folder as key-account scoring reads it:
 * <pre>
 * accounts.csv        account_id, name, segment, strategic_value, growth_potential, engagement,
 *                     satisfaction, relationship_start (one row per account; judgements may be blank)
 * revenue.csv         date, account_id, amount (one row per invoice, order or month)
 * scoring-model.json  optional; the built-in default model otherwise
 * </pre>
 * Each table may also be .tsv, .txt, .json or .xlsx. Columns are found through a
 * {@link ColumnMapping}, so a user's own column names work. Revenue rows are streamed:
 * memory grows with the number of accounts, never with the number of rows. The revenue table
 * may live in a database instead, named by {@code revenue.jdbc} (see {@link JdbcSource}); the
 * database then sums it (one GROUP BY per question) and only per-account rows cross the wire.
 */
public final class ScoringFolder {

    public static final String ACCOUNTS_TABLE = "accounts";
    public static final String REVENUE_TABLE = "revenue";
    public static final String MODEL_FILE = "scoring-model.json";
    private static final String MODEL_KIND = "model file (a scoring model's .json file)";

    public static final String SEGMENT = "segment";
    public static final String STRATEGIC_VALUE = "strategic_value";
    public static final String GROWTH_POTENTIAL = "growth_potential";
    public static final String ENGAGEMENT = "engagement";
    public static final String SATISFACTION = "satisfaction";
    public static final String RELATIONSHIP_START = "relationship_start";

    private static final List<String> EXTENSIONS = List.of("csv", "tsv", "txt", "json", "xlsx");

    private static final ColumnMapping MAPPING = ColumnMapping.defaults()
            .withField(SEGMENT, "segment", "industry")
            .withField(STRATEGIC_VALUE, "strategic_value", "strategic_importance", "strategic")
            .withField(GROWTH_POTENTIAL, "growth_potential", "potential")
            .withField(ENGAGEMENT, "engagement", "collaboration")
            .withField(SATISFACTION, "satisfaction", "csat")
            .withField(RELATIONSHIP_START, "relationship_start", "customer_since", "start_date");

    /** The type each field is read as, whatever the first rows would suggest (ids like 1001 stay text). */
    private static final Map<String, ColumnType> FIELD_TYPES = Map.of(
            ColumnMapping.ACCOUNT_ID, ColumnType.STRING, ColumnMapping.NAME, ColumnType.STRING,
            ColumnMapping.DATE, ColumnType.DATE, ColumnMapping.AMOUNT, ColumnType.DECIMAL,
            SEGMENT, ColumnType.STRING, STRATEGIC_VALUE, ColumnType.DECIMAL, GROWTH_POTENTIAL, ColumnType.DECIMAL,
            ENGAGEMENT, ColumnType.DECIMAL, SATISFACTION, ColumnType.DECIMAL, RELATIONSHIP_START, ColumnType.DATE);

    private final Path folder;
    private final ColumnMapping mapping;
    private final CsvReading reading;
    /** Rows received from a database's revenue table, for checks that only aggregates cross the wire. */
    private final AtomicLong rowsFromDatabase = new AtomicLong();

    public ScoringFolder(Path folder) {
        this(folder, MAPPING);
    }

    public ScoringFolder(Path folder, ColumnMapping mapping) {
        this(folder, mapping, CsvReading.DEFAULT);
    }

    private ScoringFolder(Path folder, ColumnMapping mapping, CsvReading reading) {
        this.folder = folder;
        this.mapping = mapping;
        this.reading = reading;
    }

    /** The same folder with its CSV tables read in {@code encoding} (UTF-8 when not set). */
    public ScoringFolder withEncoding(Charset encoding) {
        return new ScoringFolder(folder, mapping, reading.withEncoding(encoding));
    }

    /** The same folder with its CSV tables read as {@code reading} says (encoding, decimal separator). */
    public ScoringFolder withReading(CsvReading reading) {
        return new ScoringFolder(folder, mapping, reading);
    }

    /** kpikit's usual column names for the scoring fields; add a user's overrides with {@link ColumnMapping#withOverrides}. */
    public static ColumnMapping defaultMapping() {
        return MAPPING;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The scoring model: {@code modelFile} when given, else the folder's scoring-model.json when
     * there is one, else the built-in default. A file named by a report parameter is resolved with
     * {@link ConfinedFolder} first, so that it stays inside the data folder.
     *
     * @throws dev.kpikit.scoring.ModelException naming file, line, column and field of a mistake
     * @throws NoSuchFileException               naming the full path of a model file that is missing
     */
    public ScoringModel model(Path modelFile) throws NoSuchFileException {
        if (modelFile != null) {
            DataFiles.requireExists(modelFile, MODEL_KIND);
            return ScoringModel.read(modelFile);
        }
        Path own = folder.resolve(MODEL_FILE);
        if (Files.isDirectory(own)) {
            DataFiles.requireExists(own, MODEL_KIND); // not the built-in model in silence
        }
        return Files.isRegularFile(own) ? ScoringModel.read(own) : ScoringModel.defaultModel();
    }

    /**
     * The files that scoring this folder reads (its account and revenue tables, the model file), those that exist:
     * a command's output must never replace one of them.
     */
    public List<Path> inputs(Path modelFile) {
        List<Path> files = new ArrayList<>();
        for (String table : List.of(ACCOUNTS_TABLE, REVENUE_TABLE)) {
            try {
                files.add(table(table));
            } catch (NoSuchFileException e) {
                // scoring says it is missing
            }
        }
        Path model = modelFile != null ? modelFile : folder.resolve(MODEL_FILE);
        if (Files.isRegularFile(model)) {
            files.add(model);
        }
        return files;
    }

    /** {@code asOf} when given, else the date of the latest revenue row (a pass over the revenue table). */
    public LocalDate asOfOrLatest(LocalDate asOf) throws IOException, DataFormatException {
        if (asOf != null) {
            return asOf;
        }
        RevenuePushdown pushdown = pushdown();
        if (pushdown != null) {
            LocalDate latest = pushdown.latestDate();
            if (latest == null) {
                String source = table(REVENUE_TABLE).getFileName().toString();
                throw new DataFormatException(source + ": the revenue table has no rows; give an as-of date", source, 0, null);
            }
            return latest;
        }
        LocalDate[] latest = new LocalDate[1];
        try (Typed table = openRevenue()) {
            List<long[]> parts = scanRevenue(table, Runtime.getRuntime().availableProcessors(),
                    () -> new long[] {Long.MIN_VALUE}, (part, row, day) -> part[0] = Math.max(part[0], day));
            if (parts != null) {
                long day = parts.stream().mapToLong(part -> part[0]).max().orElse(Long.MIN_VALUE);
                latest[0] = day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
            } else {
                readRevenue(table, (date, account, amount) -> {
                    if (latest[0] == null || date.isAfter(latest[0])) {
                        latest[0] = date;
                    }
                });
            }
        }
        if (latest[0] == null) {
            throw new DataFormatException(table(REVENUE_TABLE).getFileName() + " has no rows; give an as-of date",
                    table(REVENUE_TABLE).getFileName().toString(), 0, null);
        }
        return latest[0];
    }

    public RevenueLedger ledger(LocalDate asOf, PeriodLength periodLength) throws IOException, DataFormatException {
        RevenuePushdown pushdown = pushdown();
        if (pushdown != null) {
            RevenueLedger ledger = new RevenueLedger(asOf, periodLength);
            pushdown.fill(ledger);
            return ledger;
        }
        try (Typed table = openRevenue()) {
            RevenueLedger scanned = scannedLedger(table, asOf, periodLength);
            if (scanned != null) {
                return scanned;
            }
            RevenueLedger ledger = new RevenueLedger(asOf, periodLength);
            readRevenue(table, ledger::add);
            return ledger;
        }
    }

    /** The ledger of the open revenue table read by the scanner ({@link #scanRevenue}); null when it cannot. */
    private RevenueLedger scannedLedger(Typed table, LocalDate asOf, PeriodLength periodLength) throws IOException {
        RevenueBuckets buckets = new RevenueBuckets(asOf, periodLength);
        List<RevenueBuckets.Rows> parts = scanRevenueRows(table, buckets::newRows);
        if (parts == null) {
            return null;
        }
        RevenueBuckets.flushAll(parts);
        return buckets.ledger();
    }

    /** The open revenue table's rows, as {@link #scanRevenue} reads them, into a {@link ScannedRevenueRows} per part. */
    private <P extends ScannedRevenueRows> List<P> scanRevenueRows(Typed table, Supplier<P> newPart) throws IOException {
        int account = table.indexes.get(ColumnMapping.ACCOUNT_ID);
        int amount = table.indexes.get(ColumnMapping.AMOUNT);
        return scanRevenue(table, Runtime.getRuntime().availableProcessors(), newPart, (rows, row, day) -> {
            if (row.isAscii(account)) {
                rows.add(row.position(), day, row.bytes(), row.start(account), row.end(account), row.value(amount),
                        row.scale(amount));
            } else {
                rows.add(row.position(), day, row.text(account), row.value(amount), row.scale(amount));
            }
        });
    }

    /** A revenue row as the scanner reads it: its date as an epoch day, its account and amount in {@code row}. */
    @FunctionalInterface
    private interface ScannedRevenue<P> {
        void add(P part, CsvScanner.Row row, int epochDay);
    }

    /**
     * The revenue table's rows read by {@link CsvScanner} in parts on up to {@code threads} threads, each part into its
     * own state; null when the table is not a CSV file it reads, or the file has what only the reader reads or refuses
     * (a blank date, account or amount among them): then {@link #readRevenue(Typed, RevenueRows)} reads it.
     */
    private <P> List<P> scanRevenue(Typed table, int threads, Supplier<P> newPart, ScannedRevenue<P> rows) throws IOException {
        CsvScanner scanner = table.reader instanceof CsvTableReader csv ? csv.scanner() : null;
        if (scanner == null) {
            return null;
        }
        int date = table.indexes.get(ColumnMapping.DATE);
        int account = table.indexes.get(ColumnMapping.ACCOUNT_ID);
        int amount = table.indexes.get(ColumnMapping.AMOUNT);
        return scanner.withThreads(threads).scan(newPart, (part, row) -> {
            if (row.isBlank(date) || row.isBlank(account) || row.isBlank(amount)) {
                return false; // the reader names the line and column
            }
            rows.add(part, row, (int) row.value(date));
            return true;
        });
    }

    /**
     * Revenue concentration period by period up to {@code asOf}. A CSV file is read by the scanner on every core and
     * summed by account and period in longs ({@link RevenueBuckets#concentration}); anything else, a file the scanner
     * leaves to the reader, or amounts it cannot sum exactly in longs, row by row ({@link ConcentrationSeries}).
     */
    public List<PeriodConcentration> concentration(LocalDate asOf, PeriodLength periodLength, int topN)
            throws IOException, DataFormatException {
        return concentration(asOf, periodLength, topN, RevenueBuckets.MAX_PERIOD_SUMS);
    }

    /** As {@link #concentration(LocalDate, PeriodLength, int)}, the scanner holding at most {@code maxPeriodSums} sums. */
    List<PeriodConcentration> concentration(LocalDate asOf, PeriodLength periodLength, int topN, long maxPeriodSums)
            throws IOException, DataFormatException {
        ConcentrationSeries series = new ConcentrationSeries(asOf, periodLength, topN);
        RevenuePushdown pushdown = pushdown();
        if (pushdown == null) {
            List<PeriodConcentration> scanned = scannedConcentration(asOf, periodLength, topN, maxPeriodSums);
            if (scanned != null) {
                return scanned;
            }
        }
        readRevenueByPeriod(pushdown, null, asOf, periodLength, series::add);
        return series.periods();
    }

    /**
     * {@link #concentration} from a CSV file through the scanner; null when it has to be read row by row. When the
     * accounts times the periods are more sums than fit (a million accounts over more than 32 periods), the file is
     * read again for each window of as many periods as fit, the latest first, until no row is earlier.
     */
    List<PeriodConcentration> scannedConcentration(LocalDate asOf, PeriodLength periodLength, int topN, long maxPeriodSums)
            throws IOException, DataFormatException {
        RevenueBuckets everything = scannedBuckets(asOf, periodLength, maxPeriodSums, null, null);
        if (everything == null) {
            return null;
        }
        List<PeriodConcentration> measured = everything.concentration(topN);
        int periodsAWindow = measured != null ? 0 : everything.periodsThatFit(maxPeriodSums);
        if (measured != null || periodsAWindow == 0) {
            return measured;
        }
        List<PeriodConcentration> windows = new ArrayList<>();
        // each window ends with the period of the latest row before the previous one: years without a row (a date
        // mistyped as 1920) cost no pass
        for (LocalDate last = asOf; last != null; ) {
            LocalDate until = periodLength.containing(last).end().plusDays(1);
            LocalDate from = periodLength.containing(last).start();
            for (int period = 1; period < periodsAWindow; period++) {
                from = periodLength.containing(from.minusDays(1)).start();
            }
            RevenueBuckets window = scannedBuckets(asOf, periodLength, maxPeriodSums, from, until);
            List<PeriodConcentration> periods = window == null ? null : window.concentration(topN);
            if (periods == null) {
                return null;
            }
            windows.addAll(0, periods);
            last = window.latestBeforeWindow();
        }
        return List.copyOf(windows);
    }

    /** The revenue file scanned into buckets that also sum by period from {@code from} to {@code until}; null as scanRevenue. */
    private RevenueBuckets scannedBuckets(LocalDate asOf, PeriodLength periodLength, long maxPeriodSums, LocalDate from,
                                          LocalDate until) throws IOException, DataFormatException {
        try (Typed table = openRevenue()) {
            // the ledgers' buckets number the accounts; their revenue by period is summed beside, a bucket at a time
            RevenueBuckets buckets = new RevenueBuckets(asOf, periodLength, periodLength, maxPeriodSums, from, until);
            List<RevenueBuckets.Rows> parts = scanRevenueRows(table, buckets::newRows);
            if (parts == null) {
                return null;
            }
            RevenueBuckets.flushAll(parts);
            return buckets;
        }
    }

    /** Every account scored, ranked and classified as of {@code asOf}; warnings are dropped (see the other overload). */
    public Portfolio portfolio(LocalDate asOf, PeriodLength periodLength, ScoringModel model)
            throws IOException, DataFormatException {
        return portfolio(asOf, periodLength, model, warning -> { });
    }

    /**
     * Every account scored, ranked and classified as of {@code asOf}. What is scored but deserves a word goes
     * to {@code warnings}, one sentence each: judgements clamped as the model allows (one per account), and
     * the revenue of account ids that the account table lacks (one for all, with the count and the first ids).
     */
    public Portfolio portfolio(LocalDate asOf, PeriodLength periodLength, ScoringModel model, Consumer<String> warnings)
            throws IOException, DataFormatException {
        RevenueLedger ledger = ledger(asOf, periodLength);
        Portfolio.Builder accounts = scanProfiles(ledger, model, 0, warnings);
        if (accounts == null) {
            accounts = Portfolio.builder(ledger);
            readProfiles(model, warnings, accounts::has, accounts::add);
        }
        Portfolio portfolio = accounts.analyse(model);
        List<String> unknown = portfolio.unknownAccountIds();
        if (!unknown.isEmpty()) {
            List<String> shownIds = unknown.subList(0, Math.min(SHOWN_IDS, unknown.size()));
            String shown = String.join(", ", shownIds) + (unknown.size() > SHOWN_IDS ? ", ..." : "");
            String accountsTable = table(ACCOUNTS_TABLE).getFileName().toString();
            warnings.accept((unknown.size() == 1
                    ? "1 account id in " + table(REVENUE_TABLE).getFileName() + " is not in " + accountsTable
                            + " (" + shown + "); scored under its id"
                    : unknown.size() + " account ids in " + table(REVENUE_TABLE).getFileName() + " are not in "
                            + accountsTable + " (" + shown + "); scored under their id")
                    + lookalikes(portfolio, shownIds, accountsTable) + totalsLines(unknown));
        }
        return portfolio;
    }

    /**
     * "; Total looks like the label of a totals line: ..." when an unknown id does: the line's sum, scored as an account,
     * counts the revenue twice in the totals and every share.
     */
    private static String totalsLines(List<String> unknownIds) {
        List<String> labels = unknownIds.stream().filter(DataFormatException::isTotalsLabel).limit(SHOWN_IDS).toList();
        return labels.isEmpty() ? "" : "; " + String.join(", ", labels) + (labels.size() == 1 ? " looks" : " look")
                + " like the label of a totals line: delete such lines, or their revenue is counted twice in the totals and shares";
    }

    /**
     * "; accounts.csv has C01 for c01" when an unknown id differs from one of the account table only in case or leading
     * zeros (a revenue export that writes ids its own way, a spreadsheet that dropped the zeros): a likely typo,
     * said, not guessed. Looked for only when there are unknown ids.
     */
    private static String lookalikes(Portfolio portfolio, List<String> unknownIds, String accountsTable) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String id : unknownIds) {
            wanted.put(lookalikeKey(id), id);
        }
        Map<String, String> tableIdOf = new HashMap<>();
        AccountRows rows = portfolio.rows();
        for (int i = 0; i < rows.size() && tableIdOf.size() < wanted.size(); i++) {
            rows.moveTo(i);
            if (rows.inAccountTable()) {
                String unknownId = wanted.get(lookalikeKey(rows.id()));
                if (unknownId != null) {
                    tableIdOf.putIfAbsent(unknownId, rows.id());
                }
            }
        }
        List<String> found = unknownIds.stream().filter(tableIdOf::containsKey).map(id -> tableIdOf.get(id) + " for " + id).toList();
        return found.isEmpty() ? "" : "; " + accountsTable + " has " + String.join(", ", found)
                + " (ids differing only in case or leading zeros are not the same account)";
    }

    /** An id in lower case without leading zeros: what two spellings of one id have in common. */
    private static String lookalikeKey(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        int zeros = 0;
        while (zeros < key.length() - 1 && key.charAt(zeros) == '0') {
            zeros++;
        }
        return key.substring(zeros);
    }

    /** How many unknown account ids a warning names. */
    private static final int SHOWN_IDS = 5;

    /** The judgements of the account table, each read by the model's factors of the same input. */
    private static final List<String> JUDGEMENTS = List.of(STRATEGIC_VALUE, GROWTH_POTENTIAL, ENGAGEMENT, SATISFACTION);

    /**
     * Streams the rows of the account table; an optional column that is absent leaves its judgement blank.
     * An account id that {@code alreadyRead} knows is refused with both its lines; a judgement outside its
     * factor's fixed scale is refused, or clamped with a warning when the model says so.
     */
    public void readProfiles(ScoringModel model, Consumer<String> warnings, Predicate<String> alreadyRead,
                             Consumer<AccountProfile> profiles) throws IOException, DataFormatException {
        // Segments, judgements and start dates repeat across accounts: one object each, not one per row
        Map<Object, Object> shared = new HashMap<>();
        try (Typed table = open(ACCOUNTS_TABLE, ColumnMapping.ACCOUNT_ID)) {
            String missingColumns = missingColumns(table, model);
            Map<String, BigDecimal> judgements = new HashMap<>();
            Map<String, BigDecimal[]> scales = new HashMap<>();
            for (String field : JUDGEMENTS) {
                scales.put(field, model.fixedScale(FactorInput.fromKey(field).orElseThrow()));
            }
            List<String> clamped = new ArrayList<>();
            while (table.reader.next()) {
                String id = table.required(ColumnMapping.ACCOUNT_ID);
                if (alreadyRead.test(id)) {
                    throw duplicate(table, id);
                }
                String name = table.optional(ColumnMapping.NAME);
                clamped.clear();
                for (String field : JUDGEMENTS) {
                    judgements.put(field, judgement(table, field, scales.get(field), model.outOfRange(), shared, clamped));
                }
                if (!clamped.isEmpty()) {
                    warnings.accept(table.reader.source() + ", " + table.reader.rowWord() + " " + table.reader.rowNumber()
                            + ", account '" + id + "': " + String.join(", ", clamped));
                }
                profiles.accept(new AccountProfile(id, name == null ? id : name, table.shared(SEGMENT, shared),
                        judgements.get(STRATEGIC_VALUE), judgements.get(GROWTH_POTENTIAL),
                        judgements.get(ENGAGEMENT), judgements.get(SATISFACTION),
                        table.shared(RELATIONSHIP_START, shared)));
            }
            if (missingColumns != null) {
                warnings.accept(missingColumns); // once the table is read: a refused one gets its refusal alone
            }
        }
    }

    /**
     * The account table read by {@link CsvScanner} in parts on all processors into a builder, as {@link #readProfiles}
     * reads it into one; null when {@link #readProfiles} must read it: a table that is not a CSV file the scanner reads,
     * a row it leaves to the reader (a blank id among them), a judgement outside its factor's fixed scale (refused, or
     * clamped with a warning) or an id read twice (refused naming both lines): readProfiles words these. The file is
     * cut into parts of about {@code partBytes} bytes (0: split evenly among the processors).
     */
    Portfolio.Builder scanProfiles(RevenueLedger ledger, ScoringModel model, long partBytes, Consumer<String> warnings)
            throws IOException, DataFormatException {
        Portfolio.Builder accounts = Portfolio.builder(ledger);
        List<ScannedAccounts> parts;
        String missingColumns;
        try (Typed table = open(ACCOUNTS_TABLE, ColumnMapping.ACCOUNT_ID)) {
            CsvScanner scanner = table.reader instanceof CsvTableReader csv ? csv.scanner() : null;
            if (scanner == null) {
                return null;
            }
            missingColumns = missingColumns(table, model);
            int id = table.indexes.get(ColumnMapping.ACCOUNT_ID);
            int name = table.indexes.getOrDefault(ColumnMapping.NAME, -1);
            int segment = table.indexes.getOrDefault(SEGMENT, -1);
            int start = table.indexes.getOrDefault(RELATIONSHIP_START, -1);
            int[] judgementColumns = new int[JUDGEMENTS.size()];
            BigDecimal[][] scales = new BigDecimal[JUDGEMENTS.size()][];
            for (int i = 0; i < JUDGEMENTS.size(); i++) {
                judgementColumns[i] = table.indexes.getOrDefault(JUDGEMENTS.get(i), -1);
                scales[i] = model.fixedScale(FactorInput.fromKey(JUDGEMENTS.get(i)).orElseThrow());
            }
            Supplier<ScannedAccounts> newPart = () -> new ScannedAccounts(accounts.newRows(), scales);
            parts = scanner.withPartBytes(partBytes).scan(newPart, (part, row) -> {
                if (row.isBlank(id)) {
                    return false; // the reader names the line and column
                }
                BigDecimal[] judgements = part.judgements;
                for (int i = 0; i < judgements.length; i++) {
                    int column = judgementColumns[i];
                    if (column < 0 || row.isBlank(column)) {
                        judgements[i] = null;
                    } else if ((judgements[i] = part.judgement(i, row.value(column), row.scale(column))) == null) {
                        return false; // outside its scale: refused or clamped by the reader, naming the line
                    }
                }
                String nameText = name < 0 || row.isBlank(name) ? null : row.text(name);
                String segmentText = segment < 0 || row.isBlank(segment) ? null : part.segment(row, segment);
                LocalDate startDate = start < 0 || row.isBlank(start) ? null : part.date(row.value(start));
                if (row.isAscii(id)) {
                    part.rows.add(row.bytes(), row.start(id), row.end(id), nameText, segmentText,
                            judgements[0], judgements[1], judgements[2], judgements[3], startDate);
                } else {
                    part.rows.add(row.text(id), nameText, segmentText,
                            judgements[0], judgements[1], judgements[2], judgements[3], startDate);
                }
                return true;
            });
        }
        if (parts == null) {
            return null;
        }
        ScannedAccounts[] scanned = parts.toArray(new ScannedAccounts[0]);
        parts = null;
        for (int i = 0; i < scanned.length; i++) {
            AccountTableRows rows = scanned[i].rows;
            scanned[i] = null; // a part added is garbage: at a million accounts the parts would sit beside the builder
            if (!accounts.addAll(rows)) {
                return null;
            }
        }
        if (missingColumns != null) {
            warnings.accept(missingColumns); // said here only when the scan stands: else readProfiles says it
        }
        return accounts;
    }

    /**
     * The warning for the inputs the model scores that the account table has no column for (a misspelt header, a
     * column left out of an export): every account then lacks them and the model's rule for a missing value applies to
     * all, which would otherwise go unsaid; the columns read as no field are named, a misspelling likely among them.
     * Null when every such input has its column.
     */
    private String missingColumns(Typed table, ScoringModel model) {
        List<String> missing = new ArrayList<>();
        for (var factor : model.factors()) {
            FactorInput input = factor.input();
            String field = input == FactorInput.RELATIONSHIP_YEARS ? RELATIONSHIP_START
                    : JUDGEMENTS.contains(input.key()) ? input.key() : null;
            if (field != null && !table.indexes.containsKey(field) && !missing.contains(field)) {
                missing.add(field);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        List<String> unread = new ArrayList<>();
        List<Column> columns = table.reader.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!table.indexes.containsValue(i)) {
                unread.add(columns.get(i).name());
            }
        }
        return table.reader.source() + ": " + String.join("; ", missing.stream().map(mapping::absence).toList())
                + ": every account lacks " + (missing.size() == 1 ? "it" : "them") + ", and the model scores "
                + (missing.size() == 1 ? "it" : "them") + " as missing for all"
                + (unread.isEmpty() ? "" : "; columns not read: " + String.join(", ", unread));
    }

    /** One part of the account table as the scanner reads it, with the judgements it has seen. */
    private static final class ScannedAccounts {

        /** Judgements 0 to 15 without decimals, by judgement: one object each (judgements repeat: 1 to 5). */
        private static final int SMALL = 16;
        /** Start dates from 1970 to 2149 are kept by epoch day: one object each. */
        private static final int DAYS = 1 << 16;
        /** Up to this many segments are kept by their bytes: one String each. */
        private static final int SEGMENTS = 16;

        final AccountTableRows rows;
        final BigDecimal[] judgements = new BigDecimal[JUDGEMENTS.size()];
        private final BigDecimal[][] scales;
        private final BigDecimal[][] small;

        private LocalDate[] dates;
        private final byte[][] segmentBytes = new byte[SEGMENTS][];
        private final String[] segments = new String[SEGMENTS];
        private int segmentCount;

        ScannedAccounts(AccountTableRows rows, BigDecimal[][] scales) {
            this.rows = rows;
            this.scales = scales;
            this.small = new BigDecimal[scales.length][SMALL];
        }

        /** The date of an epoch day, the same object as the same day before (when from 1970 to 2149). */
        LocalDate date(long epochDay) {
            if (epochDay < 0 || epochDay >= DAYS) {
                return LocalDate.ofEpochDay(epochDay);
            }
            if (dates == null) {
                dates = new LocalDate[DAYS];
            }
            LocalDate date = dates[(int) epochDay];
            return date != null ? date : (dates[(int) epochDay] = LocalDate.ofEpochDay(epochDay));
        }

        /** A non-blank segment cell's text, the same String as the same ASCII text before (for the first few segments). */
        String segment(CsvScanner.Row row, int column) {
            if (!row.isAscii(column)) {
                return row.text(column);
            }
            byte[] bytes = row.bytes();
            int from = row.start(column);
            int to = row.end(column);
            for (int i = 0; i < segmentCount; i++) {
                if (Arrays.equals(segmentBytes[i], 0, segmentBytes[i].length, bytes, from, to)) {
                    return segments[i];
                }
            }
            String text = row.text(column);
            if (segmentCount < SEGMENTS) {
                segmentBytes[segmentCount] = Arrays.copyOfRange(bytes, from, to);
                segments[segmentCount++] = text;
            }
            return text;
        }

        /**
         * Judgement {@code i}, {@code unscaled} x 10^-scale (one object for each of 0 to 15 without decimals); null
         * when outside the fixed scale of its factor (which {@link #judgement(Typed, String, BigDecimal[], OutOfRange,
         * Map, List)} refuses or clamps).
         */
        BigDecimal judgement(int i, long unscaled, int scale) {
            boolean isSmall = scale == 0 && unscaled >= 0 && unscaled < SMALL;
            BigDecimal known = isSmall ? small[i][(int) unscaled] : null;
            if (known != null) {
                return known;
            }
            BigDecimal value = BigDecimal.valueOf(unscaled, scale);
            BigDecimal[] range = scales[i];
            if (range != null && (value.compareTo(range[0]) < 0 || value.compareTo(range[1]) > 0)) {
                return null;
            }
            if (isSmall) {
                small[i][(int) unscaled] = value;
            }
            return value;
        }
    }

    /** A judgement checked against the model's fixed scale of its input: refused outside it, or clamped. */
    private static BigDecimal judgement(Typed table, String field, BigDecimal[] scale, OutOfRange outOfRange,
                                        Map<Object, Object> shared, List<String> clamped) throws DataFormatException {
        BigDecimal value = table.shared(field, shared);
        if (value == null || scale == null || value.compareTo(scale[0]) >= 0 && value.compareTo(scale[1]) <= 0) {
            return value;
        }
        String what = field.replace('_', ' ');
        String range = scale[0].toPlainString() + " to " + scale[1].toPlainString();
        if (outOfRange == OutOfRange.REFUSE) {
            TableReader reader = table.reader;
            String column = reader.columns().get(table.indexes.get(field)).name();
            throw new DataFormatException(reader.source() + ", " + reader.rowWord() + " " + reader.rowNumber() + ", column '"
                    + column + "': " + what + " " + value.toPlainString() + " is outside the model's scale " + range
                    + " (a model with \"outOfRange\": \"CLAMP\" clamps it instead)", reader.source(), reader.rowNumber(), column);
        }
        BigDecimal inScale = value.max(scale[0]).min(scale[1]);
        clamped.add(what + " " + value.toPlainString() + " clamped to " + inScale.toPlainString() + " (scale " + range + ")");
        return (BigDecimal) shared.computeIfAbsent(inScale, v -> v);
    }

    /** The refusal of an account id read twice, naming both lines: the table is read again to find the first. */
    private DataFormatException duplicate(Typed table, String id) throws IOException, DataFormatException {
        TableReader reader = table.reader;
        long second = reader.rowNumber();
        long first = 0;
        try (Typed again = open(ACCOUNTS_TABLE, ColumnMapping.ACCOUNT_ID)) {
            while (first == 0 && again.reader.next()) {
                first = id.equals(again.optional(ColumnMapping.ACCOUNT_ID)) ? again.reader.rowNumber() : 0;
            }
        }
        String column = reader.columns().get(table.indexes.get(ColumnMapping.ACCOUNT_ID)).name();
        return new DataFormatException(reader.source() + ", " + reader.rowWord() + "s " + first + " and " + second + ": "
                + column + " '" + id + "' appears twice", reader.source(), second, column);
    }

    /** Receives the revenue rows one by one. */
    @FunctionalInterface
    public interface RevenueRows {
        void add(LocalDate date, String accountId, BigDecimal amount);
    }

    /**
     * Revenue from {@code from} (null: from the first row) up to {@code asOf}, for what sums it by {@code grain} (a
     * calendar month, quarter or year) or coarser: from a file, its rows as they are (the caller ignores the others);
     * from a database, one row per account and period (the period's sum, dated its first day), summed by the database.
     */
    public void readRevenueByPeriod(LocalDate from, LocalDate asOf, PeriodLength grain, RevenueRows rows)
            throws IOException, DataFormatException {
        readRevenueByPeriod(pushdown(), from, asOf, grain, rows);
    }

    /** As the public one, with the revenue table's pushdown taken (null for a file): opening it queries the database. */
    private void readRevenueByPeriod(RevenuePushdown pushdown, LocalDate from, LocalDate asOf, PeriodLength grain,
                                     RevenueRows rows) throws IOException, DataFormatException {
        if (pushdown != null) {
            pushdown.periodTotals(from, asOf, grain, rows);
        } else {
            readRevenue(rows);
        }
    }

    /**
     * Monthly revenue of the key accounts and the rest: a CSV file read by the scanner on every core and summed in longs
     * ({@link KeyAccountRevenue.Part}); a database's table by month (pushdown), and anything else row by row.
     */
    public void readKeyAccountRevenue(KeyAccountRevenue revenue) throws IOException, DataFormatException {
        RevenuePushdown pushdown = pushdown();
        if (pushdown == null) {
            try (Typed table = openRevenue()) {
                List<KeyAccountRevenue.Part> parts = scanRevenueRows(table, revenue::newPart);
                if (parts != null && revenue.addAll(parts)) {
                    return;
                }
            }
        }
        readRevenueByPeriod(pushdown, revenue.firstDay(), revenue.lastDay(), PeriodLength.MONTH, revenue::add);
    }

    /** How many rows this folder has received from a database's revenue table (aggregates, when pushed down). */
    public long rowsFromDatabase() {
        return rowsFromDatabase.get();
    }

    /** The revenue table's pushdown when it lives in a database; null for a file. */
    private RevenuePushdown pushdown() throws IOException, DataFormatException {
        Path file = table(REVENUE_TABLE);
        if (!DataFiles.name(file).endsWith("." + JdbcSource.EXTENSION)) {
            return null;
        }
        return RevenuePushdown.open(JdbcSource.read(file), mapping, rowsFromDatabase);
    }

    /**
     * Streams the revenue table's rows; a blank date, account or amount is an error naming its line. A table in a
     * database sends every row: what sums them should use {@link #ledger}, {@link #concentration} or
     * {@link #readRevenueByPeriod}, which it sums itself.
     */
    public void readRevenue(RevenueRows rows) throws IOException, DataFormatException {
        RevenuePushdown pushdown = pushdown();
        if (pushdown != null) {
            pushdown.allRows(rows);
            return;
        }
        try (Typed table = openRevenue()) {
            readRevenue(table, rows);
        }
    }

    private Typed openRevenue() throws IOException, DataFormatException {
        return open(REVENUE_TABLE, ColumnMapping.DATE, ColumnMapping.ACCOUNT_ID, ColumnMapping.AMOUNT);
    }

    /** Streams the rows of the open revenue table, row by row through its reader. */
    private static void readRevenue(Typed table, RevenueRows rows) throws DataFormatException {
        int date = table.indexes.get(ColumnMapping.DATE);
        int account = table.indexes.get(ColumnMapping.ACCOUNT_ID);
        int amount = table.indexes.get(ColumnMapping.AMOUNT);
        TableReader reader = table.reader;
        while (reader.next()) {
            Object dateValue = reader.value(date);
            Object accountValue = reader.value(account);
            Object amountValue = reader.value(amount);
            if (dateValue == null || accountValue == null || amountValue == null) {
                String field = dateValue == null ? ColumnMapping.DATE
                        : accountValue == null ? ColumnMapping.ACCOUNT_ID : ColumnMapping.AMOUNT;
                throw table.blank(field);
            }
            rows.add((LocalDate) dateValue, (String) accountValue, (BigDecimal) amountValue);
        }
    }

    /** The table file of that name with a readable extension; a missing one names what was looked for. */
    Path table(String name) throws NoSuchFileException {
        for (String extension : EXTENSIONS) {
            Path file = folder.resolve(name + "." + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        Path inDatabase = folder.resolve(name + "." + JdbcSource.EXTENSION);
        if (name.equals(REVENUE_TABLE) && Files.isRegularFile(inDatabase)) {
            return inDatabase;
        }
        throw new NoSuchFileException(folder.resolve(name + ".csv").toAbsolutePath().toString(), null,
                "no " + name + " table (looked for " + name + ".csv, .tsv, .txt, .json, .xlsx"
                        + (name.equals(REVENUE_TABLE) ? ", ." + JdbcSource.EXTENSION : "") + ")");
    }

    /**
     * Opens a table with its fields' columns typed as kpikit reads them: a first look resolves the
     * mapping to the user's column names, which the real reader is then told the types of.
     */
    private Typed open(String name, String... requiredFields) throws IOException, DataFormatException {
        Path file = table(name);
        Map<String, ColumnType> declared = new HashMap<>();
        try (TableReader probe = Tables.open(file, Map.of(), reading)) {
            if (probe.columns().isEmpty()) {
                // A JSON array without objects names no fields: it is read as a CSV file with only its header is,
                // with the fields needed as empty columns, so that it is refused as having no rows where that matters
                for (String field : requiredFields) {
                    declared.put(mapping.columnName(field), FIELD_TYPES.getOrDefault(field, ColumnType.STRING));
                }
            } else {
                mapping.resolve(probe, requiredFields).forEach((field, index) -> {
                    ColumnType type = FIELD_TYPES.get(field);
                    if (type != null) {
                        declared.put(probe.columns().get(index).name(), type);
                    }
                });
            }
        }
        TableReader reader = Tables.open(file, declared, reading);
        try {
            return new Typed(reader, mapping.resolve(reader, requiredFields));
        } catch (DataFormatException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** An open table with the column index of each field found. */
    private record Typed(TableReader reader, Map<String, Integer> indexes) implements AutoCloseable {

        @SuppressWarnings("unchecked")
        <T> T optional(String field) {
            Integer index = indexes.get(field);
            return index == null ? null : (T) reader.value(index);
        }

        /** The field's value, the same object as an equal value read before. */
        @SuppressWarnings("unchecked")
        <T> T shared(String field, Map<Object, Object> seen) {
            T value = optional(field);
            return value == null ? null : (T) seen.computeIfAbsent(value, v -> v);
        }

        <T> T required(String field) throws DataFormatException {
            T value = optional(field);
            if (value == null) {
                throw blank(field);
            }
            return value;
        }

        DataFormatException blank(String field) {
            String column = reader.columns().get(indexes.get(field)).name();
            return new DataFormatException(reader.currentRow() + ", column '" + column + "': the " + field.replace('_', ' ')
                    + " is empty" + (onTotalsLine() ? DataFormatException.TOTALS_LINE : ""), reader.source(), reader.rowNumber(), column);
        }

        /** Whether a cell of the current row labels it a totals line (Total, with the sum beside it and no date). */
        private boolean onTotalsLine() {
            for (int i = 0; i < reader.columns().size(); i++) {
                if (reader.value(i) instanceof String text && DataFormatException.isTotalsLabel(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
