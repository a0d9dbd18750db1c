package dev.kpikit.kpi;

import java.math.BigDecimal;

/**
 * One KPI in one period: its value, the value of the period before, and its goal; everything
 * else (status, trend, change) is derived. {@code parentId} and {@code weight} place it in a
 * scorecard ({@link RollUp}); a null weight counts as 1.
 *
 * @param deadBand relative change below which the trend is flat ({@link Indicators#trend}); null means 0
 * @param goal     null when the KPI has no target (its status is then {@link Status#NONE})
 */
public record Kpi(String id, String parentId, BigDecimal weight,
                  BigDecimal value, BigDecimal previousValue, Goal goal, BigDecimal deadBand) {

    public Status status() {
        return goal == null ? Status.NONE : goal.status(value);
    }

    /** 1 green, 0 amber, -1 red; null without value or target. */
    public BigDecimal statusScore() {
        return status().score();
    }

    /** 1 rising, 0 flat, -1 falling (the movement, whatever the direction); null without both values. */
    public Integer trend() {
        return Indicators.trend(value, previousValue, deadBand);
    }

    /** value - previous value, in the unit of the value. */
    public BigDecimal change() {
        return Ratios.difference(value, previousValue);
    }

    /** (value - previous) / |previous| as a fraction; null when the previous value is zero or missing. */
    public BigDecimal relativeChange() {
        return Ratios.growth(value, previousValue);
    }
}
