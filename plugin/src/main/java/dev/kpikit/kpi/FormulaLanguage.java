package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.FunctionDictionaryIfc;
import com.ezylang.evalex.config.OperatorDictionaryIfc;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.FunctionParameterDefinition;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.Token;

/** The EvalEx configuration of catalog formulas, whose language {@link KpiFormula} describes. */
final class FormulaLanguage {

    /** EvalEx functions that fail on a null argument (a NullPointerException) instead of passing it on. */
    private static final List<String> NUMERIC_BUILT_INS =
            List.of("ABS", "AVERAGE", "CEILING", "FACT", "FLOOR", "LOG", "LOG10", "MAX", "MIN", "ROUND", "SQRT", "SUM");

    /**
     * The kpikit functions a catalog formula may call: the one list of their names, parameters and
     * implementations. Declared here rather than found by reflection, so that a new helper in
     * {@link Formulas} changes nothing a customer's catalog accepts until it is added here.
     * Removing or renaming one breaks catalogs that use it.
     */
    static final List<CatalogFunction> FUNCTIONS = List.of(
            function("DIVIDE", Ratios::divide, "numerator", "denominator"),
            function("GROWTH", Ratios::growth, "current", "previous"),
            function("PERIOD_GROWTH", Formulas::periodGrowth, "current", "previous"),
            function("MONTHLY_REVENUE_GROWTH", Formulas::monthlyRevenueGrowth, "thisMonthRevenue", "lastMonthRevenue"),
            function("CAGR", Formulas::cagr, "begin", "end", "years"),
            function("SATISFACTION_RATE", Formulas::satisfactionRate, "satisfied", "responses"),
            function("CSAT", Formulas::csat, "sumOfScores", "responses", "scaleMax"),
            function("AVERAGE_RATING", Formulas::averageRating, "sumOfRatings", "count"),
            function("AVERAGE_COMPLETION_DAYS", Formulas::averageCompletionDays, "totalDays", "projects"),
            function("ON_TIME_SHARE", Formulas::onTimeShare, "onTime", "projects"),
            function("REVENUE_PER_CONSULTANT", Formulas::revenuePerConsultant, "revenue", "consultants"),
            function("CONVERSION_RATE", Formulas::conversionRate, "conversions", "visits"),
            function("CLICK_THROUGH_RATE", Formulas::clickThroughRate, "clicks", "impressions"),
            function("RETURN_ON_AD_SPEND", Formulas::returnOnAdSpend, "attributedRevenue", "adSpend"),
            function("COST_PER_ACQUISITION", Formulas::costPerAcquisition, "adSpend", "acquisitions"),
            function("REVENUE_PER_TABLE", Formulas::revenuePerTable, "revenue", "tables"),
            function("TABLE_TURNOVER_RATE", Formulas::tableTurnoverRate, "seatings", "tables"),
            function("TABLE_TURNOVER_RATE_PER_SERVICE", Formulas::tableTurnoverRatePerService, "seatings", "tables", "services"),
            function("RETENTION_RATE", Formulas::retentionRate, "customersAtEnd", "newCustomers", "customersAtStart"),
            function("REPEAT_CUSTOMER_RATE", Formulas::repeatCustomerRate, "repeatCustomers", "customers"),
            function("EMPLOYEE_PRODUCTIVITY", Formulas::employeeProductivity, "output", "employeesOrHours"),
            function("DEFECT_FREE_RATE", Formulas::defectFreeRate, "defectFree", "total"),
            function("AVERAGE_TIME_PER_UNIT", Formulas::averageTimePerUnit, "totalTime", "units"));

    static final ExpressionConfiguration CONFIGURATION = create();

    private FormulaLanguage() {
    }

    /** A kpikit function of the catalog language: its name, its parameters' names and what it computes. */
    record CatalogFunction(String name, List<String> parameters, Implementation implementation) {
    }

    /** A null-safe computation over as many BigDecimal arguments as the function has parameters. */
    @FunctionalInterface
    interface Implementation {
        BigDecimal apply(BigDecimal[] arguments);
    }

    private static CatalogFunction function(String name, BinaryOperator<BigDecimal> formula, String a, String b) {
        return new CatalogFunction(name, List.of(a, b), args -> formula.apply(args[0], args[1]));
    }

    private static CatalogFunction function(String name, Ternary formula, String a, String b, String c) {
        return new CatalogFunction(name, List.of(a, b, c), args -> formula.apply(args[0], args[1], args[2]));
    }

    @FunctionalInterface
    private interface Ternary {
        BigDecimal apply(BigDecimal a, BigDecimal b, BigDecimal c);
    }

    private static ExpressionConfiguration create() {
        ExpressionConfiguration configuration = ExpressionConfiguration.builder()
                .mathContext(Ratios.PRECISION)
                .implicitMultiplicationAllowed(false)
                .arraysAllowed(false)
                .structuresAllowed(false)
                .build();
        OperatorDictionaryIfc operators = configuration.getOperatorDictionary();
        Stream.of("+", "-", "*", "/", "^", "%").forEach(symbol -> operators.addOperator(symbol,
                new NullSafeOperator(operators.getInfixOperator(symbol), symbol.equals("/"))));
        Stream.of("+", "-").forEach(symbol -> operators.addOperator(symbol,
                new NullSafeOperator(operators.getPrefixOperator(symbol), false)));
        // EvalEx orders a missing value with a NullPointerException (found by fuzzing): missing in, missing out
        Stream.of(">", ">=", "<", "<=").forEach(symbol -> operators.addOperator(symbol,
                new NullSafeOperator(operators.getInfixOperator(symbol), false)));
        FunctionDictionaryIfc functions = configuration.getFunctionDictionary();
        NUMERIC_BUILT_INS.forEach(name -> functions.addFunction(name, new NullSafeFunction(functions.getFunction(name))));
        // EvalEx takes a missing condition for false: IF(revenue > previous_revenue, 1, 0) would say 0 without a previous period
        functions.addFunction("IF", new NullConditionFunction(functions.getFunction("IF")));
        FUNCTIONS.forEach(function -> functions.addFunction(function.name(), new KpikitFunction(function)));
        return configuration;
    }

    /** A catalog function as an EvalEx function; null arguments and results pass through as null. */
    private static final class KpikitFunction implements FunctionIfc {

        private final CatalogFunction function;
        private final List<FunctionParameterDefinition> parameters;

        KpikitFunction(CatalogFunction function) {
            this.function = function;
            this.parameters = function.parameters().stream()
                    .map(name -> FunctionParameterDefinition.builder().name(name).build())
                    .toList();
        }

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return parameters;
        }

        @Override
        public boolean hasVarArgs() {
            return false;
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... values) {
            // the formulas themselves are null and zero safe
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... values)
                throws EvaluationException {
            BigDecimal[] arguments = new BigDecimal[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!values[i].isNullValue() && !values[i].isNumberValue()) {
                    throw new EvaluationException(token, "Argument " + (i + 1) + " of " + token.getValue() + " is not a number");
                }
                arguments[i] = values[i].isNullValue() ? null : values[i].getNumberValue();
            }
            return EvaluationValue.of(function.implementation().apply(arguments), expression.getConfiguration());
        }
    }

    /** Wraps a function: a null argument gives null without calling it. */
    private record NullSafeFunction(FunctionIfc function) implements FunctionIfc {

        private static boolean anyNull(EvaluationValue... values) {
            return Arrays.stream(values).anyMatch(EvaluationValue::isNullValue);
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... values) throws EvaluationException {
            if (!anyNull(values)) {
                function.validatePreEvaluation(token, values);
            }
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... values)
                throws EvaluationException {
            return anyNull(values) ? EvaluationValue.NULL_VALUE : function.evaluate(expression, token, values);
        }

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return function.getFunctionParameterDefinitions();
        }

        @Override
        public boolean hasVarArgs() {
            return function.hasVarArgs();
        }
    }

    /** Wraps IF: a missing condition gives a missing value, whatever the branches. */
    private record NullConditionFunction(FunctionIfc function) implements FunctionIfc {

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... values) throws EvaluationException {
            if (!values[0].isNullValue()) {
                function.validatePreEvaluation(token, values);
            }
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... values)
                throws EvaluationException {
            return values[0].isNullValue() ? EvaluationValue.NULL_VALUE : function.evaluate(expression, token, values);
        }

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return function.getFunctionParameterDefinitions();
        }

        @Override
        public boolean hasVarArgs() {
            return function.hasVarArgs();
        }
    }

    /** Wraps an arithmetic operator: a null operand gives null, and so does a zero divisor when asked. */
    private record NullSafeOperator(OperatorIfc operator, boolean zeroDivisorIsNull) implements OperatorIfc {

        @Override
        public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands)
                throws EvaluationException {
            boolean missing = Arrays.stream(operands).anyMatch(EvaluationValue::isNullValue)
                    || zeroDivisorIsNull && operands[1].isNumberValue() && operands[1].getNumberValue().signum() == 0;
            return missing ? EvaluationValue.NULL_VALUE : operator.evaluate(expression, token, operands);
        }

        @Override
        public int getPrecedence() {
            return operator.getPrecedence();
        }

        @Override
        public int getPrecedence(ExpressionConfiguration configuration) {
            return operator.getPrecedence(configuration);
        }

        @Override
        public boolean isLeftAssociative() {
            return operator.isLeftAssociative();
        }

        @Override
        public boolean isPrefix() {
            return operator.isPrefix();
        }

        @Override
        public boolean isPostfix() {
            return operator.isPostfix();
        }

        @Override
        public boolean isInfix() {
            return operator.isInfix();
        }

        @Override
        public boolean isOperandLazy() {
            return operator.isOperandLazy();
        }
    }
}
