package dev.kpikit.birt.functions;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;

import org.eclipse.birt.core.format.DateFormatter;

import com.ibm.icu.util.ULocale;

import dev.kpikit.kpi.Formulas;
import dev.kpikit.kpi.Indicators;
import dev.kpikit.kpi.Ratios;

/**
 * The {@code KPI} category: the KPI formulas of {@link Formulas} and the status and trend of
 * {@link Indicators} for report expressions. Each method only delegates; rates are fractions
 * (format them as percentages) and a zero or missing denominator gives a blank.
 */
@FunctionCategory(name = "KPI", description = "Key performance indicators: safe ratios, growth, status and trend.")
public final class KpiFunctions {

    private KpiFunctions() {
    }

    @ScriptFunction("A date or time as text in the report's language, in a style of BIRT's (Short Date, Medium Date, Long Date,"
            + " Short Time, ...) or a pattern such as yyyy-MM. Gives what Formatter.format gives, but is safe when reports run at the"
            + " same time (BIRT's Formatter shares the last report's language between them).")
    public static String formatDate(@Arg("date") Date date, @Arg("style") String style, Locale locale) {
        // BIRT's own formatter, built per call for the report's locale: the same text as Formatter.format
        return date == null ? null : new DateFormatter(style, ULocale.forLocale(locale)).format(date);
    }

    @ScriptFunction("Divides numerator by denominator. Blank when the denominator is zero or missing.")
    public static BigDecimal divide(@Arg("numerator") BigDecimal numerator, @Arg("denominator") BigDecimal denominator) {
        return Ratios.divide(numerator, denominator);
    }

    @ScriptFunction("Period-over-period growth as a fraction, (current - previous) / |previous|. Blank when previous is zero or missing.")
    public static BigDecimal growth(@Arg("current") BigDecimal current, @Arg("previous") BigDecimal previous) {
        return Ratios.growth(current, previous);
    }

    @ScriptFunction("Compound annual growth rate as a fraction per year, (end / begin)^(1 / years) - 1. Blank when begin <= 0, end < 0 or years <= 0.")
    public static BigDecimal cagr(@Arg("begin") BigDecimal begin, @Arg("end") BigDecimal end, @Arg("years") BigDecimal years) {
        return Formulas.cagr(begin, end, years);
    }

    @ScriptFunction("Mean of the last window values of a series (a JavaScript array, oldest first). Blank when the series is shorter than the window or one of those values is missing.")
    public static BigDecimal movingAverage(@Arg("values") BigDecimal[] values, @Arg("window") Integer window) {
        // Arrays.asList, not List.of: a gap in the series is a null that must reach the formula
        return values == null || window == null ? null : Formulas.movingAverage(Arrays.asList(values), window);
    }

    @ScriptFunction("Conversion rate as a fraction: conversions / visits (or clicks).")
    public static BigDecimal conversionRate(@Arg("conversions") BigDecimal conversions, @Arg("visits") BigDecimal visits) {
        return Formulas.conversionRate(conversions, visits);
    }

    @ScriptFunction("Click-through rate as a fraction: clicks / impressions.")
    public static BigDecimal clickThroughRate(@Arg("clicks") BigDecimal clicks, @Arg("impressions") BigDecimal impressions) {
        return Formulas.clickThroughRate(clicks, impressions);
    }

    @ScriptFunction("Return on ad spend: attributed revenue / ad spend (4 means 4 earned per 1 spent).")
    public static BigDecimal returnOnAdSpend(@Arg("attributedRevenue") BigDecimal attributedRevenue, @Arg("adSpend") BigDecimal adSpend) {
        return Formulas.returnOnAdSpend(attributedRevenue, adSpend);
    }

    @ScriptFunction("Cost per acquisition in currency: ad spend / customers acquired (or conversions).")
    public static BigDecimal costPerAcquisition(@Arg("adSpend") BigDecimal adSpend, @Arg("acquisitions") BigDecimal acquisitions) {
        return Formulas.costPerAcquisition(adSpend, acquisitions);
    }

    @ScriptFunction("Satisfaction rate as a fraction: satisfied responses / all responses.")
    public static BigDecimal satisfactionRate(@Arg("satisfied") BigDecimal satisfied, @Arg("responses") BigDecimal responses) {
        return Formulas.satisfactionRate(satisfied, responses);
    }

    @ScriptFunction("Customer satisfaction score as a fraction of the best possible: sum of scores / (responses x scale maximum).")
    public static BigDecimal csat(@Arg("sumOfScores") BigDecimal sumOfScores, @Arg("responses") BigDecimal responses,
            @Arg("scaleMax") BigDecimal scaleMax) {
        return Formulas.csat(sumOfScores, responses, scaleMax);
    }

    @ScriptFunction("Average rating in points of the rating scale: sum of ratings / number of ratings.")
    public static BigDecimal averageRating(@Arg("sumOfRatings") BigDecimal sumOfRatings, @Arg("count") BigDecimal count) {
        return Formulas.averageRating(sumOfRatings, count);
    }

    @ScriptFunction("Revenue per consultant in currency: revenue / consultants (head count or FTE).")
    public static BigDecimal revenuePerConsultant(@Arg("revenue") BigDecimal revenue, @Arg("consultants") BigDecimal consultants) {
        return Formulas.revenuePerConsultant(revenue, consultants);
    }

    @ScriptFunction("Average completion time in days: total days of all projects / projects.")
    public static BigDecimal averageCompletionDays(@Arg("totalDays") BigDecimal totalDays, @Arg("projects") BigDecimal projects) {
        return Formulas.averageCompletionDays(totalDays, projects);
    }

    @ScriptFunction("On-time share as a fraction: projects finished on time / projects finished.")
    public static BigDecimal onTimeShare(@Arg("onTime") BigDecimal onTime, @Arg("projects") BigDecimal projects) {
        return Formulas.onTimeShare(onTime, projects);
    }

    @ScriptFunction("Revenue per table in currency: revenue / tables.")
    public static BigDecimal revenuePerTable(@Arg("revenue") BigDecimal revenue, @Arg("tables") BigDecimal tables) {
        return Formulas.revenuePerTable(revenue, tables);
    }

    @ScriptFunction("Table turnover: seatings / tables, how often each table was used.")
    public static BigDecimal tableTurnoverRate(@Arg("seatings") BigDecimal seatings, @Arg("tables") BigDecimal tables) {
        return Formulas.tableTurnoverRate(seatings, tables);
    }

    @ScriptFunction("Table turnover per service: seatings / (tables x services).")
    public static BigDecimal tableTurnoverRatePerService(@Arg("seatings") BigDecimal seatings, @Arg("tables") BigDecimal tables,
            @Arg("services") BigDecimal services) {
        return Formulas.tableTurnoverRatePerService(seatings, tables, services);
    }

    @ScriptFunction("Customer retention rate as a fraction: (customers at end - new customers) / customers at start.")
    public static BigDecimal retentionRate(@Arg("customersAtEnd") BigDecimal customersAtEnd, @Arg("newCustomers") BigDecimal newCustomers,
            @Arg("customersAtStart") BigDecimal customersAtStart) {
        return Formulas.retentionRate(customersAtEnd, newCustomers, customersAtStart);
    }

    @ScriptFunction("Repeat customer rate as a fraction: customers who bought more than once / all customers.")
    public static BigDecimal repeatCustomerRate(@Arg("repeatCustomers") BigDecimal repeatCustomers, @Arg("customers") BigDecimal customers) {
        return Formulas.repeatCustomerRate(repeatCustomers, customers);
    }

    @ScriptFunction("Employee productivity: output / employees (or hours worked).")
    public static BigDecimal employeeProductivity(@Arg("output") BigDecimal output, @Arg("employeesOrHours") BigDecimal employeesOrHours) {
        return Formulas.employeeProductivity(output, employeesOrHours);
    }

    @ScriptFunction("Defect-free rate as a fraction: units without defect / all units.")
    public static BigDecimal defectFreeRate(@Arg("defectFree") BigDecimal defectFree, @Arg("total") BigDecimal total) {
        return Formulas.defectFreeRate(defectFree, total);
    }

    @ScriptFunction("Average time per unit, in the unit of the time: total time / units.")
    public static BigDecimal averageTimePerUnit(@Arg("totalTime") BigDecimal totalTime, @Arg("units") BigDecimal units) {
        return Formulas.averageTimePerUnit(totalTime, units);
    }

    @ScriptFunction("Status label GREEN, AMBER or RED of a value against its target; NO_VALUE with a target but no value, NONE without a target. direction: \"higher\" (default) or \"lower\" is better; tolerance: the amber band as a fraction of the target (0.1 = within 10 %), none by default.")
    public static String status(@Arg("value") BigDecimal value, @Arg("target") BigDecimal target,
            @Arg(value = "direction", optional = true) String direction, @Arg(value = "tolerance", optional = true) BigDecimal tolerance) {
        return Indicators.status(value, target, direction, tolerance);
    }

    @ScriptFunction("Status score 1 (green), 0 (amber) or -1 (red); blank without value or target. Arguments as for KPI.status.")
    public static BigDecimal statusScore(@Arg("value") BigDecimal value, @Arg("target") BigDecimal target,
            @Arg(value = "direction", optional = true) String direction, @Arg(value = "tolerance", optional = true) BigDecimal tolerance) {
        return Indicators.statusScore(value, target, direction, tolerance);
    }

    @ScriptFunction("Trend from previous to current: 1 rising, -1 falling, 0 when the relative change is within deadBand (a fraction, 0 by default). Blank without both values.")
    public static Integer trend(@Arg("current") BigDecimal current, @Arg("previous") BigDecimal previous,
            @Arg(value = "deadBand", optional = true) BigDecimal deadBand) {
        return Indicators.trend(current, previous, deadBand);
    }

    /** The class BIRT instantiates for this category (plugin.xml names it). */
    public static final class Factory extends CategoryFunctionFactory {
        public Factory() {
            super(KpiFunctions.class);
        }
    }
}
