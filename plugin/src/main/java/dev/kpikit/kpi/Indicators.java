package dev.kpikit.kpi;

import java.math.BigDecimal;

/** Status and trend indicators in the plain types that BIRT script functions pass. */
public final class Indicators {

    private Indicators() {
    }

    /**
     * "GREEN", "AMBER", "RED"; "NO_VALUE" when there is a target but no value, "NONE" when there is no target.
     *
     * @param direction "higher"/"up" or "lower"/"down", any case; null means higher
     * @param tolerance amber band as a fraction of |target| (0.1 = within 10 %); null means no amber
     */
    public static String status(BigDecimal value, BigDecimal target, String direction, BigDecimal tolerance) {
        return goal(target, direction, tolerance).status(value).name();
    }

    /** 1 green, 0 amber, -1 red, null without value or target; arguments as for {@link #status}. */
    public static BigDecimal statusScore(BigDecimal value, BigDecimal target, String direction, BigDecimal tolerance) {
        return goal(target, direction, tolerance).status(value).score();
    }

    /**
     * Movement from {@code previous} to {@code current}: 1 up, -1 down, 0 when the relative change
     * |current - previous| / |previous| is within {@code deadBand} (a fraction; null means 0).
     * From a previous value of zero any move counts, as no relative band can be drawn around zero.
     * Null when either value is missing.
     */
    public static Integer trend(BigDecimal current, BigDecimal previous, BigDecimal deadBand) {
        if (current == null || previous == null) {
            return null;
        }
        BigDecimal change = Ratios.growth(current, previous);
        if (change == null) {
            return current.compareTo(previous);
        }
        boolean flat = deadBand != null && change.abs().compareTo(deadBand) <= 0;
        return flat ? 0 : change.signum();
    }

    private static Goal goal(BigDecimal target, String direction, BigDecimal tolerance) {
        return new Goal(target, Direction.parse(direction), tolerance == null ? null : Tolerance.relative(tolerance));
    }
}
