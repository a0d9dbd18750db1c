package dev.kpikit.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;

import org.eclipse.datatools.connectivity.oda.IConnection;
import org.eclipse.datatools.connectivity.oda.IQuery;
import org.eclipse.datatools.connectivity.oda.IResultSet;
import org.eclipse.datatools.connectivity.oda.IResultSetMetaData;
import org.eclipse.datatools.connectivity.oda.OdaException;

import dev.kpikit.bench.harness.HeapWatch;
import dev.kpikit.birt.oda.KpikitDriver;

/**
 * Rows per second and heap of the ODA "accounts" data set over a generated data folder
 * (default 1,000,000 accounts, 12,000,000 revenue rows), driven through the ODA interfaces as
 * BIRT drives it: execute, then every column of every row through the typed getters. Run
 * with the heap to test, e.g. {@code java -Xmx512m -cp bench/target/benchmarks.jar
 * dev.kpikit.bench.OdaDataSetBenchmark [folder] [accounts] [revenue rows] [columns]}, where columns, if given,
 * names the columns a report reads, comma-separated (e.g. {@code rank,account_id,name,revenue,score,tier}); all
 * otherwise. The data is generated once per folder and size.
 */
public final class OdaDataSetBenchmark {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    private static final int DAYS = 730;
    public static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    private OdaDataSetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/kpikit-bench");
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long rows = args.length > 2 ? Long.parseLong(args[2]) : 12_000_000L;
        List<String> onlyColumns = args.length > 3 ? List.of(args[3].split(",")) : List.of();
        generateIfMissing(folder, accounts, rows);

        HeapWatch heap = HeapWatch.start();
        long started = System.nanoTime();
        long read = 0;
        long firstRow = 0;
        long executedLive = 0;
        try {
            IConnection connection = open(folder);
            IResultSet result = execute(connection);
            firstRow = System.nanoTime();
            // what the result set holds once executed: the portfolio's columns (its pause is not timed)
            long gcStart = System.nanoTime();
            executedLive = HeapWatch.afterFullGc();
            started += System.nanoTime() - gcStart;
            firstRow += System.nanoTime() - gcStart;
            Read all = onlyColumns.isEmpty() ? readAll(result) : readColumns(result, onlyColumns);
            read = all.rows();
            report(started, firstRow, read, heap, "completed, " + all.nonBlankCells() + " non-blank cells"
                    + (onlyColumns.isEmpty() ? "" : " in columns " + onlyColumns));
            System.out.printf("  live after a full GC: %d MB once executed, %d MB after the last row (result set open)%n",
                    executedLive >> 20, HeapWatch.afterFullGc() >> 20);
            result.close();
            connection.close();
        } catch (OutOfMemoryError e) {
            report(started, firstRow, read, heap, "OutOfMemoryError (" + e.getMessage() + ")");
            System.exit(3);
        }
    }

    /** What reading a result set saw: its rows and non-blank cells (the latter so no read can be optimised away). */
    public record Read(long rows, long nonBlankCells) {
    }

    /** A connection of the kpikit driver to the data folder. */
    public static IConnection open(Path folder) throws OdaException {
        IConnection connection = new KpikitDriver().getConnection(KpikitDriver.DATA_SOURCE_ID);
        Properties properties = new Properties();
        properties.setProperty("dataFolder", folder.toString());
        connection.open(properties);
        return connection;
    }

    /** The scored accounts of the folder as of {@link #AS_OF} over a year, executed as BIRT executes a data set. */
    public static IResultSet execute(IConnection connection) throws OdaException {
        IQuery query = connection.newQuery("dev.kpikit.birt.oda.accounts");
        query.prepare("");
        query.setDate("asOf", Date.valueOf(AS_OF));
        query.setString("periodLength", "YEAR");
        return query.executeQuery();
    }

    /** Reads every column of every row through the typed getters, as BIRT does. */
    public static Read readAll(IResultSet result) throws OdaException {
        return readAll(result, () -> { });
    }

    /** Reads the named columns of every row, as BIRT does for a report that shows only those. */
    public static Read readColumns(IResultSet result, List<String> names) throws OdaException {
        IResultSetMetaData meta = result.getMetaData();
        int[] indexes = new int[names.size()];
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            int named = names.indexOf(meta.getColumnName(i));
            if (named >= 0) {
                indexes[named] = i;
            }
        }
        for (int named = 0; named < indexes.length; named++) {
            if (indexes[named] == 0) {
                throw new IllegalArgumentException("no column " + names.get(named) + " in the accounts data set");
            }
        }
        return read(result, meta, indexes, () -> { });
    }

    /** What a caller reads of each row besides, once its columns are read (a check of its values). */
    @FunctionalInterface
    public interface EachRow {
        void read() throws OdaException;
    }

    /** As {@link #readAll(IResultSet)}, calling {@code eachRow} on each row after reading its columns. */
    public static Read readAll(IResultSet result, EachRow eachRow) throws OdaException {
        IResultSetMetaData meta = result.getMetaData();
        int[] all = new int[meta.getColumnCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        return read(result, meta, all, eachRow);
    }

    /** Reads the columns at {@code indexes} (1-based) of every row through the typed getters, then {@code eachRow}. */
    private static Read read(IResultSet result, IResultSetMetaData meta, int[] indexes, EachRow eachRow)
            throws OdaException {
        int[] types = new int[meta.getColumnCount() + 1];
        for (int i = 1; i < types.length; i++) {
            types[i] = meta.getColumnType(i);
        }
        long checksum = 0;
        long rows = 0;
        while (result.next()) {
            rows++;
            for (int i : indexes) {
                Object value = switch (types[i]) {
                    case Types.INTEGER -> result.getInt(i);
                    case Types.DECIMAL -> result.getBigDecimal(i);
                    case Types.DATE -> result.getDate(i);
                    case Types.BOOLEAN -> result.getBoolean(i);
                    default -> result.getString(i);
                };
                checksum += value == null || result.wasNull() ? 0 : 1;
            }
            eachRow.read();
        }
        return new Read(rows, checksum);
    }

    private static void report(long started, long firstRow, long rows, HeapWatch heap, String outcome) {
        long end = System.nanoTime();
        double seconds = (end - started) / 1e9;
        System.out.printf("accounts data set: %s%n", outcome);
        System.out.printf("  max heap %d MB; at most %d MB in use after a collection (young ones leave old garbage:"
                + " the live data is the figure after a full GC below); %d GCs%n",
                Runtime.getRuntime().maxMemory() >> 20, heap.live() >> 20, heap.collections());
        System.out.printf("  execute (stream revenue, read accounts, score, rank) %.1f s%n",
                firstRow == 0 ? seconds : (firstRow - started) / 1e9);
        if (firstRow != 0) {
            System.out.printf("  rows %,d read in %.1f s after execute; %,.0f rows/s overall, %,.0f rows/s reading%n",
                    rows, (end - firstRow) / 1e9, rows / seconds, rows / ((end - firstRow) / 1e9));
        }
    }

    /** accounts.csv and revenue.csv of the given size, from a fixed seed; kept for the next run. */
    public static void generateIfMissing(Path folder, int accounts, long rows) throws IOException {
        Path marker = folder.resolve("generated-" + accounts + "-" + rows);
        if (Files.exists(marker)) {
            return;
        }
        long started = System.nanoTime();
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(12);
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
            out.write("account_id,name,segment,strategic_value,growth_potential,engagement,satisfaction,relationship_start\n");
            String[] segments = {"Enterprise", "Mid-market", "SMB", "Startup"};
            for (int i = 0; i < accounts; i++) {
                String satisfaction = random.nextInt(10) == 0 ? "" : Integer.toString(1 + random.nextInt(5));
                out.write(String.format("A%07d,Account %07d,%s,%d,%d,%d,%s,%s%n", i, i, segments[random.nextInt(4)],
                        1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), satisfaction,
                        FIRST_DAY.minusDays(random.nextInt(5000))));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("revenue.csv"), StandardCharsets.UTF_8)) {
            out.write("date,account_id,amount\n");
            StringBuilder line = new StringBuilder(48);
            for (long r = 0; r < rows; r++) {
                // a few accounts buy much more often and more: revenue is concentrated, as in life
                int account = random.nextInt(10) == 0 ? random.nextInt(Math.max(1, accounts / 100)) : random.nextInt(accounts);
                long cents = 1_000 + random.nextLong(account < accounts / 100 ? 2_000_000 : 200_000);
                line.setLength(0);
                line.append(FIRST_DAY.plusDays(random.nextInt(DAYS))).append(",A").append(String.format("%07d", account))
                        .append(',').append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100).append('\n');
                out.append(line);
            }
        }
        Files.writeString(marker, "");
        System.out.printf("generated %,d accounts and %,d revenue rows in %s in %.1f s%n", accounts, rows, folder,
                (System.nanoTime() - started) / 1e9);
    }
}
