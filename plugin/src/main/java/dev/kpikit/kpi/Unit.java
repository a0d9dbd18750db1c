package dev.kpikit.kpi;

/** What a KPI value measures, so a report can format and label it. */
public enum Unit {
    /** A fraction shown as a percentage: 0.25 is 25 %. */
    PERCENT,
    /** An amount of money in the report's currency. */
    CURRENCY,
    /** A plain number. */
    NUMBER,
    /** A whole count of things. */
    COUNT,
    /** One quantity per another, such as 4.2 (return on ad spend). */
    RATIO,
    DAYS,
    HOURS
}
