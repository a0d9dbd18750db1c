package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Sums revenue rows read on several threads into one {@link RevenueLedger}, a bucket of accounts at a time. Each thread
 * buffers its rows ({@link #newRows()}); a full buffer is summed bucket by bucket (the buckets a hash of the account id
 * cuts the accounts into) into that bucket's own ledger, small enough to stay in the processor's cache: summing each row
 * into one ledger of a million accounts misses the cache at each of its columns, most of the time of a revenue pass.
 * {@link #ledger()} then joins the buckets' ledgers into one, numbering the accounts in the order of the first row each
 * has in the file (by the rows' positions), as a ledger fed the rows one by one numbers them. Sums are exact whatever the
 * order rows are added in, so the ledger is the same as that one, to the last decimal and scale.
 */
public final class RevenueBuckets {

    private static final int BUCKET_BITS = 8;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    /** Bytes a buffered row takes, its bucket-ordered copy included: seven cells, the id's bytes, the bucket. */
    private static final int BYTES_A_ROW = 96;
    /**
     * Rows a thread buffers before summing them: the more rows a bucket gets per flush, the fewer cache misses on its
     * ledger (2^20 rather than 2^18: 1.3 s less CPU at 12 M rows; 2^21 no better), as long as all threads' buffers
     * together take at most an eighth of the heap.
     */
    private static final int BUFFERED_ROWS = bufferedRows(Runtime.getRuntime().maxMemory(),
            Runtime.getRuntime().availableProcessors());
    /** Bits of an account's number in the keys sorted by first position: 16.7 M accounts, files up to 512 GB. */
    private static final int ACCOUNT_BITS = 24;

    /** Sums by period kept beside the buckets' ledgers at most, accounts times periods: 256 MB (a million accounts over 32). */
    public static final long MAX_PERIOD_SUMS = 1L << 25;

    private final LocalDate asOf;
    private final PeriodLength periodLength;
    /** The periods of {@link #concentration}; null when not asked for. */
    private final PeriodLength concentrationGrain;
    private final Bucket[] buckets = new Bucket[BUCKETS];

    /** The accounts of one bucket: their ledger, and the position of each one's first row (taken under its lock). */
    private static final class Bucket {

        final RevenueLedger ledger;
        /** The revenue by period of the ledger's accounts, numbered as it numbers them; null when not asked for. */
        final PeriodSums periods;
        long[] firstPosition = new long[16];

        Bucket(RevenueLedger ledger, PeriodSums periods) {
            this.ledger = ledger;
            this.periods = periods;
        }

        void first(int account, long position) {
            if (account < 0) {
                return; // after the as-of date
            }
            if (account >= firstPosition.length) {
                int length = Math.max(account + 1, firstPosition.length + (firstPosition.length >> 1));
                int old = firstPosition.length;
                firstPosition = Arrays.copyOf(firstPosition, length);
                Arrays.fill(firstPosition, old, length, Long.MAX_VALUE);
            }
            firstPosition[account] = Math.min(firstPosition[account], position);
        }
    }

    public RevenueBuckets(LocalDate asOf, PeriodLength periodLength) {
        this(asOf, periodLength, null);
    }

    /**
     * Also sums the revenue by period of {@code concentrationGrain} beside each bucket's ledger, for
     * {@link #concentration}: in the same pass, a bucket at a time, as the ledger is summed.
     */
    public RevenueBuckets(LocalDate asOf, PeriodLength periodLength, PeriodLength concentrationGrain) {
        this(asOf, periodLength, concentrationGrain, MAX_PERIOD_SUMS, null, null);
    }

    /**
     * As {@link #RevenueBuckets(LocalDate, PeriodLength, PeriodLength)}, keeping at most {@code maxPeriodSums} sums and
     * summing by period only the rows from {@code from} (inclusive) to {@code until} (exclusive), each null for no bound:
     * a concentration of more periods than fit is measured a window of periods at a time.
     */
    public RevenueBuckets(LocalDate asOf, PeriodLength periodLength, PeriodLength concentrationGrain, long maxPeriodSums,
                          LocalDate from, LocalDate until) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.periodLength = Objects.requireNonNull(periodLength, "periodLength");
        this.concentrationGrain = concentrationGrain;
        int fromDay = from == null ? Integer.MIN_VALUE : Math.toIntExact(from.toEpochDay());
        int untilDay = until == null ? Integer.MAX_VALUE : Math.toIntExact(until.toEpochDay());
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new Bucket(new RevenueLedger(asOf, periodLength), concentrationGrain == null ? null
                    : new PeriodSums(concentrationGrain, Math.max(1, maxPeriodSums / BUCKETS), fromDay, untilDay));
            Arrays.fill(buckets[i].firstPosition, Long.MAX_VALUE);
        }
    }

    /**
     * After {@link #concentration} gave null: how many periods a window may have for the sums to fit, when the rows were
     * given up only for being more sums than allowed; 0 when fewer periods would not help (too many decimals, a sum
     * beyond a long, or more accounts in a bucket than sums allowed).
     */
    public int periodsThatFit(long maxPeriodSums) {
        int accounts = 0;
        for (Bucket bucket : buckets) {
            PeriodSums periods = bucket.periods;
            if (!periods.summed() && !periods.tooManySums()) {
                return 0;
            }
            accounts = Math.max(accounts, bucket.ledger.size());
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxPeriodSums / BUCKETS) / Math.max(1, accounts));
    }

    /** The latest day of a row before the first day of the concentration's window; null when none came. */
    public LocalDate latestBeforeWindow() {
        int latest = Integer.MIN_VALUE;
        for (Bucket bucket : buckets) {
            latest = Math.max(latest, bucket.periods.latestBefore());
        }
        return latest == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(latest);
    }

    /**
     * Revenue concentration by period, as {@link ConcentrationSeries} gives it from the same rows; null when the rows
     * could not all be summed in longs (see {@link PeriodSums}: then sum them one by one). Call once every thread has
     * flushed its rows, on buckets made with a concentration grain.
     */
    public List<PeriodConcentration> concentration(int topN) {
        if (concentrationGrain == null) {
            throw new IllegalStateException("made without a concentration grain");
        }
        TreeSet<LocalDate> starts = new TreeSet<>();
        for (Bucket bucket : buckets) {
            if (!bucket.periods.summed()) {
                return null;
            }
            starts.addAll(bucket.periods.starts());
        }
        List<PeriodConcentration> measured = new ArrayList<>(starts.size());
        for (LocalDate start : starts) {
            List<BigDecimal> revenueByAccount = new ArrayList<>();
            int scale = 0;
            for (Bucket bucket : buckets) {
                bucket.periods.addTo(start, revenueByAccount);
                scale = Math.max(scale, bucket.periods.scale(start));
            }
            LocalDate end = concentrationGrain.containing(start).end();
            measured.add(ConcentrationSeries.measured(start, end.isAfter(asOf) ? asOf : end, revenueByAccount, scale, topN));
        }
        return List.copyOf(measured);
    }

    /** Rows each of {@code threads} threads buffers, their buffers together an eighth of {@code maxHeap}, 2^14 to 2^20. */
    static int bufferedRows(long maxHeap, int threads) {
        return Math.clamp(maxHeap / 8 / BYTES_A_ROW / Math.max(1, threads), 1 << 14, 1 << 20);
    }

    /** A buffer of rows for one thread; {@link Rows#flush()} it when the thread is done. */
    public Rows newRows() {
        return new Rows();
    }

    /**
     * Sums the rows still buffered in each of {@code rows} (what every scan thread had left when the file ended), the
     * buffers on every core at once: one after another, the last flushes took a core alone.
     */
    public static void flushAll(List<Rows> rows) {
        ParallelRanges.run(rows.size(), 1, () -> (from, to) -> {
            for (int i = from; i < to; i++) {
                rows.get(i).flush();
            }
        });
    }

    /**
     * The ledger of every row added and flushed: accounts numbered in the order of their first row's position. Call
     * once every thread has flushed its rows.
     */
    public RevenueLedger ledger() {
        int[] bucketStarts = new int[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) {
            bucketStarts[b + 1] = bucketStarts[b] + buckets[b].ledger.size();
        }
        int total = bucketStarts[BUCKETS];
        // each account's first position and its number among all buckets' accounts, in one long: one sort of longs
        long[] keys = new long[total];
        long greatest = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int account = 0; account < buckets[b].ledger.size(); account++) {
                long position = buckets[b].firstPosition[account];
                greatest = Math.max(greatest, position);
                keys[bucketStarts[b] + account] = position << ACCOUNT_BITS | (bucketStarts[b] + account);
            }
        }
        if (total >= 1 << ACCOUNT_BITS || greatest >= 1L << (63 - ACCOUNT_BITS)) {
            throw new IllegalStateException("more than " + (1 << ACCOUNT_BITS) + " accounts or a file over "
                    + (1L << (63 - ACCOUNT_BITS)) + " bytes: " + total + " accounts, a row at byte " + greatest);
        }
        Arrays.sort(keys);
        // each account's number in the ledger: its place among the first positions, by its number among all buckets'
        int[] numbers = new int[total];
        for (int number = 0; number < total; number++) {
            numbers[(int) (keys[number] & ((1L << ACCOUNT_BITS) - 1))] = number;
        }
        RevenueLedger[] parts = new RevenueLedger[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            parts[b] = buckets[b].ledger;
        }
        return RevenueLedger.joined(asOf, periodLength, parts, numbers);
    }

    /**
     * The cells of buffered rows, by row: a thread's rows as they came, and the same moved into bucket order. An id is
     * its ASCII bytes, from the previous row's end in {@link #idEnds} (or its bucket's start, in bucket order) to its
     * own, or its text in {@link #idTexts} when it is not plain ASCII bytes in its file.
     */
    private static final class RowCells {

        long[] positions;
        int[] days;
        long[] amounts;
        int[] scales;
        int[] idEnds;
        String[] idTexts;
        byte[] idBytes;

        RowCells(int rows, int idBytes) {
            positions = new long[rows];
            days = new int[rows];
            amounts = new long[rows];
            scales = new int[rows];
            idEnds = new int[rows];
            idTexts = new String[rows];
            this.idBytes = new byte[idBytes];
        }

        int capacity() {
            return positions.length;
        }

        void grow(int rows) {
            positions = Arrays.copyOf(positions, rows);
            days = Arrays.copyOf(days, rows);
            amounts = Arrays.copyOf(amounts, rows);
            scales = Arrays.copyOf(scales, rows);
            idEnds = Arrays.copyOf(idEnds, rows);
            idTexts = Arrays.copyOf(idTexts, rows);
        }

        /** Copies row {@code from} of {@code cells}, its id {@code idFrom} to {@code idTo} there, to row {@code to} here. */
        void set(int to, RowCells cells, int from, int idFrom, int idTo, int idAt) {
            positions[to] = cells.positions[from];
            days[to] = cells.days[from];
            amounts[to] = cells.amounts[from];
            scales[to] = cells.scales[from];
            idTexts[to] = cells.idTexts[from];
            System.arraycopy(cells.idBytes, idFrom, idBytes, idAt, idTo - idFrom);
            idEnds[to] = idAt + idTo - idFrom;
        }
    }

    /** One thread's rows, buffered until summed by bucket. */
    public final class Rows implements ScannedRevenueRows {

        // grown up to BUFFERED_ROWS as rows come, so that a small file takes small buffers
        private final RowCells cells = new RowCells(1024, 1024 * 12);
        private int[] bucketOf = new int[1024];
        private int idLength;
        private int size;
        /** The buffered rows in bucket order while they are summed; as large as the buffers. */
        private RowCells inBuckets;

        private Rows() {
        }

        @Override
        public void add(long position, int epochDay, byte[] id, int from, int to, long unscaledAmount, int amountScale) {
            int length = to - from;
            if (idLength + length > cells.idBytes.length) {
                cells.idBytes = Arrays.copyOf(cells.idBytes, Math.max(cells.idBytes.length * 2, idLength + length));
            }
            System.arraycopy(id, from, cells.idBytes, idLength, length);
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + id[i]; // String.hashCode of ASCII text: the same bucket as the id added as text
            }
            idLength += length;
            cells.idTexts[size] = null;
            buffer(position, epochDay, hash, unscaledAmount, amountScale);
        }

        @Override
        public void add(long position, int epochDay, String id, long unscaledAmount, int amountScale) {
            cells.idTexts[size] = id;
            buffer(position, epochDay, id.hashCode(), unscaledAmount, amountScale);
        }

        private void buffer(long position, int epochDay, int hash, long unscaledAmount, int amountScale) {
            cells.positions[size] = position;
            cells.days[size] = epochDay;
            cells.amounts[size] = unscaledAmount;
            cells.scales[size] = amountScale;
            cells.idEnds[size] = idLength;
            int scattered = hash * 0x9E3779B9;
            bucketOf[size] = scattered >>> (32 - BUCKET_BITS);
            if (++size == cells.capacity()) {
                if (size < BUFFERED_ROWS) {
                    int length = Math.min(BUFFERED_ROWS, size * 2);
                    cells.grow(length);
                    bucketOf = Arrays.copyOf(bucketOf, length);
                } else {
                    flush();
                }
            }
        }

        /** Sums the buffered rows, bucket by bucket, each under its bucket's lock (other threads sum other buckets meanwhile). */
        public void flush() {
            int[] starts = new int[BUCKETS + 1];
            int[] idStarts = new int[BUCKETS + 1];
            for (int i = 0; i < size; i++) {
                starts[bucketOf[i] + 1]++;
                idStarts[bucketOf[i] + 1] += cells.idEnds[i] - (i == 0 ? 0 : cells.idEnds[i - 1]);
            }
            for (int b = 0; b < BUCKETS; b++) {
                starts[b + 1] += starts[b];
                idStarts[b + 1] += idStarts[b];
            }
            // the rows moved into bucket order, each bucket's in the order they came: a bucket's rows are then read one
            // after another, where reading them in place took a cache miss per row and column all over the buffer
            if (inBuckets == null || inBuckets.capacity() < size || inBuckets.idBytes.length < idLength) {
                inBuckets = new RowCells(cells.capacity(), cells.idBytes.length);
            }
            RowCells sorted = inBuckets;
            int[] next = Arrays.copyOf(starts, BUCKETS);
            int[] nextId = Arrays.copyOf(idStarts, BUCKETS);
            for (int i = 0; i < size; i++) {
                int b = bucketOf[i];
                int to = next[b]++;
                sorted.set(to, cells, i, i == 0 ? 0 : cells.idEnds[i - 1], cells.idEnds[i], nextId[b]);
                nextId[b] = sorted.idEnds[to];
            }
            // threads start at different buckets, so that they seldom wait for one another's
            int first = (int) (Thread.currentThread().threadId() * 61 % BUCKETS);
            for (int k = 0; k < BUCKETS; k++) {
                int b = (first + k) % BUCKETS;
                if (starts[b] == starts[b + 1]) {
                    continue;
                }
                Bucket bucket = buckets[b];
                synchronized (bucket) {
                    int idFrom = idStarts[b];
                    for (int row = starts[b]; row < starts[b + 1]; row++) {
                        int account = sorted.idTexts[row] != null
                                ? bucket.ledger.addNumbered(sorted.days[row], sorted.idTexts[row], sorted.amounts[row],
                                        sorted.scales[row])
                                : bucket.ledger.addNumbered(sorted.days[row], sorted.idBytes, idFrom, sorted.idEnds[row],
                                        sorted.amounts[row], sorted.scales[row]);
                        bucket.first(account, sorted.positions[row]);
                        if (bucket.periods != null && account >= 0) {
                            bucket.periods.add(sorted.days[row], account, sorted.amounts[row], sorted.scales[row]);
                        }
                        idFrom = sorted.idEnds[row];
                    }
                }
            }
            Arrays.fill(sorted.idTexts, 0, size, null);
            Arrays.fill(cells.idTexts, 0, size, null);
            size = 0;
            idLength = 0;
        }
    }
}
