package dev.kpikit.runner.excel;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lays out every sheet of a workbook for reading on screen and on paper at full size, instead of squeezing it
 * onto one page wide (which printed 2 to 4 pt words):
 * <ul>
 * <li>each column as wide as its longest value, within {@link #MIN_COLUMN} and {@link #MAX_COLUMN} points, never
 * narrower than a picture anchored in it; a longer text wraps inside its column, its row as tall as the lines;</li>
 * <li>a text alone on its row outside a data table (a title, a section note) spans the table's columns (merged
 * there, never inside a data table) and wraps in that width;</li>
 * <li>printed at 100 %: portrait when the columns fit A4 and Letter portrait, else landscape; a sheet wider
 * than landscape spans several pages wide with its frozen columns (rank, account) repeated on each, and the
 * frozen rows repeated on each page down.</li>
 * </ul>
 * Pictures keep their one-cell anchors, so they move with their cells when rows grow.
 */
public final class PrintLayout {

    /** Points of one unit of Excel's column width (a digit of the default 11 pt font, 7 px at 96 dpi). */
    static final double POINTS_PER_CHARACTER = 5.25;
    /**
     * The same unit where the default font (Calibri) is missing and its stand-in has wider digits, as LibreOffice
     * with DejaVu Sans (7 pt): the paper decisions assume it, so a sheet fits the page wherever it is printed.
     */
    static final double WIDEST_POINTS_PER_CHARACTER = 7;
    static final double MIN_COLUMN = 24;
    static final double MAX_COLUMN = 216;
    /** Padding Excel and LibreOffice keep inside a cell, left and right together. */
    static final double CELL_PADDING = 7;
    /** The narrower of A4 (595 x 842 pt) and Letter (612 x 792 pt), each way. */
    static final double PAPER_PORTRAIT_WIDTH = 595, PAPER_LANDSCAPE_WIDTH = 792;
    private static final FontRenderContext RENDER = new FontRenderContext(new AffineTransform(), true, true);
    private static final DataFormatter FORMATTER = new DataFormatter();

    private PrintLayout() {
    }

    /** Rewrites the workbook {@code from} laid out into {@code to}. */
    public static void copyLaidOut(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            layOut(workbook);
            try (OutputStream out = Files.newOutputStream(to)) {
                workbook.write(out);
            }
        }
    }

    public static void layOut(XSSFWorkbook workbook) {
        Map<Integer, XSSFCellStyle> wrapped = new HashMap<>();
        for (Sheet sheet : workbook) {
            layOut((XSSFSheet) sheet, wrapped);
        }
    }

    private static void layOut(XSSFSheet sheet, Map<Integer, XSSFCellStyle> wrapped) {
        PaneInformation pane = sheet.getPaneInformation();
        int frozenRows = pane != null && pane.isFreezePane() ? pane.getHorizontalSplitPosition() : 0;
        int frozenColumns = pane != null && pane.isFreezePane() ? pane.getVerticalSplitPosition() : 0;
        int lastColumn = 0;
        for (Row row : sheet) {
            lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
        }
        double[] pictures = pictureWidths(sheet, lastColumn);
        lastColumn = Math.max(lastColumn, pictures.length - 1);
        int tableStart = frozenRows > 0 ? frozenRows - 1 : firstRowOfSeveralValues(sheet);
        List<Cell> spanning = new ArrayList<>();
        double[] natural = new double[lastColumn + 1];
        for (Row row : sheet) {
            Cell alone = aloneOnItsRow(row);
            if (alone != null && row.getRowNum() < tableStart && lastColumn > 0) {
                spanning.add(alone);
                continue;
            }
            for (Cell cell : row) {
                String text = text(cell);
                if (!text.isEmpty()) {
                    natural[cell.getColumnIndex()] = Math.max(natural[cell.getColumnIndex()],
                            longestLine(text, font(cell)) + CELL_PADDING);
                }
            }
        }
        double[] widths = new double[lastColumn + 1];
        for (int column = 0; column <= lastColumn; column++) {
            double picture = column < pictures.length ? pictures[column] : 0;
            widths[column] = Math.max(picture + CELL_PADDING, Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, natural[column])));
            sheet.setColumnWidth(column, (int) Math.round(widths[column] / POINTS_PER_CHARACTER * 256));
        }
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = text(cell);
                double width = widths[cell.getColumnIndex()] - CELL_PADDING;
                if (spanning.contains(cell) || text.isEmpty() || cell.getCellType() == CellType.NUMERIC
                        || longestLine(text, font(cell)) <= width) {
                    continue;
                }
                wrap(cell, wrapped, lines(text, font(cell), width));
            }
        }
        double tableWidth = 0;
        for (double width : widths) {
            tableWidth += width;
        }
        for (Cell cell : spanning) {
            String text = text(cell);
            Font font = font(cell);
            if (longestLine(text, font) + CELL_PADDING > widths[0]) {
                sheet.addMergedRegion(new CellRangeAddress(cell.getRowIndex(), cell.getRowIndex(), 0, lastColumn));
                wrap(cell, wrapped, lines(text, font, Math.min(tableWidth, PAPER_LANDSCAPE_WIDTH - 72) - CELL_PADDING));
            }
        }
        printAtFullSize(sheet, tableWidth * WIDEST_POINTS_PER_CHARACTER / POINTS_PER_CHARACTER, frozenRows, frozenColumns);
    }

    private static void printAtFullSize(XSSFSheet sheet, double tableWidth, int frozenRows, int frozenColumns) {
        double margins = (sheet.getMargin(Sheet.LeftMargin) + sheet.getMargin(Sheet.RightMargin)) * 72;
        boolean landscape = tableWidth > PAPER_PORTRAIT_WIDTH - margins;
        sheet.setFitToPage(false);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(landscape);
        print.setScale((short) 100);
        print.setFitWidth((short) 0);
        print.setFitHeight((short) 0);
        if (frozenRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, frozenRows - 1, -1, -1));
        }
        if (tableWidth > PAPER_LANDSCAPE_WIDTH - margins && frozenColumns > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, frozenColumns - 1));
        }
    }

    private static void wrap(Cell cell, Map<Integer, XSSFCellStyle> wrapped, int lines) {
        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
        XSSFCellStyle wrapping = wrapped.computeIfAbsent((int) style.getIndex(), index -> {
            XSSFCellStyle copy = (XSSFCellStyle) cell.getSheet().getWorkbook().createCellStyle();
            copy.cloneStyleFrom(style);
            copy.setWrapText(true);
            return copy;
        });
        cell.setCellStyle(wrapping);
        Row row = cell.getRow();
        float needed = (float) (lines * lineHeight(style.getFont()) + 4);
        if (row.getHeightInPoints() < needed) {
            row.setHeightInPoints(needed);
        }
    }

    /** The first row with two values or more (a table's header), or past the last row when there is none. */
    private static int firstRowOfSeveralValues(Sheet sheet) {
        for (Row row : sheet) {
            int values = 0;
            for (Cell cell : row) {
                values += text(cell).isEmpty() ? 0 : 1;
            }
            if (values >= 2) {
                return row.getRowNum();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The one non-blank cell of a row, if it is a text in the first column; null otherwise. */
    private static Cell aloneOnItsRow(Row row) {
        Cell alone = null;
        for (Cell cell : row) {
            if (text(cell).isEmpty()) {
                continue;
            }
            if (alone != null || cell.getColumnIndex() != 0 || cell.getCellType() != CellType.STRING) {
                return null;
            }
            alone = cell;
        }
        return alone;
    }

    /** Widths in points of the pictures anchored in each column (a picture spanning columns counts in its first). */
    private static double[] pictureWidths(XSSFSheet sheet, int lastColumn) {
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing == null) {
            return new double[0];
        }
        double[] widths = new double[lastColumn + 1];
        for (XSSFShape shape : drawing.getShapes()) {
            if (shape instanceof XSSFPicture picture && picture.getAnchor() instanceof XSSFClientAnchor anchor
                    && anchor.getCol1() == anchor.getCol2()) {
                if (anchor.getCol1() >= widths.length) {
                    widths = java.util.Arrays.copyOf(widths, anchor.getCol1() + 1);
                }
                double points = (anchor.getDx2() - anchor.getDx1()) / 12700.0; // EMU per point
                widths[anchor.getCol1()] = Math.max(widths[anchor.getCol1()], points);
            }
        }
        return widths;
    }

    static String text(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC, BOOLEAN -> FORMATTER.formatCellValue(cell);
            case FORMULA -> cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? FORMATTER.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString())
                    : cell.getCachedFormulaResultType() == CellType.STRING ? cell.getStringCellValue() : "";
            default -> "";
        };
    }

    /** The AWT font closest to the cell's: same size and weight; a family AWT lacks measures as its sans serif. */
    static Font font(Cell cell) {
        XSSFFont font = ((XSSFCellStyle) cell.getCellStyle()).getFont();
        return new Font(font.getFontName() == null ? Font.SANS_SERIF : font.getFontName(),
                font.getBold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) font.getFontHeightInPoints());
    }

    static double lineHeight(XSSFFont font) {
        return font.getFontHeightInPoints() * 1.3;
    }

    static double width(String text, Font font) {
        return font.getStringBounds(text, RENDER).getWidth();
    }

    static double longestLine(String text, Font font) {
        double longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, width(line, font));
        }
        return longest;
    }

    /** Lines the text takes when wrapped at spaces into the width (a word longer than the width takes its own). */
    static int lines(String text, Font font, double width) {
        int lines = 0;
        double space = width(" ", font);
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ")) {
                double w = width(word, font);
                if (used > 0 && used + space + w > width) {
                    lines++;
                    used = w;
                } else {
                    used += (used > 0 ? space : 0) + w;
                }
            }
        }
        return Math.max(1, lines);
    }
}
