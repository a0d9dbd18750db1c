package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    /** The last day counted: the as-of date. */
    public LocalDate lastDay() {
        return asOf;
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

    /** A reading thread's sums, for rows read on several threads at once: see {@link Part}. */
    public Part newPart() {
        return new Part();
    }

    /**
     * Adds up the parts' sums, once every part is done; false, with nothing added, when a part met an amount it could
     * not sum exactly in longs (then add the rows one by one).
     */
    public boolean addAll(List<Part> parts) {
        if (parts.stream().anyMatch(part -> !part.exact)) {
            return false;
        }
        BigDecimal[][] added = new BigDecimal[sums.length][2];
        for (int month = 0; month < sums.length; month++) {
            for (int group = 0; group < 2; group++) {
                long units = 0;
                int scale = 0;
                for (Part part : parts) {
                    try {
                        units = Math.addExact(units, part.units[month][group]);
                    } catch (ArithmeticException e) {
                        return false;
                    }
                    scale = Math.max(scale, part.scales[month][group]);
                }
                // at the amounts' most decimals, the scale BigDecimal addition gives their sum
                added[month][group] = BigDecimal.valueOf(units, Part.SCALE).setScale(scale);
            }
        }
        for (int month = 0; month < sums.length; month++) {
            for (int group = 0; group < 2; group++) {
                sums[month][group] = sums[month][group].add(added[month][group]);
            }
        }
        return true;
    }

    /**
     * The sums of the rows one thread reads (their positions do not matter), in longs of 10^-{@value #SCALE} units
     * with the most decimals seen, as {@link #add} would sum them; an amount with more decimals or a sum beyond a long
     * make it inexact.
     */
    public final class Part implements ScannedRevenueRows {

        /** Decimals of the sums' units: a month's total of a ledger's rows. */
        static final int SCALE = 4;

        private final long[][] units = new long[sums.length][2];
        private final int[][] scales = new int[sums.length][2];
        private final long firstDay = first.atDay(1).toEpochDay();
        private final long lastDay = asOf.toEpochDay();
        private boolean exact = true;

        @Override
        public void add(long position, int epochDay, byte[] id, int from, int to, long unscaled, int scale) {
            if (epochDay >= firstDay && epochDay <= lastDay) {
                add(position, epochDay, new String(id, from, to - from, StandardCharsets.ISO_8859_1), unscaled, scale);
            }
        }

        /** Counts a row as {@link KeyAccountRevenue#add} does. */
        @Override
        public void add(long position, int epochDay, String accountId, long unscaled, int scale) {
            if (epochDay < firstDay || epochDay > lastDay) {
                return;
            }
            if (scale < 0 || scale > SCALE) {
                exact = false;
                return;
            }
            int month = (int) first.until(YearMonth.from(LocalDate.ofEpochDay(epochDay)), ChronoUnit.MONTHS);
            int group = keyAccountIds.contains(accountId) ? 0 : 1;
            try {
                units[month][group] = Math.addExact(units[month][group], PeriodSums.units(unscaled, scale, SCALE));
            } catch (ArithmeticException e) {
                exact = false;
                return;
            }
            scales[month][group] = Math.max(scales[month][group], scale);
        }
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
