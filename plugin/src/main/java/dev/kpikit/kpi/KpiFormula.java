package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;

/**
 * A catalog formula over named metrics, such as {@code DIVIDE(conversions, visits)} or
 * {@code revenue / consultants}, checked when compiled: syntax, functions, and that every name
 * is a declared metric. A metric's value in the calendar period before is available as
 * {@code previous_<metric>}, so {@code GROWTH(revenue, previous_revenue)} is monthly revenue
 * growth.
 *
 * <p>The language is EvalEx with its own functions and operators, plus every kpikit formula as a
 * function: {@code DIVIDE} and {@code GROWTH} ({@link Ratios}) and each of {@link Formulas} in
 * upper snake case ({@code CAGR}, {@code CONVERSION_RATE}, {@code RETENTION_RATE}...); names
 * ignore case. Unlike plain EvalEx, arithmetic follows the rule of this package: a missing
 * operand gives a missing result, and {@code a / b} with b zero is missing rather than an error, so
 * {@code revenue / consultants} and {@code DIVIDE(revenue, consultants)} mean the same. The
 * numeric built-ins ({@code ROUND}, {@code MIN}, {@code SQRT}...) also give a missing result for
 * a missing argument, and so do the comparisons ({@code >}, {@code <=}...) and {@code IF} given a
 * missing condition; use {@code COALESCE(x, 0)} where a missing value should count as zero.
 * Implicit multiplication is off, so {@code 2 revenue} is refused as a probable typo, and so is a
 * division by a literal zero ({@code revenue / 0}), which would be missing in every period.
 * A formula is at most {@link #MAX_LENGTH} characters long, nests parentheses at most
 * {@link #MAX_NESTING} deep and operations at most {@link #MAX_DEPTH} deep.
 */
public final class KpiFormula {

    /** Prefix that names a metric's value in the previous period. */
    public static final String PREVIOUS = "previous_";

    /**
     * The longest formula, in characters. The longest in the sample catalogs is under 100; the
     * limit keeps a pasted or generated monster from exhausting the stack of the recursive
     * evaluation (a chain of n operators is n calls deep).
     */
    public static final int MAX_LENGTH = 1_000;

    /** How deep parentheses (groups and function calls) may nest. */
    public static final int MAX_NESTING = 20;

    /**
     * How deep operations may nest (each operator and function call is a level: {@code a+b+c} is 2
     * deep). Evaluation recurses once per level, about half a kilobyte of stack each; 100 levels fit
     * a small worker thread's stack many times over.
     */
    public static final int MAX_DEPTH = 100;

    private final String text;
    private final Set<String> metrics;
    private final Expression parsed;

    private KpiFormula(String text, Set<String> metrics, Expression parsed) {
        this.text = text;
        this.metrics = metrics;
        this.parsed = parsed;
    }

    /**
     * Parses and checks {@code text}.
     *
     * @param metrics the names the formula may use (matched ignoring case, as EvalEx does)
     * @throws FormulaException on a syntax error, an unknown function or an unknown metric
     */
    public static KpiFormula compile(String text, Collection<String> metrics) {
        checkSize(text);
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(metrics);
        metrics.forEach(metric -> known.add(PREVIOUS + metric));
        Expression expression = new Expression(text, FormulaLanguage.CONFIGURATION);
        try {
            checkDepth(expression.getAbstractSyntaxTree());
            Token unknown = expression.getAllASTNodes().stream()
                    .map(ASTNode::getToken)
                    .filter(t -> t.getType() == Token.TokenType.VARIABLE_OR_CONSTANT)
                    .filter(t -> !known.contains(t.getValue()) && !expression.getConstants().containsKey(t.getValue()))
                    .min(Comparator.comparingInt(Token::getStartPosition))
                    .orElse(null);
            if (unknown != null) {
                throw new FormulaException("Unknown metric '" + unknown.getValue() + "'", unknown.getStartPosition());
            }
            checkDivisors(expression);
        } catch (BaseException e) {
            throw new FormulaException(e.getMessage(), e.getStartPosition());
        } catch (FormulaException e) {
            throw e;
        } catch (RuntimeException e) {
            // EvalEx's parser trips over some malformed input (brackets closed without a function) instead of
            // reporting it: found by fuzzing (KpiCatalogFuzzTestInputs/formula/crash-unbalanced-brackets)
            throw new FormulaException("Not a valid formula: check its brackets, commas and operators", 1);
        }
        return new KpiFormula(text, known, expression);
    }

    /** Refuses a formula longer than {@link #MAX_LENGTH} or nested deeper than {@link #MAX_NESTING}. */
    private static void checkSize(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException(String.format(Locale.ROOT, "The formula is %,d characters long; the limit is %,d",
                    text.length(), MAX_LENGTH), MAX_LENGTH + 1);
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
                throw new FormulaException("Parentheses nest deeper than the limit of " + MAX_NESTING, i + 1);
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
    }

    /** Measured without recursion, before anything walks the tree recursively. */
    private static void checkDepth(ASTNode root) {
        Deque<ASTNode> nodes = new ArrayDeque<>(List.of(root));
        Deque<Integer> depths = new ArrayDeque<>(List.of(0));
        while (!nodes.isEmpty()) {
            ASTNode node = nodes.pop();
            int depth = depths.pop();
            if (depth > MAX_DEPTH) {
                throw new FormulaException("Operations nest deeper than the limit of " + MAX_DEPTH,
                        node.getToken().getStartPosition());
            }
            for (ASTNode parameter : node.getParameters()) {
                nodes.push(parameter);
                depths.push(depth + 1);
            }
        }
    }

    /**
     * Refuses a division by a literal zero ({@code revenue / 0}, {@code / 0.0}, {@code / (0)}, {@code / -0},
     * {@code DIVIDE(revenue, 0)}): it is missing in every period, so the KPI would stay blank without a word.
     * Only a divisor written as a number (with a sign or parentheses at most) counts; {@code / (1 - 1)} is not
     * simplified.
     */
    private static void checkDivisors(Expression expression) throws BaseException {
        for (ASTNode node : expression.getAllASTNodes()) {
            Token token = node.getToken();
            boolean divides = token.getType() == Token.TokenType.INFIX_OPERATOR && token.getValue().equals("/")
                    || token.getType() == Token.TokenType.FUNCTION && token.getValue().equalsIgnoreCase("DIVIDE");
            if (divides && node.getParameters().size() == 2 && isLiteralZero(expression, node.getParameters().get(1))) {
                throw new FormulaException("Division by zero, which leaves the KPI blank in every period", token.getStartPosition());
            }
        }
    }

    /** A number literal, perhaps signed, whose value is zero. */
    private static boolean isLiteralZero(Expression expression, ASTNode node) throws EvaluationException {
        ASTNode literal = node;
        while (literal.getToken().getType() == Token.TokenType.PREFIX_OPERATOR && literal.getParameters().size() == 1) {
            literal = literal.getParameters().get(0);
        }
        if (literal.getToken().getType() != Token.TokenType.NUMBER_LITERAL) {
            return false;
        }
        EvaluationValue value = expression.evaluateSubtree(node);
        return value.isNumberValue() && value.getNumberValue().signum() == 0;
    }

    public String text() {
        return text;
    }

    /**
     * The formula's value for one period's metrics; metrics absent from a map are missing (null).
     * Null when the formula meets a missing value or a zero divisor.
     *
     * @param previousMetricValues the metrics of the calendar period before, for {@code previous_<metric>}
     *
     * @throws FormulaException when EvalEx still fails (a built-in function given a missing value, a text result...)
     */
    public BigDecimal evaluate(Map<String, BigDecimal> metricValues, Map<String, BigDecimal> previousMetricValues) {
        // case-insensitive like EvalEx, so "Revenue" in the data cannot be shadowed by a null "revenue"
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        metrics.forEach(name -> values.put(name, null));
        metricValues.forEach((name, value) -> put(values, name, value));
        previousMetricValues.forEach((name, value) -> put(values, PREVIOUS + name, value));
        try {
            EvaluationValue result = parsed.copy().withValues(values).evaluate();
            if (result.isNullValue()) {
                return null;
            }
            if (!result.isNumberValue()) {
                throw new FormulaException("The result is not a number but " + result.getDataType(), 1);
            }
            return result.getNumberValue();
        } catch (BaseException e) {
            throw new FormulaException(e.getMessage(), e.getStartPosition());
        } catch (FormulaException e) {
            throw e;
        } catch (RuntimeException e) {
            // an EvalEx function or operator that fails inside instead of reporting: say which formula, not how
            throw new FormulaException("The formula cannot be evaluated with these values", 1);
        }
    }

    private void put(Map<String, Object> values, String name, BigDecimal value) {
        if (metrics.contains(name)) {
            values.put(name, value);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
