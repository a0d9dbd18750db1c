package dev.kpikit.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One dated measurement, such as the revenue of an invoice. The value may be missing (null). */
public record DatedValue(LocalDate date, BigDecimal value) {
}
