package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import dev.kpikit.scoring.ConcentrationSeries;
import dev.kpikit.scoring.KeyAccountRevenue;
import dev.kpikit.scoring.PeriodConcentration;
import dev.kpikit.scoring.PeriodLength;

/**
 * A CSV file's revenue by period is summed by the scanner in longs (the concentration by account number and period,
 * the key accounts' and the others' by month); it must equal the rows summed one by one in BigDecimals, sums' scales
 * included: amounts of 0 to 8 decimals (the key accounts' leave more than 4 to the rows), credit notes, zeros, ids
 * beyond ASCII, rows before the first month and after the as-of date.
 */
class ScannedRevenueTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 20);

    private record Row(int day, String account, BigDecimal amount) {
        String csv() {
            return LocalDate.of(2025, 11, 1).plusDays(day) + "," + account + "," + amount.toPlainString() + "\n";
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<BigDecimal> amounts = Combinators.combine(Arbitraries.longs().between(-90_000, 400_000),
                Arbitraries.frequency(Tuple.of(30, 2), Tuple.of(5, 0), Tuple.of(3, 1), Tuple.of(2, 3), Tuple.of(2, 4),
                        Tuple.of(1, 5), Tuple.of(1, 6), Tuple.of(1, 8)))
                .as(BigDecimal::valueOf);
        Arbitrary<String> accounts = Arbitraries.of("A1", "A2", "B7", "C-3", "Zoë", "Ærø", "K9", "M10");
        return Combinators.combine(Arbitraries.integers().between(0, 240), accounts, amounts).as(Row::new)
                .list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 150)
    void concentrationScannedEqualsSummedRowByRow(@ForAll("rows") List<Row> rows,
                                                  @ForAll @IntRange(min = 1, max = 4) int topN) throws Exception {
        inFolder(rows, scoring -> {
            for (PeriodLength period : PeriodLength.values()) {
                ConcentrationSeries rowByRow = new ConcentrationSeries(AS_OF, period, topN);
                scoring.readRevenue(rowByRow::add);
                assertEquals(rowByRow.periods(), scoring.concentration(AS_OF, period, topN), period.toString());
            }
        });
    }

    /**
     * More sums than fit (here one to three a bucket, where a million accounts by month fill 2^25 at 32 months): the
     * scanner measures the periods a window of as many as fit at a time, the file read once a window, and they equal the
     * rows summed one by one (the scanned result itself: null, the row path, would fail).
     */
    @Property(tries = 150)
    void concentrationScannedInWindowsEqualsSummedRowByRow(@ForAll("rows") List<Row> rows,
                                                           @ForAll @IntRange(min = 1, max = 4) int topN,
                                                           @ForAll @IntRange(min = 1, max = 3) int sumsABucket) throws Exception {
        inFolder(rows, scoring -> {
            for (PeriodLength period : PeriodLength.values()) {
                ConcentrationSeries rowByRow = new ConcentrationSeries(AS_OF, period, topN);
                scoring.readRevenue(rowByRow::add);
                assertEquals(rowByRow.periods(), scoring.scannedConcentration(AS_OF, period, topN, 256L * sumsABucket),
                        period + ", " + sumsABucket + " sums a bucket");
            }
        });
    }

    @Property(tries = 150)
    void keyAccountRevenueScannedEqualsSummedRowByRow(@ForAll("rows") List<Row> rows,
                                                      @ForAll @IntRange(min = 1, max = 9) int months) throws Exception {
        inFolder(rows, scoring -> {
            Set<String> keyAccounts = Set.of("A2", "Zoë", "M10");
            KeyAccountRevenue rowByRow = new KeyAccountRevenue(keyAccounts, AS_OF, months);
            scoring.readRevenue(rowByRow::add);
            KeyAccountRevenue scanned = new KeyAccountRevenue(keyAccounts, AS_OF, months);
            scoring.readKeyAccountRevenue(scanned);
            assertEquals(rowByRow.months(), scanned.months());
        });
    }

    @FunctionalInterface
    private interface FolderCheck {
        void check(ScoringFolder scoring) throws Exception;
    }

    /** Runs the check on a data folder whose revenue.csv holds the rows. */
    private static void inFolder(List<Row> rows, FolderCheck check) throws Exception {
        Path folder = Files.createTempDirectory("kpikit-scanned-revenue");
        StringBuilder csv = new StringBuilder("date,account_id,amount\n");
        rows.forEach(row -> csv.append(row.csv()));
        try {
            Files.writeString(folder.resolve("revenue.csv"), csv, StandardCharsets.UTF_8);
            check.check(new ScoringFolder(folder));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " for\n" + csv, e);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }
}
