package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A KPI's target and how its status is judged: green at or beyond the target (in the better
 * direction), amber short of it by no more than the tolerance, red beyond that. Without a
 * tolerance there is no amber.
 */
public record Goal(BigDecimal target, Direction direction, Tolerance tolerance) {

    public Goal {
        Objects.requireNonNull(direction, "direction");
    }

    /** The status of {@code value}; {@link Status#NONE} without a target, {@link Status#NO_VALUE} with one but no value. */
    public Status status(BigDecimal value) {
        if (target == null) {
            return Status.NONE;
        }
        if (value == null) {
            return Status.NO_VALUE;
        }
        BigDecimal shortfall = direction == Direction.HIGHER_IS_BETTER
                ? target.subtract(value)
                : value.subtract(target);
        if (shortfall.signum() <= 0) {
            return Status.GREEN;
        }
        BigDecimal band = tolerance == null ? BigDecimal.ZERO : tolerance.band(target);
        return shortfall.compareTo(band) <= 0 ? Status.AMBER : Status.RED;
    }
}
