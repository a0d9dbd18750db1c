package dev.kpikit.runner.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.pdfbox.Loader;
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

    /** PDF text with runs of white space as one space. */
    static String flatText(Path pdf) throws IOException {
        return Outputs.pdfText(pdf).replaceAll("\\s+", " ");
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
    }

    /** Images drawn on the pages (bullets, contribution bars, charts and the logo), counted page by page. */
    static int pdfImages(Path pdf) throws IOException {
        int images = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
        }
        return images;
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
