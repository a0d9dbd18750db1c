package dev.kpikit.birt.aggregations;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.api.aggregation.IAggregationFactory;
import org.eclipse.birt.data.engine.core.DataException;

import dev.kpikit.birt.BirtErrors;
import dev.kpikit.birt.Values;
import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.PeriodGrowth;
import dev.kpikit.kpi.RatioOfSums;
import dev.kpikit.kpi.WeightedAverage;
import dev.kpikit.scoring.Concentration;

/** The aggregations kpikit adds to BIRT's aggregation builder (plugin.xml names this factory). */
public final class KpikitAggregations implements IAggregationFactory {

    private static final List<IAggrFunction> ALL = List.of(
            new Aggregation("KPI_HHI", "Herfindahl-Hirschman index",
                    "Revenue concentration of the group from 0 (spread) to 10,000 (one account holds everything).",
                    List.of(Aggregation.Parameter.field("Expression", "Value", "A non-negative amount per row, such as revenue")),
                    HhiAccumulator::new),
            new Aggregation("KPI_RATIO_OF_SUMS", "Ratio of sums",
                    "Sum of the numerators / sum of the denominators of the group, such as all conversions / all visits:"
                            + " not the average of the rows' ratios. Rows missing either part are skipped; blank when the denominators sum to zero.",
                    List.of(Aggregation.Parameter.field("numerator", "Numerator", "The numerator of each row, such as conversions"),
                            Aggregation.Parameter.field("denominator", "Denominator", "The denominator of each row, such as visits")),
                    () -> new RowAccumulator<>("KPI_RATIO_OF_SUMS", arguments -> new RatioOfSums(),
                            (ratio, arguments) -> ratio.add(Values.decimal(arguments[0]), Values.decimal(arguments[1])),
                            RatioOfSums::value)),
            new Aggregation("KPI_WEIGHTED_AVERAGE", "Weighted average",
                    "sum(value x weight) / sum(weight) over the group. Rows missing the value or the weight are skipped.",
                    List.of(Aggregation.Parameter.field("value", "Value", "The value of each row, such as a rate"),
                            Aggregation.Parameter.field("weight", "Weight", "The weight of each row, such as its visits")),
                    () -> new RowAccumulator<>("KPI_WEIGHTED_AVERAGE", arguments -> new WeightedAverage(),
                            (average, arguments) -> average.add(Values.decimal(arguments[0]), Values.decimal(arguments[1])),
                            WeightedAverage::value)),
            new Aggregation("KPI_PERIOD_GROWTH", "Period-over-period growth",
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
        return name == null ? null : BY_NAME.get(name.toUpperCase(java.util.Locale.ROOT));
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

    private static final class HhiAccumulator extends Accumulator {
        private Concentration concentration;

        @Override
        public void start() {
            concentration = new Concentration();
        }

        @Override
        public void onRow(Object[] args) throws DataException {
            try {
                concentration.add(Values.decimal(args[0]));
            } catch (IllegalArgumentException e) {
                throw BirtErrors.data("KPI_HHI: " + e.getMessage(), e);
            }
        }

        @Override
        public Object getValue() {
            return concentration.hhi();
        }
    }
}
