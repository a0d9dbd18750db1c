package dev.kpikit.kpi;

import static dev.kpikit.kpi.Ratios.difference;
import static dev.kpikit.kpi.Ratios.divide;
import static dev.kpikit.kpi.Ratios.product;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The KPI formulas. All are null safe: a missing input, or a zero or missing denominator, gives
 * null, never Infinity, NaN or an exception. Rates and shares are fractions (0.25 = 25 %).
 * Negative inputs are computed as given (a credit note is negative revenue). Results carry
 * {@link Ratios#PRECISION} significant digits; rounding for display is the report's job.
 *
 * <p>Catalog formulas call these under upper snake case names ({@code conversionRate} is
 * {@code CONVERSION_RATE}) when {@link FormulaLanguage#FUNCTIONS} lists them; a new method here is
 * not a catalog function until it is added there.
 */
public final class Formulas {

    /** Digits of a {@code double} result that can be trusted; the rest is binary noise. */
    private static final MathContext DOUBLE_DIGITS = new MathContext(15);

    private Formulas() {
    }

    /** Period-over-period growth: (current - previous) / |previous|. Unit: fraction. */
    public static BigDecimal periodGrowth(BigDecimal current, BigDecimal previous) {
        return Ratios.growth(current, previous);
    }

    /** Month-over-month revenue growth: (this month - last month) / |last month|. Unit: fraction. */
    public static BigDecimal monthlyRevenueGrowth(BigDecimal thisMonthRevenue, BigDecimal lastMonthRevenue) {
        return Ratios.growth(thisMonthRevenue, lastMonthRevenue);
    }

    /**
     * Compound annual growth rate: (end / begin)^(1 / years) - 1. Unit: fraction per year.
     * Exact when {@code years} is 1; otherwise computed in double and rounded to 15 significant
     * digits. Null when begin &lt;= 0, end &lt; 0 or years &lt;= 0 (no real rate exists), or
     * when the rate overflows a double.
     */
    public static BigDecimal cagr(BigDecimal begin, BigDecimal end, BigDecimal years) {
        if (begin == null || end == null || years == null
                || begin.signum() <= 0 || end.signum() < 0 || years.signum() <= 0) {
            return null;
        }
        BigDecimal ratio = divide(end, begin);
        if (years.compareTo(BigDecimal.ONE) == 0) {
            return ratio.subtract(BigDecimal.ONE);
        }
        double root = Math.pow(ratio.doubleValue(), 1 / years.doubleValue());
        if (!Double.isFinite(root)) {
            return null; // beyond the range of double: no meaningful rate to report
        }
        return Ratios.tidy(new BigDecimal(root, DOUBLE_DIGITS).subtract(BigDecimal.ONE));
    }

    /**
     * Moving average: the mean of the last {@code window} values of the list. Unit: that of the
     * values. Null when the list has fewer than {@code window} values, when one of those is null
     * (a gap must not pass for a smaller window), or when {@code window} &lt;= 0.
     */
    public static BigDecimal movingAverage(List<BigDecimal> values, int window) {
        if (values == null || window <= 0 || values.size() < window) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values.subList(values.size() - window, values.size())) {
            if (value == null) {
                return null;
            }
            sum = sum.add(value);
        }
        return divide(sum, BigDecimal.valueOf(window));
    }

    /** Satisfaction rate: satisfied responses / all responses. Unit: fraction. */
    public static BigDecimal satisfactionRate(BigDecimal satisfied, BigDecimal responses) {
        return divide(satisfied, responses);
    }

    /**
     * Customer satisfaction score as a share of the best possible:
     * sum of scores / (responses * scale maximum). Unit: fraction (1 = every response at the maximum).
     */
    public static BigDecimal csat(BigDecimal sumOfScores, BigDecimal responses, BigDecimal scaleMax) {
        return divide(sumOfScores, product(responses, scaleMax));
    }

    /** Average rating: sum of ratings / number of ratings. Unit: points of the rating scale. */
    public static BigDecimal averageRating(BigDecimal sumOfRatings, BigDecimal count) {
        return divide(sumOfRatings, count);
    }

    /** Average completion time: total days of all projects / projects. Unit: days. */
    public static BigDecimal averageCompletionDays(BigDecimal totalDays, BigDecimal projects) {
        return divide(totalDays, projects);
    }

    /** On-time share: projects finished on time / projects finished. Unit: fraction. */
    public static BigDecimal onTimeShare(BigDecimal onTime, BigDecimal projects) {
        return divide(onTime, projects);
    }

    /** Revenue per consultant: revenue / consultants (head count or FTE). Unit: currency. */
    public static BigDecimal revenuePerConsultant(BigDecimal revenue, BigDecimal consultants) {
        return divide(revenue, consultants);
    }

    /** Conversion rate: conversions / visits. Unit: fraction. */
    public static BigDecimal conversionRate(BigDecimal conversions, BigDecimal visits) {
        return divide(conversions, visits);
    }

    /** Click-through rate: clicks / impressions. Unit: fraction. */
    public static BigDecimal clickThroughRate(BigDecimal clicks, BigDecimal impressions) {
        return divide(clicks, impressions);
    }

    /** Return on ad spend: revenue attributed to ads / ad spend. Unit: ratio (4 means 4 earned per 1 spent). */
    public static BigDecimal returnOnAdSpend(BigDecimal attributedRevenue, BigDecimal adSpend) {
        return divide(attributedRevenue, adSpend);
    }

    /** Cost per acquisition: ad spend / customers acquired. Unit: currency. */
    public static BigDecimal costPerAcquisition(BigDecimal adSpend, BigDecimal acquisitions) {
        return divide(adSpend, acquisitions);
    }

    /** Revenue per table: revenue / tables. Unit: currency. */
    public static BigDecimal revenuePerTable(BigDecimal revenue, BigDecimal tables) {
        return divide(revenue, tables);
    }

    /** Table turnover: seatings / tables, how often each table was used. Unit: seatings per table. */
    public static BigDecimal tableTurnoverRate(BigDecimal seatings, BigDecimal tables) {
        return divide(seatings, tables);
    }

    /** Table turnover per service: seatings / (tables * services). Unit: seatings per table and service. */
    public static BigDecimal tableTurnoverRatePerService(BigDecimal seatings, BigDecimal tables, BigDecimal services) {
        return divide(seatings, product(tables, services));
    }

    /**
     * Customer retention rate: (customers at end - new customers) / customers at start, the share
     * of the starting customers still there at the end. Unit: fraction.
     */
    public static BigDecimal retentionRate(BigDecimal customersAtEnd, BigDecimal newCustomers, BigDecimal customersAtStart) {
        return divide(difference(customersAtEnd, newCustomers), customersAtStart);
    }

    /**
     * Repeat customer rate: customers who bought more than once / all customers. Unit: fraction.
     * {@link RepeatCustomers} counts both from order rows.
     */
    public static BigDecimal repeatCustomerRate(BigDecimal repeatCustomers, BigDecimal customers) {
        return divide(repeatCustomers, customers);
    }

    /** Employee productivity: output / employees (or hours worked). Unit: output per employee (or hour). */
    public static BigDecimal employeeProductivity(BigDecimal output, BigDecimal employeesOrHours) {
        return divide(output, employeesOrHours);
    }

    /** Defect-free rate: units without defect / all units. Unit: fraction. */
    public static BigDecimal defectFreeRate(BigDecimal defectFree, BigDecimal total) {
        return divide(defectFree, total);
    }

    /** Average time per unit: total time / units. Unit: that of the time (hours, minutes...). */
    public static BigDecimal averageTimePerUnit(BigDecimal totalTime, BigDecimal units) {
        return divide(totalTime, units);
    }
}
