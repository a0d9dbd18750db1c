package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.birt.core.script.functionservice.IScriptFunction;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionArgument;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionCategory;
import org.eclipse.birt.core.script.functionservice.impl.FunctionProvider;
import org.eclipse.birt.data.engine.api.aggregation.AggregationManager;
import org.eclipse.birt.data.engine.api.aggregation.IAggrFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kpikit.birt.functions.FunctionCatalog;

/**
 * What the Designer's expression builder and aggregation builder read from BIRT's
 * registries, compared with the Java declarations they are generated from.
 */
class FunctionMetadataTest {

    static Map<String, IScriptFunctionCategory> categories;

    @BeforeAll
    static void startEngine() throws Exception {
        SharedEngine.get();
        categories = Arrays.stream(FunctionProvider.getCategories())
                .collect(Collectors.toMap(IScriptFunctionCategory::getName, Function.identity()));
    }

    @Test
    void kpiCategoryListsDivideAndGrowthWithTheirArguments() throws Exception {
        IScriptFunctionCategory kpi = categories.get("KPI");
        assertEquals("Key performance indicators: safe ratios, growth, status and trend.", kpi.getDescription());
        Map<String, IScriptFunction> functions = Arrays.stream(FunctionProvider.getFunctions("KPI"))
                .collect(Collectors.toMap(IScriptFunction::getName, Function.identity()));
        IScriptFunction divide = functions.get("divide");
        assertEquals("Divides numerator by denominator. Blank when the denominator is zero or missing.", divide.getDescription());
        assertEquals(List.of("numerator", "denominator"), names(divide.getArguments()));
        assertEquals("Number", divide.getDataTypeName());
        assertEquals(List.of("current", "previous"), names(functions.get("growth").getArguments()));
    }

    @Test
    void everyDeclaredFunctionIsRegisteredAsDeclared() throws Exception {
        for (FunctionCatalog.Category category : FunctionCatalog.categories()) {
            Map<String, IScriptFunction> registered = Arrays.stream(FunctionProvider.getFunctions(category.name()))
                    .collect(Collectors.toMap(IScriptFunction::getName, Function.identity()));
            assertEquals(category.functions().stream().map(FunctionCatalog.Function::name).sorted().toList(),
                    registered.keySet().stream().sorted().toList(), category.name());
            for (FunctionCatalog.Function declared : category.functions()) {
                IScriptFunction function = registered.get(declared.name());
                assertEquals(declared.description(), function.getDescription(), declared.name());
                assertEquals(declared.arguments().stream().map(FunctionCatalog.Argument::name).toList(),
                        names(function.getArguments()), declared.name());
                assertEquals(declared.returnType(), function.getDataTypeName(), declared.name());
            }
        }
    }

    @Test
    void statusTakesOptionalDirectionAndTolerance() throws Exception {
        IScriptFunction status = Arrays.stream(FunctionProvider.getFunctions("KPI"))
                .filter(f -> f.getName().equals("status")).findFirst().orElseThrow();
        assertEquals(List.of("value", "target", "direction", "tolerance"), names(status.getArguments()));
        assertEquals(List.of(false, false, true, true),
                Arrays.stream(status.getArguments()).map(IScriptFunctionArgument::isOptional).toList());
        assertEquals("String", status.getDataTypeName());
    }

    @Test
    void kpiAggregationsAreInTheAggregationBuilder() throws Exception {
        for (String name : List.of("KPI_RATIO_OF_SUMS", "KPI_WEIGHTED_AVERAGE", "KPI_PERIOD_GROWTH")) {
            assertTrue(AggregationManager.getInstance().getAggregation(name) != null, name);
        }
    }

    @Test
    void hhiAggregationIsInTheAggregationBuilder() throws Exception {
        var hhi = AggregationManager.getInstance().getAggregation("KPI_HHI");
        assertTrue(hhi != null && hhi.getDisplayName().contains("Herfindahl"));
        assertEquals("Expression", hhi.getParameterDefn()[0].getName());
    }

    @Test
    void keyAccountCategoryAndAggregationsAreRegistered() throws Exception {
        assertTrue(categories.get("KeyAccount").getDescription().startsWith("Key-account scoring"));
        Map<String, IScriptFunction> functions = Arrays.stream(FunctionProvider.getFunctions("KeyAccount"))
                .collect(Collectors.toMap(IScriptFunction::getName, Function.identity()));
        assertTrue(functions.keySet().containsAll(List.of("score", "tier", "explain", "paretoClass", "share")), functions.keySet().toString());
        // the report's locale is filled in by kpikit, not an argument designers see
        assertEquals("model", names(functions.get("explain").getArguments()).getLast());
        assertEquals("String", functions.get("explain").getDataTypeName());
        var aggregations = AggregationManager.getInstance();
        assertEquals(IAggrFunction.SUMMARY_AGGR, aggregations.getAggregation("KA_HHI").getType());
        assertEquals("N", aggregations.getAggregation("KA_TOP_N_SHARE").getParameterDefn()[1].getName());
        assertEquals(IAggrFunction.RUNNING_AGGR, aggregations.getAggregation("KA_PARETO_CLASS").getType());
        assertEquals(2, aggregations.getAggregation("KA_PARETO_CLASS").getNumberOfPasses());
    }

    private static List<String> names(IScriptFunctionArgument[] arguments) {
        return Arrays.stream(arguments).map(IScriptFunctionArgument::getName).toList();
    }
}
