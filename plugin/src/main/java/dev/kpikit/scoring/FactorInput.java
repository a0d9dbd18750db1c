package dev.kpikit.scoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The account fields a scoring factor can read, named as in model files and BIRT. */
public enum FactorInput {
    /** Revenue in the current period, in money. */
    REVENUE,
    /** Fraction (0..1) of the current period's total revenue. */
    REVENUE_SHARE,
    /** Growth against the previous period as a fraction (0.25 = +25%). */
    REVENUE_GROWTH,
    /** 1 to 5. */
    STRATEGIC_VALUE,
    /** 1 to 5. */
    GROWTH_POTENTIAL,
    /** 1 to 5. */
    ENGAGEMENT,
    /** 1 to 5 or 0 to 10; the model's scale says which. */
    SATISFACTION,
    /** Years since the relationship started, as a fraction (completed months / 12). */
    RELATIONSHIP_YEARS;

    /** {@link #key()}, made once: explanations and tables ask for it on every row. */
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name used in files: {@code revenue_share}. */
    public String key() {
        return key;
    }

    public static Optional<FactorInput> fromKey(String key) {
        return Arrays.stream(values()).filter(input -> input.key().equals(key)).findFirst();
    }
}
