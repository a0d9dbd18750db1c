package dev.kpikit.runner.excel;

/**
 * Formula injection (CSV / spreadsheet injection): text that a spreadsheet could read as a formula
 * when it is typed, pasted or imported: it begins with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return. kpikit writes such text as a string cell with Excel's quote prefix,
 * never as a formula.
 */
public final class Injection {

    private Injection() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
