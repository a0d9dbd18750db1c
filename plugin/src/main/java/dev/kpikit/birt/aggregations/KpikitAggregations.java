package dev.kpikit.birt.aggregations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.birt.core.data.DataType;
import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.api.aggregation.IAggregationFactory;
import org.eclipse.birt.data.engine.core.DataException;

import dev.kpikit.birt.BirtErrors;
import dev.kpikit.birt.Values;
import dev.kpikit.kpi.ExactSum;
import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.PeriodGrowth;
import dev.kpikit.kpi.RatioOfSums;
import dev.kpikit.kpi.WeightedAverage;
import dev.kpikit.scoring.AbcClass;
import dev.kpikit.scoring.Concentration;
import dev.kpikit.scoring.ParetoClassifier;
import dev.kpikit.scoring.ParetoValues;
import dev.kpikit.scoring.TopNShare;

/** The aggregations kpikit adds to BIRT's aggregation builder (plugin.xml names this factory). */
public final class KpikitAggregations implements IAggregationFactory {

    private static final Aggregation.Parameter AMOUNT =
            Aggregation.Parameter.field("Expression", "Value", "A non-negative amount per row, such as revenue");
    private static final int DEFAULT_TOP_N = 5;

    private static final List<IAggrFunction> ALL = List.of(
            Aggregation.summary("KPI_HHI", "Herfindahl-Hirschman index",
                    "Revenue concentration of the group from 0 (spread) to 10,000 (one account holds everything).",
                    List.of(AMOUNT), () -> new HhiAccumulator("KPI_HHI")),
            Aggregation.summary("KA_HHI", "Key accounts: revenue concentration (HHI)",
                    "Herfindahl-Hirschman index of the group's revenue per account, 0 to 10,000: under 1,000"
                            + " unconcentrated, above 1,800 highly concentrated. One row per account.",
                    List.of(AMOUNT), () -> new HhiAccumulator("KA_HHI")),
            Aggregation.summary("KA_TOP_N_SHARE", "Key accounts: share of the N largest",
                    "Share (0 to 1) of the group's total that its N largest values hold, such as the revenue"
                            + " share of the five biggest accounts. One row per account.",
                    List.of(AMOUNT, Aggregation.Parameter.option("N", "N", "How many of the largest values (default 5)")),
                    TopNShareAccumulator::new),
            new Aggregation("KA_PARETO_CLASS", "Key accounts: Pareto (ABC) class",
                    "ABC class of each row by the share of the group's total held by larger values: A while"
                            + " that share is below 80%, B below 95%, C after. Rows need no sorting. One row per account.",
                    Aggregation.Kind.RUNNING, DataType.STRING_TYPE, 2,
                    List.of(AMOUNT, Aggregation.Parameter.option("ALimit", "A limit", "Share that A classes fill (default 0.8)"),
                            Aggregation.Parameter.option("BLimit", "B limit", "Share that A and B fill (default 0.95)")),
                    ParetoClassAccumulator::new),
            Aggregation.summary("KPI_SUM", "Exact sum",
                    "Sum of the group's amounts to the last digit, such as a revenue total: BIRT's SUM adds doubles, which"
                            + " drift once a total has more than 15 significant digits. Rows without a value are skipped; 0 when none has one (no rows).",
                    List.of(Aggregation.Parameter.field("Expression", "Value", "An amount per row, such as revenue")),
                    () -> new RowAccumulator<>("KPI_SUM", arguments -> new ExactSum(),
                            (sum, arguments) -> sum.add(Values.decimal(arguments[0])), ExactSum::value)),
            Aggregation.summary("KPI_RATIO_OF_SUMS", "Ratio of sums",
                    "Sum of the numerators / sum of the denominators of the group, such as all conversions / all visits:"
                            + " not the average of the rows' ratios. Rows missing either part are skipped; blank when the denominators sum to zero.",
                    List.of(Aggregation.Parameter.field("numerator", "Numerator", "The numerator of each row, such as conversions"),
                            Aggregation.Parameter.field("denominator", "Denominator", "The denominator of each row, such as visits")),
                    () -> new RowAccumulator<>("KPI_RATIO_OF_SUMS", arguments -> new RatioOfSums(),
                            (ratio, arguments) -> ratio.add(Values.decimal(arguments[0]), Values.decimal(arguments[1])),
                            RatioOfSums::value)),
            Aggregation.summary("KPI_WEIGHTED_AVERAGE", "Weighted average",
                    "sum(value x weight) / sum(weight) over the group. Rows missing the value or the weight are skipped.",
                    List.of(Aggregation.Parameter.field("value", "Value", "The value of each row, such as a rate"),
                            Aggregation.Parameter.field("weight", "Weight", "The weight of each row, such as its visits")),
                    () -> new RowAccumulator<>("KPI_WEIGHTED_AVERAGE", arguments -> new WeightedAverage(),
                            (average, arguments) -> average.add(Values.decimal(arguments[0]), Values.decimal(arguments[1])),
                            WeightedAverage::value)),
            Aggregation.summary("KPI_PERIOD_GROWTH", "Period-over-period growth",
                    "Growth within the group as a fraction: with a grain (MONTH, QUARTER, YEAR), the last period with data over the"
                            + " calendar period before it (blank across a gap); without, the last date over the first. Rows may come in any order.",
                    List.of(Aggregation.Parameter.dateField("date", "Date", "The date of each row"),
                            Aggregation.Parameter.field("value", "Value", "The amount of each row, summed per date or period"),
                            Aggregation.Parameter.option("grain", "Grain", "MONTH, QUARTER or YEAR; leave empty to compare the last date with the first")),
                    () -> new RowAccumulator<>("KPI_PERIOD_GROWTH", KpikitAggregations::periodGrowth,
                            (growth, arguments) -> growth.add(date(arguments[0]), Values.decimal(arguments[1])),
                            PeriodGrowth::value)));

    private static final Map<String, IAggrFunction> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(IAggrFunction::getName, Function.identity()));

    @Override
    public List<IAggrFunction> getAggregations() {
        return ALL;
    }

    @Override
    public IAggrFunction getAggregation(String name) {
        return name == null ? null : BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    private static PeriodGrowth periodGrowth(Object[] arguments) {
        Object grain = RowAccumulator.argument(arguments, 2);
        if (grain == null || grain.toString().isBlank()) {
            return PeriodGrowth.firstToLast();
        }
        try {
            return PeriodGrowth.lastTwoPeriods(Grain.valueOf(grain.toString().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grain '" + grain + "' is not one of MONTH, QUARTER, YEAR (or empty)", e);
        }
    }

    private static LocalDate date(Object value) {
        // BIRT's date-time values are instants at local midnight, as the data engine made them
        return (LocalDate) Values.convert(value, LocalDate.class, ZoneId.systemDefault());
    }

    /** An argument as a decimal; a mistake names the aggregation. */
    private static BigDecimal decimal(String aggregation, Object[] args, int index) throws DataException {
        try {
            return args.length > index ? Values.decimal(args[index]) : null;
        } catch (IllegalArgumentException e) {
            throw BirtErrors.data(aggregation + ": " + e.getMessage(), e);
        }
    }

    private static final class HhiAccumulator extends Accumulator {
        private final String name;
        private Concentration concentration;

        HhiAccumulator(String name) {
            this.name = name;
        }

        @Override
        public void start() {
            concentration = new Concentration();
        }

        @Override
        public void onRow(Object[] args) throws DataException {
            BigDecimal value = decimal(name, args, 0);
            try {
                concentration.add(value);
            } catch (IllegalArgumentException e) {
                throw BirtErrors.data(name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Object getValue() {
            return concentration.hhi();
        }
    }

    private static final class TopNShareAccumulator extends Accumulator {
        private static final String NAME = "KA_TOP_N_SHARE";
        private TopNShare top;

        @Override
        public void start() {
            top = null;
        }

        @Override
        public void onRow(Object[] args) throws DataException {
            try {
                if (top == null) {
                    BigDecimal n = decimal(NAME, args, 1);
                    top = new TopNShare(n == null ? DEFAULT_TOP_N : n.intValueExact());
                }
                top.add(decimal(NAME, args, 0));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw BirtErrors.data(NAME + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Object getValue() {
            return top == null ? null : top.share();
        }
    }

    /** Pass 1 sees every value of the group; pass 2 gives each row its class. */
    private static final class ParetoClassAccumulator extends Accumulator {
        private static final String NAME = "KA_PARETO_CLASS";
        private int pass;
        private List<BigDecimal> values;
        private ParetoClassifier classifier;
        private ParetoValues population;
        private AbcClass current;

        @Override
        public void start() {
            pass++;
            if (pass == 1) {
                values = new ArrayList<>();
            }
        }

        @Override
        public void onRow(Object[] args) throws DataException {
            BigDecimal value = decimal(NAME, args, 0);
            try {
                if (pass == 1) {
                    if (classifier == null) {
                        BigDecimal a = decimal(NAME, args, 1);
                        BigDecimal b = decimal(NAME, args, 2);
                        classifier = a == null && b == null ? ParetoClassifier.DEFAULT : new ParetoClassifier(
                                a == null ? ParetoClassifier.DEFAULT.aUpTo() : a, b == null ? ParetoClassifier.DEFAULT.bUpTo() : b);
                    }
                    values.add(value);
                } else {
                    if (population == null) {
                        population = new ParetoValues(classifier, values);
                        values = null;
                    }
                    current = population.classOf(value);
                }
            } catch (IllegalArgumentException e) {
                throw BirtErrors.data(NAME + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Object getValue() {
            return current == null ? null : current.name();
        }
    }
}
