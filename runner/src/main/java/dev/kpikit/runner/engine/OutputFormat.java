package dev.kpikit.runner.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats kpikit renders, named as BIRT's emitters know them. */
public enum OutputFormat {
    PDF("pdf"), XLSX("xlsx"), HTML("html");

    private final String emitterFormat;

    OutputFormat(String emitterFormat) {
        this.emitterFormat = emitterFormat;
    }

    public String emitterFormat() {
        return emitterFormat;
    }

    public String extension() {
        return emitterFormat;
    }

    public static OutputFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.emitterFormat.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(f -> f.emitterFormat).collect(Collectors.joining(", "))));
    }
}
