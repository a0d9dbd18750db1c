package dev.kpikit.runner.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to render: a report design with its parameters (as text, converted to the types the
 * design declares), into one file per format named {@code <baseName>.<ext>} in outDir.
 */
public record RenderRequest(Path design, Map<String, String> parameters, List<OutputFormat> formats, Path outDir,
        Locale locale, String baseName) {

    /** The report parameter that names the data folder in kpikit's templates (their data source's dataFolder). */
    public static final String DATA_FOLDER_PARAMETER = "dataFolder";

    public RenderRequest {
        parameters = Map.copyOf(parameters);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format given");
        }
    }

    /** The design's file name without .rptdesign, the usual name of its outputs. */
    public static String baseNameOf(Path design) {
        return design.getFileName().toString().replaceFirst("\\.rptdesign$", "");
    }
}
