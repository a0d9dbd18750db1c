package dev.kpikit.kpi;

import java.util.Locale;

/** Whether a KPI improves when its value rises (revenue) or when it falls (cost per acquisition). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER;

    /**
     * Reads "higher"/"up" or "lower"/"down" (or the constant names), ignoring case. A null or
     * blank text means {@link #HIGHER_IS_BETTER}, the usual case.
     */
    public static Direction parse(String text) {
        if (text == null || text.isBlank()) {
            return HIGHER_IS_BETTER;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "higher", "up", "higher_is_better" -> HIGHER_IS_BETTER;
            case "lower", "down", "lower_is_better" -> LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException(
                    "Unknown direction '" + text + "': use \"higher\" (or \"up\") or \"lower\" (or \"down\")");
        };
    }
}
