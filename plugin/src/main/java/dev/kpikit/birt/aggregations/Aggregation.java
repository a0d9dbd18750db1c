package dev.kpikit.birt.aggregations;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.birt.core.data.DataType;
import org.eclipse.birt.data.engine.api.aggregation.Accumulator;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.eclipse.birt.data.engine.api.aggregation.IParameterDefn;

/**
 * One kpikit aggregation as BIRT's aggregation builder lists it: a summary over the rows
 * of a group, computed in a single pass by an accumulator that delegates to the domain.
 */
record Aggregation(String name, String displayName, String description, List<Parameter> parameters,
        Supplier<Accumulator> accumulators) implements IAggrFunction {

    /** An argument of the aggregation; the first one is usually the data field. */
    record Parameter(String name, String displayName, String description, boolean isDataField, boolean isOptional)
            implements IParameterDefn {

        static Parameter field(String name, String displayName, String description) {
            return new Parameter(name, displayName, description, true, false);
        }

        static Parameter option(String name, String displayName, String description) {
            return new Parameter(name, displayName, description, false, true);
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
            return !isDataField || switch (dataType) {
                case DataType.ANY_TYPE, DataType.INTEGER_TYPE, DataType.DOUBLE_TYPE, DataType.DECIMAL_TYPE -> true;
                default -> false;
            };
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
        return SUMMARY_AGGR;
    }

    @Override
    public int getDataType() {
        return DataType.DECIMAL_TYPE;
    }

    @Override
    public IParameterDefn[] getParameterDefn() {
        return parameters.toArray(IParameterDefn[]::new);
    }

    @Override
    public int getNumberOfPasses() {
        return 1;
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
