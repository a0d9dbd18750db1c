package dev.kpikit.kpi;

import java.io.CharConversionException;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * Jackson's reasons for refusing a JSON file, said for a user: without Java class names,
 * Jackson's feature flags or its limits' method names, and never longer than a line.
 * Shared by every kpikit reader of JSON (tables, scoring models, KPI catalogs, schedules).
 * Jackson quotes the text it could not read ({@code Unrecognized token 'root': ...}), which for a
 * file that is not JSON at all is the start of someone else's file: the line and column say where,
 * the text itself is left out.
 */
public final class JsonProblems {

    private static final int MAX_LENGTH = 200;
    /** Jackson's unrecognized token: letters and digits up to 256 characters, never a quote. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("^Unrecognized token '[^']*'");
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile(",? from `[^`]*`");
    /** A text where a number or true/false is wanted ("three" for a count): the text is quoted, the Java type is not. */
    private static final Pattern TEXT_FOR_TYPE = Pattern.compile("Cannot deserialize value of type `([^`]*)` from String \"(.*?)\": .*",
            Pattern.DOTALL);
    /** 2.5 for a count, in a reader that does not cut decimals off. */
    private static final Pattern DECIMAL_FOR_WHOLE = Pattern.compile("Cannot coerce Floating-point value \\(([^)]*)\\) to `[^`]*(?:Integer|Long)` value.*",
            Pattern.DOTALL);
    private static final Pattern WRONG_TYPE = Pattern.compile("Cannot deserialize value of type `([^`]*)` from (\\w+) value.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unrecognized field \"([^\"]*)\".*", Pattern.DOTALL);
    private static final Pattern NOT_IN_ENUM = Pattern.compile(
            "Cannot deserialize value of type `[^`]*` from String (\"[^\"]*\"): not one of the values accepted for Enum class: \\[(.*)\\].*",
            Pattern.DOTALL);
    /** FAIL_ON_TRAILING_TOKENS: Jackson names the flag and the class bound to, neither of which tells a user anything. */
    private static final Pattern TRAILING = Pattern.compile("Trailing token \\(of type \\w+\\) found after value.*", Pattern.DOTALL);
    private static final Pattern QUOTED_NAME = Pattern.compile("`(?:[\\w$]+\\.)+([\\w$]+)`");
    /** Jackson's syntax errors, the ones a hand-edited file meets: the character found, then what was expected. */
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)[^)]*\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile("Unexpected end-of-input: expected close marker for (Object|Array)"
            + " \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\).*", Pattern.DOTALL);
    private static final Pattern UNCLOSED_TEXT = Pattern.compile("Unexpected end-of-input(?: in field name|: was expecting closing quote).*",
            Pattern.DOTALL);
    private static final Pattern NOT_UTF8 = Pattern.compile("(?:java\\.io\\.CharConversionException: )?(Invalid UTF-8 .*|Unexpected EOF in the middle of a multi-byte char.*)",
            Pattern.DOTALL);
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
            Pattern.DOTALL);

    private JsonProblems() {
    }

    /** What is wrong, as a user should read it; the caller adds file, line and column. */
    public static String reason(JsonProcessingException e) {
        if (e instanceof PropertyBindingException unknown && unknown.getKnownPropertyIds() != null) {
            return cut("unknown field '" + unknown.getPropertyName() + "'; known: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        return reason(e.getOriginalMessage());
    }

    static String reason(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        message = QUOTED_TOKEN.matcher(message).replaceFirst("not JSON, unrecognized text");
        Matcher m;
        if ((m = NON_NUMERIC.matcher(message)).matches()) {
            return "'" + m.group(1) + "' is not a JSON number (JSON has no NaN or Infinity); write a number or null";
        }
        if ((m = DUPLICATE.matcher(message)).matches()) {
            return "field '" + m.group(1) + "' appears twice in one object";
        }
        if ((m = NOT_IN_ENUM.matcher(message)).matches()) {
            return cut(m.group(1) + " is not one of " + m.group(2).replace(",", ", ").replaceAll("\\s+", " "));
        }
        if ((m = TEXT_FOR_TYPE.matcher(message)).matches()) {
            return cut("expected " + expected(m.group(1)) + ", found '" + m.group(2) + "'");
        }
        if ((m = DECIMAL_FOR_WHOLE.matcher(message)).matches()) {
            return "expected a whole number, found " + m.group(1);
        }
        if ((m = WRONG_TYPE.matcher(message)).matches()) {
            return "expected " + expected(m.group(1)) + ", found " + found(m.group(2));
        }
        if (TRAILING.matcher(message).matches()) {
            return "content after the JSON value, which must be the only value in the file";
        }
        if ((m = UNKNOWN_FIELD.matcher(message)).matches()) {
            return "unknown field '" + m.group(1) + "'";
        }
        String syntax = syntax(message);
        if (syntax != null) {
            return syntax;
        }
        String cleaned = QUOTED_NAME.matcher(LIMIT.matcher(message).replaceAll("")).replaceAll("'$1'")
                .replaceAll("\\s+", " ").strip();
        return cut(cleaned);
    }

    /** A syntax error in the words of someone editing the file by hand, or null when it is not one of those. */
    private static String syntax(String message) {
        Matcher m;
        if ((m = UNCLOSED.matcher(message)).matches()) {
            boolean object = m.group(1).equals("Object");
            return "the file ends before the " + (object ? "object" : "list") + " opened at line " + m.group(2) + ", column "
                    + m.group(3) + " is closed with '" + (object ? '}' : ']') + "'";
        }
        if (UNCLOSED_TEXT.matcher(message).matches()) {
            return "the file ends inside a text in double quotes: its closing '\"' is missing";
        }
        if (NOT_UTF8.matcher(message).matches()) {
            return "the file is not UTF-8 text here; save it as UTF-8";
        }
        if ((m = CONTROL_IN_TEXT.matcher(message)).matches()) {
            return m.group(1).equals("10") || m.group(1).equals("13")
                    ? "a line break inside a text in double quotes: close the quote on the same line, or write \\n"
                    : "a control character (code " + m.group(1) + ") inside a text in double quotes: remove it";
        }
        if (!(m = UNEXPECTED.matcher(message)).matches()) {
            return null;
        }
        int code = Integer.parseInt(m.group(2));
        String found = code < 32 ? "a control character (code " + code + ")" : "'" + m.group(1) + "'";
        String expected = m.group(3);
        if (expected.startsWith("was expecting comma to separate Object")) {
            return "expected ',' or '}' after a field's value, found " + found + " (a comma missing?)";
        }
        if (expected.startsWith("was expecting comma to separate Array")) {
            return "expected ',' or ']' after a list's entry, found " + found + " (a comma missing?)";
        }
        if (expected.startsWith("was expecting a colon")) {
            return "expected ':' between a field's name and its value, found " + found;
        }
        if (expected.startsWith("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes, found " + found + switch (code) {
                case '}' -> " (a comma after the last field: JSON allows none)";
                case '\'' -> " (JSON names take double quotes)";
                default -> "";
            };
        }
        if (expected.startsWith("expected a valid value")) {
            return "expected a value (a number, text in double quotes, true, false, null, an object or a list), found " + found
                    + switch (code) {
                        case ']' -> " (a comma after the last entry: JSON allows none)";
                        case '\'' -> " (JSON texts take double quotes)";
                        default -> "";
                    };
        }
        return null;
    }

    /**
     * Whether the parser stopped on bytes that are not UTF-8 (a file saved in Latin-1 or UTF-16, or not text at all). A
     * YAML parser places them nowhere useful (line 1, byte -1): the caller says so for the whole file.
     */
    public static boolean notUtf8(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharConversionException) {
                return true;
            }
        }
        return false;
    }

    /** Text cut to one readable line: a path 100,000 levels deep is not shown in full. */
    public static String cut(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static String expected(String javaType) {
        String type = javaType.substring(javaType.lastIndexOf('.') + 1);
        return switch (type) {
            case "String" -> "text";
            case "BigDecimal", "Double", "double", "Integer", "int", "Long", "long" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            default -> javaType.startsWith("java.util.") && !javaType.contains("Map") ? "a list" : "an object";
        };
    }

    private static String found(String jsonKind) {
        return switch (jsonKind) {
            case "Array" -> "an array";
            case "Object" -> "an object";
            case "Integer" -> "an integer";
            case "Floating-point" -> "a decimal number";
            case "Boolean" -> "true or false";
            case "String" -> "text";
            default -> jsonKind.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
