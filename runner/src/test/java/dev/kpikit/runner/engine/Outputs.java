package dev.kpikit.runner.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads rendered files back the way a user's tools would: PDFBox for PDF, POI for XLSX. */
public final class Outputs {

    private Outputs() {
    }

    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static int pdfPages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    public static Workbook xlsx(Path file) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The first row of the sheet whose cells include one showing {@code text}. */
    public static Optional<Row> rowWith(Sheet sheet, String text) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text.equals(formatter.formatCellValue(cell).trim())) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }
}
