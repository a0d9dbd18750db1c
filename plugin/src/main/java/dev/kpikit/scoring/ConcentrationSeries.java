package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Revenue concentration period by period, from streamed revenue rows (date, account,
 * amount): every calendar month, quarter or year that has a row, up to the period that
 * contains the as-of date, which is cut at it like {@link RevenueLedger}'s current period.
 * Holds one total per account and period, never the rows.
 */
public final class ConcentrationSeries {

    private final LocalDate asOf;
    private final PeriodLength periodLength;
    private final int topN;
    private final Map<LocalDate, Map<String, BigDecimal>> revenueByPeriod = new TreeMap<>();

    public ConcentrationSeries(LocalDate asOf, PeriodLength periodLength, int topN) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.periodLength = Objects.requireNonNull(periodLength, "periodLength");
        if (topN < 1) {
            throw new IllegalArgumentException("top N must be at least 1, got " + topN);
        }
        this.topN = topN;
    }

    public ConcentrationSeries add(LocalDate date, String accountId, BigDecimal amount) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        if (!date.isAfter(asOf)) {
            revenueByPeriod.computeIfAbsent(periodLength.containing(date).start(), start -> new HashMap<>())
                    .merge(accountId, amount, BigDecimal::add);
        }
        return this;
    }

    /** One entry per period with revenue rows, oldest first. */
    public List<PeriodConcentration> periods() {
        List<PeriodConcentration> periods = new ArrayList<>(revenueByPeriod.size());
        revenueByPeriod.forEach((start, revenue) -> {
            LocalDate end = periodLength.containing(start).end();
            periods.add(measured(start, end.isAfter(asOf) ? asOf : end, revenue.values(), null, topN));
        });
        return List.copyOf(periods);
    }

    /**
     * A period's measures, as {@link RevenueShares} gives them, in one pass over its accounts' revenue: only the top N
     * are kept, never all of them ranked (a month of a large ledger has hundreds of thousands of accounts).
     *
     * @param totalScale the scale of the period's total revenue; null for the scale its sum has
     */
    static PeriodConcentration measured(LocalDate start, LocalDate end, Collection<BigDecimal> revenueByAccount,
                                        Integer totalScale, int topN) {
        BigDecimal total = BigDecimal.ZERO;
        Concentration concentration = new Concentration();
        TopNShare topOne = new TopNShare(1);
        TopNShare top = new TopNShare(topN);
        for (BigDecimal revenue : revenueByAccount) {
            total = total.add(revenue);
            concentration.add(revenue);
            topOne.add(revenue);
            top.add(revenue);
        }
        BigDecimal hhi = concentration.hhi();
        return new PeriodConcentration(start, end, totalScale == null ? total : total.setScale(totalScale),
                revenueByAccount.size(), hhi, ConcentrationBand.of(hhi), topOne.share(), topN, top.share());
    }
}
