package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
            RevenueShares shares = new RevenueShares(revenue);
            BigDecimal hhi = shares.hhi();
            periods.add(new PeriodConcentration(start, end.isAfter(asOf) ? asOf : end, shares.total(), revenue.size(),
                    hhi, ConcentrationBand.of(hhi), shares.topShare(1), topN, shares.topShare(topN)));
        });
        return List.copyOf(periods);
    }
}
