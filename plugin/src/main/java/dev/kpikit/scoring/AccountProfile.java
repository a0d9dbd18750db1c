package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the account table: identity and the qualitative judgements of the account
 * team. Any judgement may be null when nobody has given it.
 */
public record AccountProfile(String id, String name, String segment, BigDecimal strategicValue,
                             BigDecimal growthPotential, BigDecimal engagement, BigDecimal satisfaction,
                             LocalDate relationshipStart) {

    /** A profile with identity only, for an account that has revenue but no row in the account table. */
    public static AccountProfile unknown(String id) {
        return new AccountProfile(id, id, null, null, null, null, null, null);
    }
}
