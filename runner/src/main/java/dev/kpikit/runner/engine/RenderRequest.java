package dev.kpikit.runner.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kpikit.data.CsvReading;

/**
 * What to render: a report design with its parameters (as text, converted to the types the
 * design declares), into one file per format named {@code <baseName>.<ext>} in outDir; {@code reading} says how the
 * kpikit data source reads the data folder's CSV tables where the design's data source does not say.
 */
public record RenderRequest(Path design, Map<String, String> parameters, List<OutputFormat> formats, Path outDir,
        Locale locale, String baseName, CsvReading reading) {

    /** The report parameter that names the data folder in kpikit's templates (their data source's dataFolder). */
    public static final String DATA_FOLDER_PARAMETER = "dataFolder";

    public RenderRequest {
        parameters = Map.copyOf(parameters);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format given");
        }
        reading = reading == null ? CsvReading.DEFAULT : reading;
    }

    /** A request whose CSV tables are read as UTF-8, the decimal separator decided from each file. */
    public RenderRequest(Path design, Map<String, String> parameters, List<OutputFormat> formats, Path outDir,
            Locale locale, String baseName) {
        this(design, parameters, formats, outDir, locale, baseName, CsvReading.DEFAULT);
    }

    /** The design's file name without .rptdesign, the usual name of its outputs. */
    public static String baseNameOf(Path design) {
        return design.getFileName().toString().replaceFirst("\\.rptdesign$", "");
    }
}
