package dev.kpikit.runner.mail;

import java.math.BigDecimal;

/** One headline KPI of a delivery: its label, the value as the report formats it, and the number (null when blank). */
public record Headline(String name, String label, String text, BigDecimal value) {
}
