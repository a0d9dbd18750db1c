package dev.kpikit.runner.schedule;

/**
 * A headline KPI for the mail body: the value of binding {@code column} of the named report
 * item {@code item} (a table or list with a name) in the rendered report, formatted with a
 * java.text.DecimalFormat pattern. For an aggregate binding every row holds the same value;
 * for a plain column the first row's value is taken.
 */
public record HeadlineKpi(String name, String label, String item, String column, String format) {
}
