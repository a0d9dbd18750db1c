package dev.kpikit.bench.trials;

import java.nio.file.Path;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IResultSet;

import dev.kpikit.bench.OdaDataSetBenchmark;
import dev.kpikit.bench.harness.Trial;
import dev.kpikit.bench.harness.TrialContext;

/**
 * The key-account pipeline at a size: the scored accounts data set over N generated accounts with a year of monthly
 * revenue (12 rows each) executed and read to the last row through the ODA interfaces, as a report reads it.
 */
public final class ScaleTrial implements Trial {

    static final int REVENUE_ROWS_PER_ACCOUNT = 12;

    private Path folder;

    @Override
    public void prepare(TrialContext context) throws Exception {
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
        Path small = context.data().resolve("accounts-warm-up");
        OdaDataSetBenchmark.generateIfMissing(small, 5_000, 5_000L * REVENUE_ROWS_PER_ACCOUNT);
        read(small);
    }

    @Override
    public long run(TrialContext context) throws Exception {
        long rows = read(folder);
        if (rows != context.size()) {
            throw new IllegalStateException("read " + rows + " accounts of " + context.size());
        }
        return rows;
    }

    private static long read(Path folder) throws Exception {
        IConnection connection = OdaDataSetBenchmark.open(folder);
        try {
            IResultSet result = OdaDataSetBenchmark.execute(connection);
            long rows = OdaDataSetBenchmark.readAll(result).rows();
            result.close();
            return rows;
        } finally {
            connection.close();
        }
    }
}
