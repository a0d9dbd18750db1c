package dev.kpikit.runner.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.RenderRequest;
import dev.kpikit.runner.engine.SharedEngine;

/**
 * The XLSX of the four scenario reports and the key-account review in all six languages, and the consultancy
 * scoring workbook, as a reader sees them: printed by LibreOffice Calc (all files in one soffice run) every page's
 * median word (its box from pdftotext -bbox) is at least 7 pt high, as the PDF reports' 8 pt text; and on screen,
 * read back with POI, every text either fits its column or wraps, and the columns before the first long text fit a
 * 1,366-pixel-wide screen at 100 %. Skipped where soffice or pdftotext is missing, except in CI (KPIKIT_CI set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedXlsxTest {

    static final List<String> REPORTS = List.of("startup", "consultancy", "agency", "restaurant", "key-account-review");
    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.ITALIAN,
            Locale.forLanguageTag("nb"), Locale.FRENCH, Locale.forLanguageTag("es"));
    static final double MIN_MEDIAN_WORD_POINTS = 7;
    /** 1,366 px less Excel's row headers and scroll bar (about 60 px), at 0.75 pt a pixel. */
    static final double SCREEN_POINTS = (1366 - 60) * 0.75;

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">");

    private Path temp;
    private final List<Path> workbooks = new ArrayList<>();
    private final Map<String, String> timings = new TreeMap<>();

    @BeforeAll
    void renderEveryWorkbook(@TempDir Path folder) throws Exception {
        temp = folder;
        long start = System.nanoTime();
        for (String report : REPORTS) {
            String data = report.equals("key-account-review") ? "startup" : report;
            for (Locale locale : LOCALES) {
                String name = report + "_" + locale.getLanguage();
                SharedEngine.get().render(new RenderRequest(SharedEngine.template(report + ".rptdesign"),
                        Map.of("dataFolder", SharedEngine.sampleData(data).toString()), List.of(OutputFormat.XLSX),
                        temp.resolve("xlsx"), locale, name));
                workbooks.add(temp.resolve("xlsx").resolve(name + ".xlsx"));
            }
        }
        workbooks.add(Workbooks.write(SharedEngine.sampleData("consultancy"), null, temp.resolve("xlsx/scoring-workbook.xlsx")));
        timings.put("render", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
    }

    @Test
    void everyPrintedPageHasAMedianWordOfAtLeastSevenPoints() throws Exception {
        Path soffice = LibreOfficeRecalcTest.soffice();
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (soffice == null || !Files.isExecutable(pdftotext)) {
            if (System.getenv("KPIKIT_CI") != null) {
                fail("KPIKIT_CI is set but soffice or pdftotext is missing: .ci/run installs libreoffice-calc and poppler-utils");
            }
            Assumptions.abort("soffice (LibreOffice) or pdftotext (poppler-utils) is not installed");
        }
        Path pdfs = temp.resolve("pdf");
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + temp.resolve("lo-profile").toUri(), "--headless", "--norestore", "--nologo",
                "--convert-to", "pdf", "--outdir", pdfs.toString()));
        workbooks.forEach(workbook -> command.add(workbook.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temp.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("soffice did not finish in 600 s");
        }
        timings.put("soffice", String.format(Locale.ROOT, "%.1f s for %d workbooks", (System.nanoTime() - start) / 1e9, workbooks.size()));
        List<String> illegible = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Path workbook : workbooks) {
            String name = workbook.getFileName().toString().replace(".xlsx", "");
            Path pdf = pdfs.resolve(name + ".pdf");
            assertTrue(Files.isRegularFile(pdf), name + ": soffice wrote no PDF: " + Files.readString(temp.resolve("soffice.log")));
            Path bbox = temp.resolve(name + ".html");
            Process text = new ProcessBuilder(pdftotext.toString(), "-bbox", pdf.toString(), bbox.toString()).redirectErrorStream(true).start();
            assertTrue(text.waitFor(60, TimeUnit.SECONDS) && text.exitValue() == 0, name + ": pdftotext failed");
            List<Double> medians = medianWordHeights(Files.readString(bbox));
            report.append(name).append(' ').append(medians).append('\n');
            for (int page = 0; page < medians.size(); page++) {
                if (medians.get(page) < MIN_MEDIAN_WORD_POINTS) {
                    illegible.add(name + " page " + (page + 1) + ": median word " + medians.get(page) + " pt");
                }
            }
        }
        System.out.println("PrintedXlsxTest " + timings + "\n" + report);
        assertEquals(List.of(), illegible, "pages printed below " + MIN_MEDIAN_WORD_POINTS + " pt");
    }

    /** Per page of pdftotext -bbox output, the median height of its word boxes in points (pages without words: none). */
    static List<Double> medianWordHeights(String html) {
        List<Double> medians = new ArrayList<>();
        Matcher page = PAGE.matcher(html);
        while (page.find()) {
            List<Double> heights = new ArrayList<>();
            Matcher word = WORD.matcher(page.group(3));
            while (word.find()) {
                heights.add(Double.parseDouble(word.group(4)) - Double.parseDouble(word.group(2)));
            }
            if (!heights.isEmpty()) {
                heights.sort(null);
                double median = heights.size() % 2 == 1 ? heights.get(heights.size() / 2)
                        : (heights.get(heights.size() / 2 - 1) + heights.get(heights.size() / 2)) / 2;
                medians.add(Math.round(median * 10) / 10.0);
            }
        }
        return medians;
    }

    @Test
    void onScreenEveryTextFitsItsColumnOrWraps() throws Exception {
        List<String> cut = new ArrayList<>();
        for (Path file : workbooks) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                    XSSFSheet sheet = workbook.getSheetAt(index);
                    String where = file.getFileName() + " '" + sheet.getSheetName() + "'";
                    double screen = 0;
                    int column = 0;
                    for (; column <= lastColumn(sheet) && screen + widthPoints(sheet, column) <= SCREEN_POINTS; column++) {
                        screen += widthPoints(sheet, column);
                    }
                    for (Row row : sheet) {
                        if (row.getRowNum() > 40) {
                            break; // the first screenful and then some
                        }
                        for (Cell cell : row) {
                            String text = PrintLayout.text(cell);
                            if (text.isEmpty() || ((XSSFCellStyle) cell.getCellStyle()).getWrapText()) {
                                continue;
                            }
                            double room = room(sheet, cell);
                            double needed = PrintLayout.longestLine(text, PrintLayout.font(cell));
                            if (needed > room + 1) {
                                cut.add(where + " " + cell.getAddress() + ": '" + text + "' needs " + Math.round(needed)
                                        + " pt, has " + Math.round(room) + " and does not wrap");
                            }
                        }
                    }
                    if (column <= lastColumn(sheet) && sheet.getPaneInformation() == null) {
                        cut.add(where + ": columns beyond the screen and none frozen to scroll against");
                    }
                }
            }
        }
        assertEquals(List.of(), cut);
    }

    @Test
    void picturesStayInsideTheirCells() throws Exception {
        List<String> outside = new ArrayList<>();
        int pictures = 0;
        for (Path file : workbooks) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                    XSSFSheet sheet = workbook.getSheetAt(index);
                    if (sheet.getDrawingPatriarch() == null) {
                        continue;
                    }
                    for (var anchor : sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray()) {
                        if (anchor.getPic() == null) {
                            continue;
                        }
                        pictures++;
                        var from = anchor.getFrom();
                        var to = anchor.getTo();
                        String where = file.getFileName() + " '" + sheet.getSheetName() + "' picture at "
                                + new org.apache.poi.ss.util.CellReference(from.getRow(), from.getCol()).formatAsString();
                        double width = (Long.parseLong(String.valueOf(to.getColOff())) - Long.parseLong(String.valueOf(from.getColOff()))) / 12700.0;
                        boolean oneCell = anchor.isSetEditAs()
                                && anchor.getEditAs() == org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.STEditAs.ONE_CELL;
                        if (!oneCell || from.getCol() != to.getCol() || from.getRow() != to.getRow()
                                || width > widthPoints(sheet, from.getCol())) {
                            outside.add(where + ": " + Math.round(width) + " pt wide in a column of "
                                    + Math.round(widthPoints(sheet, from.getCol())) + (oneCell ? "" : ", not anchored to one cell"));
                        }
                    }
                }
            }
        }
        assertTrue(pictures >= 30 * 10, pictures + " pictures");
        assertEquals(List.of(), outside, "pictures move with their cell and fit its column");
    }

    private static int lastColumn(XSSFSheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        return last;
    }

    private static double widthPoints(XSSFSheet sheet, int column) {
        return sheet.getColumnWidth(column) / 256.0 * PrintLayout.POINTS_PER_CHARACTER;
    }

    /** The width a cell's text has: its column, or its merged region's columns, less the cell's padding. */
    private static double room(XSSFSheet sheet, Cell cell) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(cell)) {
                double width = 0;
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    width += widthPoints(sheet, c);
                }
                return width - PrintLayout.CELL_PADDING;
            }
        }
        double width = widthPoints(sheet, cell.getColumnIndex());
        // a text with empty neighbours to its right may run on into them, as in Excel; numbers never do
        if (cell.getCellType() == CellType.STRING) {
            Row row = cell.getRow();
            for (int c = cell.getColumnIndex() + 1; c <= lastColumn(sheet); c++) {
                Cell next = row.getCell(c);
                if (next != null && !PrintLayout.text(next).isEmpty()) {
                    break;
                }
                width += widthPoints(sheet, c);
            }
        }
        return width - PrintLayout.CELL_PADDING;
    }
}
