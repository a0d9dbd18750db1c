package dev.kpikit.birt.aggregations;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.birt.core.data.DataType;
import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.api.aggregation.IParameterDefn;

/**
 * One kpikit aggregation as BIRT's aggregation builder lists it, computed by an accumulator
 * that delegates to the domain.
 *
 * @param kind     a summary gives one value per group, a running aggregation one per row
 * @param dataType BIRT's {@link DataType} of the result
 * @param passes   how often BIRT feeds the group's rows to the accumulator: a running value
 *                 that depends on the whole group (a Pareto class) needs a first pass to see it
 */
record Aggregation(String name, String displayName, String description, Kind kind, int dataType, int passes,
        List<Parameter> parameters, Supplier<Accumulator> accumulators) implements IAggrFunction {

    enum Kind {
        SUMMARY(SUMMARY_AGGR), RUNNING(RUNNING_AGGR);

        final int birtType;

        Kind(int birtType) {
            this.birtType = birtType;
        }
    }

    /** A one-pass summary with a decimal result, like an HHI. */
    static Aggregation summary(String name, String displayName, String description, List<Parameter> parameters,
            Supplier<Accumulator> accumulators) {
        return new Aggregation(name, displayName, description, Kind.SUMMARY, DataType.DECIMAL_TYPE, 1, parameters, accumulators);
    }

    /** What a data field accepts; BIRT's builder offers only matching columns. */
    enum Accepts {
        NUMBER(DataType.ANY_TYPE, DataType.INTEGER_TYPE, DataType.DOUBLE_TYPE, DataType.DECIMAL_TYPE),
        DATE(DataType.ANY_TYPE, DataType.DATE_TYPE, DataType.SQL_DATE_TYPE, DataType.STRING_TYPE),
        ANYTHING();

        private final Set<Integer> dataTypes;

        Accepts(Integer... dataTypes) {
            this.dataTypes = Set.of(dataTypes);
        }

        boolean accepts(int dataType) {
            return this == ANYTHING || dataTypes.contains(dataType);
        }
    }

    /** An argument of the aggregation; the first one is usually the data field. */
    record Parameter(String name, String displayName, String description, boolean isDataField, boolean isOptional,
            Accepts accepts) implements IParameterDefn {

        /** A numeric column or expression, one value per row. */
        static Parameter field(String name, String displayName, String description) {
            return new Parameter(name, displayName, description, true, false, Accepts.NUMBER);
        }

        /** A date column or expression (a date, or text yyyy-MM-dd), one value per row. */
        static Parameter dateField(String name, String displayName, String description) {
            return new Parameter(name, displayName, description, true, false, Accepts.DATE);
        }

        static Parameter option(String name, String displayName, String description) {
            return new Parameter(name, displayName, description, false, true, Accepts.ANYTHING);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDisplayName() {
            return displayName;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public boolean isOptional() {
            return isOptional;
        }

        @Override
        public boolean supportDataType(int dataType) {
            return !isDataField || accepts.accepts(dataType);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public int getType() {
        return kind.birtType;
    }

    @Override
    public int getDataType() {
        return dataType;
    }

    @Override
    public IParameterDefn[] getParameterDefn() {
        return parameters.toArray(IParameterDefn[]::new);
    }

    @Override
    public int getNumberOfPasses() {
        return passes;
    }

    @Override
    public Object getDefaultValue() {
        return null;
    }

    @Override
    public boolean isDataOrderSensitive() {
        return false;
    }

    @Override
    public Accumulator newAccumulator() {
        return accumulators.get();
    }
}
