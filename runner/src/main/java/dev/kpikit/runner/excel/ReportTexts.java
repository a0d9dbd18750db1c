package dev.kpikit.runner.excel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.kpikit.kpi.Grain;
import dev.kpikit.kpi.Status;
import dev.kpikit.runner.excel.ScoringLayout.Text;
import dev.kpikit.scoring.TierRule;

/**
 * The texts the reports show, from their own files (report-templates/i18n/kpikit*.properties, which the runner's build
 * copies into its jar): what the scoring workbook says (its sheet names, headings, notes and a KPI's status) as the
 * reports say it, in the same words and the same language.
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

    /** A sheet's name, a column's heading or a note, as written in the file. */
    String text(Text text) {
        return bundle.getString(text.key());
    }

    /** A text with its arguments ({@code {0} points}), the file's words a {@link MessageFormat} pattern. */
    String text(Text text, Object... arguments) {
        return new MessageFormat(bundle.getString(text.key()), bundle.getLocale()).format(arguments);
    }

    /** A KPI's status as the reports show it ({@code common.status.<NAME>}: On target, ...); empty for none. */
    String status(Status status) {
        return status == null ? "" : bundle.getString("common.status." + status.name());
    }

    /** A KPI period's length (the English file keeps the code: MONTH, QUARTER, YEAR). */
    String grain(Grain grain) {
        return bundle.getString("workbook.grain." + grain.name());
    }

    /** What a tier rule does, by its type in the model file ({@code maxTierBelowShare}, ...). */
    String meaning(TierRule rule) {
        return bundle.getString("workbook.rules.meaning." + rule.type());
    }
}
