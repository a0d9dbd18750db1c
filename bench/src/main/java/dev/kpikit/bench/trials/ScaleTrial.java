package dev.kpikit.bench.trials;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IResultSet;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;

/**
 * The key-account pipeline at a size: the scored accounts data set over N generated accounts with a year of monthly
 * revenue (12 rows each) executed and read to the last row through the ODA interfaces, as a report reads it: every
 * column, or ({@link DuckDbColumns}) the ten the DuckDB query returns, as a report showing those would. The cold
 * variants warm up on a small folder, as a JVM started for one report is; {@link DuckDbColumnsWarm} reads the run's
 * own folder once first, as the report server's long-lived JVM has read folders like it before (in a new JVM the
 * optimising compiler takes about half the CPU of a 300,000-account read).
 */
public class ScaleTrial implements Trial {

    static final int REVENUE_ROWS_PER_ACCOUNT = 12;

    /** The columns of the DuckDB scoring query's result, by the data set's names. */
    static final List<String> DUCKDB_COLUMNS = List.of("rank", "account_id", "name", "segment", "revenue", "revenue_share",
            "revenue_growth", "score", "tier", "abc_class");

    /** The data set read as a report that shows the DuckDB query's ten columns reads it. */
    public static final class DuckDbColumns extends ScaleTrial {
        public DuckDbColumns() {
            super(DUCKDB_COLUMNS);
        }
    }

    /** The ten columns, read once untimed at the run's size before the timed read (see {@link DuckDbTrials.ScaleWarm}). */
    public static final class DuckDbColumnsWarm extends ScaleTrial {
        public DuckDbColumnsWarm() {
            super(DUCKDB_COLUMNS, true);
        }
    }

    /** The columns read; empty for all. */
    private final List<String> columns;
    /** Warms up on the run's own folder instead of the small one. */
    private final boolean warmOnRunSize;
    private Path folder;

    public ScaleTrial() {
        this(List.of());
    }

    ScaleTrial(List<String> columns) {
        this(columns, false);
    }

    private ScaleTrial(List<String> columns, boolean warmOnRunSize) {
        this.columns = columns;
        this.warmOnRunSize = warmOnRunSize;
    }

    @Override
    public final void prepare(TrialContext context) throws Exception {
        folder = accounts(context);
    }

    /** The generated folder of the run's size (accounts and 12 revenue rows each), shared by the comparisons that score it. */
    static Path accounts(TrialContext context) throws Exception {
        Path folder = context.dataFolder("accounts");
        OdaDataSetBenchmark.generateIfMissing(folder, Math.toIntExact(context.size()), context.size() * REVENUE_ROWS_PER_ACCOUNT);
        return folder;
    }

    @Override
    public void warmUp(TrialContext context) throws Exception {
        read(warmOnRunSize ? folder : smallFolder(context), columns);
    }

    /** The folder of 5,000 accounts the cold variants warm up on. */
    static Path smallFolder(TrialContext context) throws Exception {
        Path small = context.data().resolve("accounts-warm-up");
        OdaDataSetBenchmark.generateIfMissing(small, 5_000, 5_000L * REVENUE_ROWS_PER_ACCOUNT);
        return small;
    }

    @Override
    public long run(TrialContext context) throws Exception {
        long rows = read(folder, columns);
        if (rows != context.size()) {
            throw new IllegalStateException("read " + rows + " accounts of " + context.size());
        }
        return rows;
    }

    private static long read(Path folder, List<String> columns) throws Exception {
        IConnection connection = OdaDataSetBenchmark.open(folder);
        try {
            IResultSet result = OdaDataSetBenchmark.execute(connection);
            long rows = (columns.isEmpty() ? OdaDataSetBenchmark.readAll(result)
                    : OdaDataSetBenchmark.readColumns(result, columns)).rows();
            result.close();
            return rows;
        } finally {
            connection.close();
        }
    }
}
