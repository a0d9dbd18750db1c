package dev.kpikit.runner.excel;

import java.util.Locale;
import java.util.ResourceBundle;

import dev.kpikit.kpi.Status;

/**
 * The texts the reports show, from their own files (report-templates/i18n/kpikit*.properties, which the runner's build
 * copies into its jar): what the scoring workbook says as the reports say it, in the same words.
 */
final class ReportTexts {

    /** Where runner/pom.xml copies report-templates/i18n. */
    private static final String BUNDLE = "dev.kpikit.runner.excel.reports.kpikit";

    private final ResourceBundle bundle;

    /** The texts in {@code language}; English for a language the reports have none in (never the JVM's locale). */
    ReportTexts(Locale language) {
        bundle = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A KPI's status as the reports show it ({@code common.status.<NAME>}: On target, ...); empty for none. */
    String status(Status status) {
        return status == null ? "" : bundle.getString("common.status." + status.name());
    }
}
