package dev.kpikit.scoring;

import java.math.BigDecimal;

/** A named band of scores: every score at or above {@code minScore} and below the next tier up. */
public record Tier(String name, BigDecimal minScore) {
}
