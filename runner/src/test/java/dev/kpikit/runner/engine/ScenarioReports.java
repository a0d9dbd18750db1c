package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.TreeMap;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the scenario report tests share: the six locales, the template texts, PDF images and fonts, XLSX cells. */
final class ScenarioReports {

    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.ITALIAN,
            Locale.forLanguageTag("nb"), Locale.FRENCH, Locale.forLanguageTag("es"));
    static final List<String> SECTIONS = List.of("common.section.headline", "common.section.keyAccounts",
            "common.section.revenue", "common.section.trends");

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

    /** Renders the design to PDF and XLSX in every locale: {@code out/<language>/<baseName>.pdf|xlsx}. */
    static void renderAllLocales(String design, Map<String, String> parameters, Path out) throws Exception {
        for (Locale locale : LOCALES) {
            SharedEngine.get().render(new RenderRequest(SharedEngine.template(design), parameters,
                    List.of(OutputFormat.PDF, OutputFormat.XLSX), out.resolve(locale.getLanguage()), locale,
                    RenderRequest.baseNameOf(SharedEngine.template(design))));
        }
    }

    /** The template texts of report-templates/i18n in that locale, English where a key is missing. */
    static Properties texts(Locale locale) throws IOException {
        Properties english = load("kpikit.properties");
        Properties texts = new Properties(english);
        if (!locale.getLanguage().equals("en")) {
            texts.putAll(load("kpikit_" + locale.getLanguage() + ".properties"));
        }
        return texts;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(SharedEngine.home().resolve("report-templates/i18n").resolve(file))) {
            properties.load(in); // ISO-8859-1 with \\u escapes, as BIRT reads them
        }
        return properties;
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

    /** PDF text with runs of white space as one space. */
    static String flatText(Path pdf) throws IOException {
        return flat(Outputs.pdfText(pdf));
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
    }

    /** Image XObjects drawn on the pages (inside forms too), each page's resources counted once. */
    static int pdfImages(Path pdf) throws IOException {
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

    /**
     * A scenario PDF in one language as a reader checks it: the texts of the keys are shown, each section key is a
     * bookmark, the pages are within the range, there are at least so many images (bullets, bars, charts) and every
     * font is embedded.
     */
    static void assertLocalizedPdf(Path pdf, Locale locale, List<String> textKeys, List<String> sectionKeys, int minPages,
            int maxPages, int minImages) throws IOException {
        Properties texts = texts(locale);
        String text = flatText(pdf);
        for (String key : textKeys) {
            assertContains(text, texts.getProperty(key));
        }
        List<String> bookmarks = bookmarks(pdf);
        for (String key : sectionKeys) {
            assertTrue(bookmarks.contains(texts.getProperty(key)), locale + ": no bookmark '" + texts.getProperty(key) + "' in " + bookmarks);
        }
        int pages = Outputs.pdfPages(pdf);
        assertTrue(pages >= minPages && pages <= maxPages, locale + ": " + pages + " pages");
        int images = pdfImages(pdf);
        assertTrue(images >= minImages, locale + ": " + images + " images");
        assertEquals(List.of(), notEmbeddedFonts(pdf), locale + ": fonts not embedded");
    }

    /** The titles of the PDF's bookmarks (outline), depth first. */
    static List<String> bookmarks(Path pdf) throws IOException {
        List<String> titles = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                collect(outline.children(), titles);
            }
        }
        return titles;
    }

    private static void collect(Iterable<PDOutlineItem> items, List<String> titles) {
        for (PDOutlineItem item : items) {
            titles.add(item.getTitle());
            collect(item.children(), titles);
        }
    }

    /** The fonts of the pages that are not embedded (empty when all are). */
    static List<String> notEmbeddedFonts(Path pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (!font.isEmbedded()) {
                        missing.add(font.getName());
                    }
                }
            }
        }
        return missing;
    }

    static String format(String pattern, double value, Locale locale) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    /** The first cell after the one showing {@code text}, on any sheet. */
    static Optional<Cell> cellAfter(Workbook workbook, String text, int offset) {
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (text.equals(formatter.formatCellValue(cell).trim())) {
                        return Optional.ofNullable(row.getCell(cell.getColumnIndex() + offset));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static double numeric(Optional<Cell> cell, String what) {
        Cell found = cell.orElseThrow(() -> new AssertionError("no cell for " + what));
        assertTrue(found.getCellType() == CellType.NUMERIC, what + " is a " + found.getCellType() + " cell: " + found);
        return found.getNumericCellValue();
    }
}
