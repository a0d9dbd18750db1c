package dev.kpikit.server.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.birt.report.engine.api.IGetParameterDefinitionTask;
import org.eclipse.birt.report.engine.api.IParameterSelectionChoice;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IScalarParameterDefn;

import dev.kpikit.runner.engine.ReportDesignFile;
import dev.kpikit.runner.engine.ReportFailedException;

/** A report parameter as the form shows it: type, default, choices, required, prompt and help text of the design. */
public record ReportParameter(String name, String type, String prompt, String help, boolean required,
        String defaultValue, List<Choice> choices) {

    public record Choice(String value, String label) {
    }

    /** The HTML input type for the parameter's data type. */
    public String inputType() {
        return switch (type) {
            case "date" -> "date";
            case "number", "integer" -> "text";
            default -> "text";
        };
    }

    public boolean hasChoices() {
        return !choices.isEmpty();
    }

    /** The visible parameters of a design, in the design's order, texts in {@code locale}. */
    /**
     * @throws ReportFailedException naming the file, line and column when it is no report design (cut off, not XML), as
     *         the command line says it; BIRT's own refusal was a stack trace in the log and a 500
     */
    public static List<ReportParameter> of(IReportEngine engine, String design, Locale locale)
            throws EngineException, ReportFailedException {
        ReportDesignFile.require(java.nio.file.Path.of(design), design);
        IReportRunnable runnable = engine.openReportDesign(design);
        IGetParameterDefinitionTask task = engine.createGetParameterDefinitionTask(runnable);
        try {
            task.setLocale(locale);
            List<ReportParameter> parameters = new ArrayList<>();
            for (Object defn : (Collection<?>) task.getParameterDefns(false)) {
                if (!(defn instanceof IScalarParameterDefn scalar) || scalar.isHidden()) {
                    continue;
                }
                Object value = task.getDefaultValue(scalar);
                List<Choice> choices = new ArrayList<>();
                Collection<?> list = scalar.getControlType() == IScalarParameterDefn.LIST_BOX
                        || scalar.getControlType() == IScalarParameterDefn.RADIO_BUTTON
                        ? task.getSelectionList(scalar.getName()) : null;
                if (list != null) {
                    for (Object item : list) {
                        if (item instanceof IParameterSelectionChoice choice && choice.getValue() != null) {
                            String v = String.valueOf(choice.getValue());
                            choices.add(new Choice(v, choice.getLabel() == null ? v : choice.getLabel()));
                        }
                    }
                }
                parameters.add(new ReportParameter(scalar.getName(), typeName(scalar.getDataType()),
                        blankTo(scalar.getPromptText(), scalar.getName()), blankTo(scalar.getHelpText(), ""),
                        scalar.isRequired(), value == null ? "" : String.valueOf(value), List.copyOf(choices)));
            }
            return parameters;
        } finally {
            task.close();
        }
    }

    private static String blankTo(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String typeName(int dataType) {
        return switch (dataType) {
            case IScalarParameterDefn.TYPE_DECIMAL, IScalarParameterDefn.TYPE_FLOAT -> "number";
            case IScalarParameterDefn.TYPE_INTEGER -> "integer";
            case IScalarParameterDefn.TYPE_BOOLEAN -> "boolean";
            case IScalarParameterDefn.TYPE_DATE, IScalarParameterDefn.TYPE_DATE_TIME -> "date";
            default -> "text";
        };
    }
}
