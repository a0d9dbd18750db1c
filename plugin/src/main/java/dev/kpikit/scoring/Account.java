package dev.kpikit.scoring;

import dev.kpikit.kpi.Ratios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An account ready to be scored: identity and factor inputs. A missing input is absent
 * from the map; the model's missing-value policy decides what it is worth.
 */
public record Account(String id, String name, String segment, Map<FactorInput, BigDecimal> inputs) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public Account {
        Objects.requireNonNull(id, "id");
        EnumMap<FactorInput, BigDecimal> copy = new EnumMap<>(FactorInput.class);
        inputs.forEach((input, value) -> {
            if (value != null) {
                copy.put(input, value);
            }
        });
        inputs = Collections.unmodifiableMap(copy);
    }

    /**
     * Joins the account table row with the revenue the ledger holds for it. Relationship
     * years count completed months up to the as-of date; a start after it counts as 0 years (a customer
     * starting tomorrow has no more relationship than one starting today).
     */
    public static Account of(AccountProfile profile, RevenueLedger ledger) {
        AccountRevenue revenue = ledger.revenue(profile.id());
        return of(profile, revenue.current(), revenue.previous(), ledger,
                profile.relationshipStart() == null ? null : relationshipYears(profile.relationshipStart(), ledger.asOf()));
    }

    /**
     * {@link #of(AccountProfile, RevenueLedger)} with the account's revenue in the current and previous periods
     * and its {@link #relationshipYears} already at hand (the portfolio keeps them in columns).
     */
    static Account of(AccountProfile profile, BigDecimal current, BigDecimal previous, RevenueLedger ledger,
                      BigDecimal relationshipYears) {
        Map<FactorInput, BigDecimal> inputs = new EnumMap<>(FactorInput.class);
        inputs.put(FactorInput.REVENUE, current);
        inputs.put(FactorInput.REVENUE_SHARE, ledger.shareOf(current));
        inputs.put(FactorInput.REVENUE_GROWTH, RevenueLedger.growth(current, previous));
        inputs.put(FactorInput.STRATEGIC_VALUE, profile.strategicValue());
        inputs.put(FactorInput.GROWTH_POTENTIAL, profile.growthPotential());
        inputs.put(FactorInput.ENGAGEMENT, profile.engagement());
        inputs.put(FactorInput.SATISFACTION, profile.satisfaction());
        inputs.put(FactorInput.RELATIONSHIP_YEARS, relationshipYears);
        return new Account(profile.id(), profile.name(), profile.segment(), inputs);
    }

    /** Years of relationship up to the as-of date: completed months / 12. */
    static BigDecimal relationshipYears(LocalDate start, LocalDate asOf) {
        return Ratios.divide(BigDecimal.valueOf(relationshipMonths(start, asOf)), TWELVE);
    }

    /** Completed months from the start to the as-of date; 0 for a start after it. */
    static long relationshipMonths(LocalDate start, LocalDate asOf) {
        return start.isAfter(asOf) ? 0 : ChronoUnit.MONTHS.between(start, asOf);
    }

    public BigDecimal input(FactorInput input) {
        return inputs.get(input);
    }
}
