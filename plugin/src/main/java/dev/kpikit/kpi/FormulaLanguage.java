package dev.kpikit.kpi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    static final ExpressionConfiguration CONFIGURATION = create();

    private FormulaLanguage() {
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
        kpikitFunctions().forEach(method -> functions.addFunction(functionName(method.getName()), new MethodFunction(method)));
        return configuration;
    }

    /** DIVIDE and GROWTH from {@link Ratios}, and every all-BigDecimal public formula of {@link Formulas}. */
    private static Stream<Method> kpikitFunctions() {
        Stream<Method> ratios = Stream.of("divide", "growth").map(name -> method(Ratios.class, name));
        Stream<Method> formulas = Arrays.stream(Formulas.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == BigDecimal.class
                        && Arrays.stream(m.getParameterTypes()).allMatch(BigDecimal.class::equals));
        return Stream.concat(ratios, formulas);
    }

    /** conversionRate -> CONVERSION_RATE */
    static String functionName(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name, BigDecimal.class, BigDecimal.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A static BigDecimal method as an EvalEx function; null arguments and results pass through as null. */
    private static final class MethodFunction implements FunctionIfc {

        private final Method method;
        private final List<FunctionParameterDefinition> parameters;

        MethodFunction(Method method) {
            this.method = method;
            this.parameters = Arrays.stream(method.getParameters())
                    .map(p -> FunctionParameterDefinition.builder().name(p.getName()).build())
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
            Object[] arguments = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!values[i].isNullValue() && !values[i].isNumberValue()) {
                    throw new EvaluationException(token, "Argument " + (i + 1) + " of " + token.getValue() + " is not a number");
                }
                arguments[i] = values[i].isNullValue() ? null : values[i].getNumberValue();
            }
            try {
                return EvaluationValue.of(method.invoke(null, arguments), expression.getConfiguration());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Formula " + method.getName() + " failed", e);
            }
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
