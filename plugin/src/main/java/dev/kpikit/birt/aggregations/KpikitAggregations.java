package dev.kpikit.birt.aggregations;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.api.aggregation.IAggregationFactory;
import org.eclipse.birt.data.engine.core.DataException;

import dev.kpikit.birt.BirtErrors;
import dev.kpikit.birt.Values;
import dev.kpikit.scoring.Concentration;

/** The aggregations kpikit adds to BIRT's aggregation builder (plugin.xml names this factory). */
public final class KpikitAggregations implements IAggregationFactory {

    private static final List<IAggrFunction> ALL = List.of(
            new Aggregation("KPI_HHI", "Herfindahl-Hirschman index",
                    "Revenue concentration of the group from 0 (spread) to 10,000 (one account holds everything).",
                    List.of(Aggregation.Parameter.field("Expression", "Value", "A non-negative amount per row, such as revenue")),
                    HhiAccumulator::new));

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
