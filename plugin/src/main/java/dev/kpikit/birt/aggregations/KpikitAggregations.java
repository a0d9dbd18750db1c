package dev.kpikit.birt.aggregations;

import java.math.BigDecimal;
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
                    ParetoClassAccumulator::new));

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
