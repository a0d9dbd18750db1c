package dev.kpikit.runner.excel;

import java.util.regex.Pattern;

/**
 * Formula injection (CSV / spreadsheet injection): text that a spreadsheet could read as a formula
 * when it is typed, pasted or imported: it begins with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return, as OWASP lists them, and is not a plain number ({@code -12.5} is a
 * number, not a formula). The one rule for both outputs: the scoring workbook writes such text as a
 * string cell with Excel's quote prefix, never as a formula; CSV output puts a {@code '} before it.
 */
public final class Injection {

    private Injection() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as a CSV cell that a spreadsheet will not run: a leading {@code '} when it looks like a formula. */
    public static String neutralised(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
}
