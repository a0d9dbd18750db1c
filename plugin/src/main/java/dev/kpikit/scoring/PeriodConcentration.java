package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Revenue concentration of one period. Shares are fractions of the period's revenue, null
 * when it is zero.
 *
 * @param end      the period's last day, or the as-of date for the period that contains it
 * @param accounts number of accounts with revenue rows in the period
 */
public record PeriodConcentration(LocalDate start, LocalDate end, BigDecimal revenue, int accounts, BigDecimal hhi,
                                  ConcentrationBand band, BigDecimal topOneShare, int topN, BigDecimal topNShare) {
}
