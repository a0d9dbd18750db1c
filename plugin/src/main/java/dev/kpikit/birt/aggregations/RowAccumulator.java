package dev.kpikit.birt.aggregations;

import java.util.function.Function;

import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.core.DataException;

import dev.kpikit.birt.BirtErrors;

/**
 * A BIRT accumulator over one of the domain's single-pass accumulators ({@code RatioOfSums},
 * {@code PeriodGrowth}...): a fresh one per group, each row's arguments handed over as BIRT
 * passes them, the domain's value at the end. A group without rows has the value of a fresh domain accumulator
 * made without arguments: the domain says what no rows mean (a sum 0, a ratio or a growth none).
 *
 * @param <T> the domain accumulator
 */
final class RowAccumulator<T> extends Accumulator {

    /** Adds one row's arguments (in the order of the aggregation's parameters) to the domain accumulator. */
    @FunctionalInterface
    interface RowAdder<T> {
        void add(T accumulator, Object[] arguments);
    }

    private final String aggregation;
    private final Function<Object[], T> create;
    private final RowAdder<T> adder;
    private final Function<T, Object> value;
    private T current;

    /**
     * @param aggregation its name, for error messages
     * @param create      makes the domain accumulator from the group's first row (options such as a grain are arguments);
     *                    for a group without rows it is given no arguments
     */
    RowAccumulator(String aggregation, Function<Object[], T> create, RowAdder<T> adder, Function<T, Object> value) {
        this.aggregation = aggregation;
        this.create = create;
        this.adder = adder;
        this.value = value;
    }

    @Override
    public void start() {
        current = null;
    }

    @Override
    public void onRow(Object[] arguments) throws DataException {
        try {
            if (current == null) {
                current = create.apply(arguments);
            }
            adder.add(current, arguments);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw BirtErrors.data(aggregation + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object getValue() {
        return value.apply(current == null ? create.apply(new Object[0]) : current);
    }

    /** The argument at {@code index}, or null when BIRT left an optional one out. */
    static Object argument(Object[] arguments, int index) {
        return arguments != null && index < arguments.length ? arguments[index] : null;
    }
}
