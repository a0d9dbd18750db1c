package dev.kpikit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A period's concentration is measured in one pass, keeping only the top N accounts; it must equal what ranking every
 * account gives ({@link RevenueShares}), with ties, credit notes above invoices, zeros and amounts of any scale.
 */
class ConcentrationSeriesPropertyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    /** A revenue row: the day (within the first half of 2026), the account, the amount. */
    private record Row(int day, String account, BigDecimal amount) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<BigDecimal> amounts = Combinators.combine(Arbitraries.longs().between(-5_000, 20_000),
                Arbitraries.integers().between(0, 3)).as(BigDecimal::valueOf);
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(0, 180),
                Arbitraries.strings().withChars("ABCDEFGH").ofMinLength(1).ofMaxLength(2), amounts).as(Row::new);
        return row.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void eachPeriodMeasuresAsRankingAllItsAccounts(@ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 6) int topN) {
        ConcentrationSeries series = new ConcentrationSeries(AS_OF, PeriodLength.MONTH, topN);
        Map<LocalDate, Map<String, BigDecimal>> byMonth = new HashMap<>();
        for (Row row : rows) {
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(row.day());
            series.add(date, row.account(), row.amount());
            if (!date.isAfter(AS_OF)) {
                byMonth.computeIfAbsent(date.withDayOfMonth(1), month -> new HashMap<>()).merge(row.account(), row.amount(),
                        BigDecimal::add);
            }
        }
        List<PeriodConcentration> periods = series.periods();
        assertEquals(byMonth.size(), periods.size());
        for (PeriodConcentration period : periods) {
            Map<String, BigDecimal> revenue = byMonth.get(period.start());
            RevenueShares ranked = new RevenueShares(revenue);
            assertEquals(ranked.total(), period.revenue(), "revenue");
            assertEquals(revenue.size(), period.accounts(), "accounts");
            assertEquals(ranked.hhi(), period.hhi(), "hhi");
            assertEquals(ranked.topShare(1), period.topOneShare(), "top 1");
            assertEquals(ranked.topShare(topN), period.topNShare(), "top " + topN);
        }
    }
}
