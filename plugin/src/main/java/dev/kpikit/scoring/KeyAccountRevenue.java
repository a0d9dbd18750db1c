package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Monthly revenue of the key accounts apart from the rest, the picture that shows how much
 * of the business a few customers carry. Which accounts are key is decided once, as of the
 * report's date, and applied to every month, so a month's bar splits the same customers
 * throughout. Months without revenue show as zero, not as a gap in the axis.
 */
public final class KeyAccountRevenue {

    /** One month: the key accounts' revenue and everybody else's. */
    public record Month(YearMonth month, BigDecimal keyAccounts, BigDecimal others) {
    }

    private final Set<String> keyAccountIds;
    private final LocalDate asOf;
    private final YearMonth first;
    private final BigDecimal[][] sums; // [month index][0 = key accounts, 1 = others]

    /**
     * @param keyAccountIds the accounts that count as key
     * @param asOf          the last day counted; its month is the last month
     * @param months        how many months, counting back from the as-of month
     */
    public KeyAccountRevenue(Set<String> keyAccountIds, LocalDate asOf, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1, found " + months);
        }
        this.keyAccountIds = Set.copyOf(keyAccountIds);
        this.asOf = asOf;
        this.first = YearMonth.from(asOf).minusMonths(months - 1L);
        this.sums = new BigDecimal[months][2];
        for (BigDecimal[] month : sums) {
            month[0] = BigDecimal.ZERO;
            month[1] = BigDecimal.ZERO;
        }
    }

    /** The first day counted: the first of the first month. */
    public LocalDate firstDay() {
        return first.atDay(1);
    }

    /** Counts a revenue row; rows outside the months or after the as-of date are ignored. */
    public KeyAccountRevenue add(LocalDate date, String accountId, BigDecimal amount) {
        YearMonth month = YearMonth.from(date);
        if (date.isAfter(asOf) || month.isBefore(first)) {
            return this;
        }
        int index = (int) first.until(month, ChronoUnit.MONTHS);
        int group = keyAccountIds.contains(accountId) ? 0 : 1;
        sums[index][group] = sums[index][group].add(amount);
        return this;
    }

    /** Every month of the range, oldest first. */
    public List<Month> months() {
        List<Month> months = new ArrayList<>(sums.length);
        for (int i = 0; i < sums.length; i++) {
            months.add(new Month(first.plusMonths(i), sums[i][0], sums[i][1]));
        }
        return months;
    }
}
