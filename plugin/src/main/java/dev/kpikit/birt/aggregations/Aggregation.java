package dev.kpikit.birt.aggregations;

import java.util.List;
import java.util.Set;
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
