package dev.kpikit.runner.engine;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What the scenario report tests (consultancy, restaurant) share: the six locales, the texts
 * of the i18n files, the KPI rules of a catalog written out independently of kpikit's classes,
 * and reading PDFs for images and fonts.
 */
final class ScenarioReports {

    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.ITALIAN,
            Locale.forLanguageTag("nb"), Locale.FRENCH, Locale.forLanguageTag("es"));

    /** id, English label, target, amber band (absolute), higher is better, the catalog's pattern, dead band. */
    record Kpi(String id, String label, double target, double band, boolean higherIsBetter, String pattern, double deadBand) {

        String status(double value) {
            double shortfall = higherIsBetter ? target - value : value - target;
            return shortfall <= 0 ? "GREEN" : shortfall <= band ? "AMBER" : "RED";
        }

        String trend(double value, double previous) {
            double change = (value - previous) / Math.abs(previous);
            return Math.abs(change) <= deadBand ? "flat" : change > 0 ? "up" : "down";
        }
    }

    private ScenarioReports() {
    }

    /** The texts of report-templates/i18n/kpikit[_lang].properties, English under the others. */
    static Properties texts(Locale locale) throws IOException {
        Properties english = load("kpikit.properties");
        if (locale.getLanguage().equals("en")) {
            return english;
        }
        Properties texts = new Properties(english);
        texts.putAll(load("kpikit_" + locale.getLanguage() + ".properties"));
        return texts;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(SharedEngine.template("i18n").resolve(file), StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    static String format(String pattern, double value, Locale locale) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    /** A CSV's columns summed by month (yyyy-MM of the first column), BigDecimal, header names as keys. */
    static TreeMap<String, Map<String, BigDecimal>> monthlySums(Path csv, List<String> columns) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        TreeMap<String, Map<String, BigDecimal>> sums = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, BigDecimal> month = sums.computeIfAbsent(cells[0].substring(0, 7), m -> new TreeMap<>());
            for (String column : columns) {
                String cell = cells[header.indexOf(column)];
                month.merge(column, cell.isBlank() ? BigDecimal.ZERO : new BigDecimal(cell), BigDecimal::add);
            }
        }
        return sums;
    }

    /** Text with every run of white space as one space, so wrapped cells do not matter. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** Image XObjects drawn on the pages (inside forms too), each page's resources counted once. */
    static int images(Path pdf) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                count += images(page.getResources(), 0);
            }
        }
        return count;
    }

    private static int images(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 5) {
            return 0;
        }
        int count = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                count++;
            } else if (object instanceof PDFormXObject form) {
                count += images(form.getResources(), depth + 1);
            }
        }
        return count;
    }

    /** The fonts of the pages that are not embedded (empty when all are). */
    static List<String> fontsNotEmbedded(Path pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
        }
        return missing;
    }
}
