package dev.kpikit.scoring;

import java.math.BigDecimal;

/**
 * What one factor gave an account.
 *
 * @param value      the raw input; null when missing
 * @param normalised the 0..1 value that was weighted (imputed when missing); null when the factor was excluded
 * @param points     contribution to the score in points, to the cent; the points of all factors add up to the score
 * @param outOf      top of the factor's scale, for "5/5" in explanations; null when unknown
 */
public record FactorScore(String factorId, FactorInput input, BigDecimal value, BigDecimal normalised,
                          BigDecimal points, BigDecimal outOf) {
}
