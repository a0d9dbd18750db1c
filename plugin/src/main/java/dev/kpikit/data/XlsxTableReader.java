package dev.kpikit.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Streams one sheet of an Excel .xlsx workbook as a table: the first non-blank row names the
 * columns, blank rows are skipped. The sheet is parsed with POI's event API on a background
 * thread that hands rows over through a small queue, so a large sheet is never held in memory.
 * Cells are read by value, not as displayed: numbers as Excel holds them, to its 15 significant
 * digits (a percentage is 0.15), date-formatted numbers as dates. Types are inferred as for CSV from the first rows, which are
 * kept and served first. {@link #rowNumber()} is the sheet's own row number.
 */
public final class XlsxTableReader extends CurrentRowReader {

    private final SheetRows rows;
    private final List<Column> columns;
    private final Deque<Row> sample;
    private Row row;

    /** How POI's sheet handler writes an error cell: "ERROR:" and the error code. */
    private static final String ERROR_CELL = "ERROR:#";

    private XlsxTableReader(SheetRows rows, List<Column> columns, Deque<Row> sample) {
        this.rows = rows;
        this.columns = columns;
        this.sample = sample;
    }

    /** Opens the first sheet of a workbook, with inferred column types. */
    public static XlsxTableReader open(Path file) throws IOException, DataFormatException {
        return open(file, null, TableOptions.defaults());
    }

    /**
     * Opens a sheet of a workbook and types its columns.
     *
     * @param sheetName the sheet's name (ignoring case), or null for the first sheet
     * @throws java.nio.file.NoSuchFileException naming the full path when the file is missing
     * @throws DataFormatException               when the file is no .xlsx workbook, has no such
     *                                           sheet or the sheet has no header row
     */
    public static XlsxTableReader open(Path file, String sheetName, TableOptions options)
            throws IOException, DataFormatException {
        DataFiles.requireExists(file);
        String fileName = DataFiles.name(file);
        SheetRows rows = SheetRows.open(file, fileName, sheetName);
        try {
            Row header = rows.next();
            if (header == null) {
                throw new DataFormatException(rows.source + " is empty; its first row must name the columns",
                        rows.source, 0, null);
            }
            List<String> names = Schema.names(header.cells().subList(0, header.width()), rows.source);
            Deque<Row> sample = new ArrayDeque<>();
            Row next;
            while (sample.size() < options.inferenceRows() && (next = rows.next()) != null) {
                sample.add(next);
            }
            List<Column> columns = Schema.columns(rows.source, names, options.declaredTypes(),
                    sample.stream().map(Row::cells).toList(), CellText.DOT_DECIMALS);
            return new XlsxTableReader(rows, columns, sample);
        } catch (DataFormatException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws DataFormatException {
        row = sample.isEmpty() ? rows.next() : sample.poll();
        current(null);
        if (row == null) {
            return false;
        }
        for (int i = columns.size(); i < row.width(); i++) {
            String cell = row.cell(i);
            if (!CellText.isBlank(cell)) {
                String where = source() + ", row " + row.number() + ", cell " + reference(i);
                throw new DataFormatException(where + ": " + DataFormatException.unexpected(
                        "no value right of the header's last column " + column(columns.size() - 1), cell),
                        source(), row.number(), null);
            }
        }
        Object[] parsed = new Object[columns.size()];
        for (int i = 0; i < parsed.length; i++) {
            Column column = columns.get(i);
            String cell = row.cell(i);
            if (cell != null && cell.startsWith(ERROR_CELL)) {
                // POI gives error cells (#DIV/0!, #N/A, #REF!...) as text: never a value, whatever the column
                throw new DataFormatException(source() + ", row " + row.number() + ", column '" + column.name() + "' (" + reference(i)
                        + "): the cell shows the Excel error " + cell.substring(ERROR_CELL.length() - 1)
                        + "; correct its formula or clear the cell", source(), row.number(), column.name());
            }
            try {
                parsed[i] = CellText.DOT_DECIMALS.parse(row.cell(i), column.type());
            } catch (IllegalArgumentException e) {
                String where = source() + ", row " + row.number() + ", column '" + column.name() + "' (" + reference(i) + ")";
                throw new DataFormatException(where + ": " + DataFormatException.unexpected(column.type().description(),
                        row.cell(i)), source(), row.number(), column.name());
            }
        }
        current(parsed);
        return true;
    }

    private static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** The A1 reference of a cell of the current row. */
    private String reference(int index) {
        return column(index) + row.number();
    }

    /** The file and sheet, such as {@code book.xlsx, sheet 'Revenue'}. */
    @Override
    public String source() {
        return rows.source;
    }

    @Override
    public long rowNumber() {
        return row == null ? 0 : row.number();
    }

    @Override
    public void close() {
        rows.close();
    }

    /**
     * A non-blank row: its 1-based number in the sheet and its cells as text, by column index
     * (null where the sheet has no cell).
     */
    private record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        /** The number of cells up to the last non-blank one. */
        int width() {
            int width = cells.size();
            while (width > 0 && CellText.isBlank(cells.get(width - 1))) {
                width--;
            }
            return width;
        }
    }

    /**
     * The non-blank rows of one sheet. POI's event parser pushes rows while a reader pulls
     * them, so the parser runs on its own thread and waits while the queue is full.
     */
    private static final class SheetRows implements SheetContentsHandler, AutoCloseable {

        private static final Object END = new Object();
        private static final int QUEUE_SIZE = 256;

        private final OPCPackage workbook;
        private final String source;
        /** Rows, then END or the exception that stopped the parser. */
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
        private Thread parser;
        private List<String> cells;
        private boolean ended;

        private SheetRows(OPCPackage workbook, String source) {
            this.workbook = workbook;
            this.source = source;
        }

        static SheetRows open(Path file, String fileName, String sheetName) throws IOException, DataFormatException {
            requireZip(file, fileName);
            OPCPackage workbook;
            try {
                workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            } catch (OpenXML4JException | UnsupportedFileFormatException e) {
                throw notAWorkbook(fileName, e);
            } catch (LinkageError e) {
                throw packedWithoutCodec(fileName, e);
            }
            try {
                XSSFReader reader = new XSSFReader(workbook);
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                List<String> names = new ArrayList<>();
                while (sheets.hasNext()) {
                    InputStream sheet = sheets.next();
                    String name = sheets.getSheetName();
                    if (sheetName == null || name.equalsIgnoreCase(sheetName)) {
                        SheetRows rows = new SheetRows(workbook, fileName + ", sheet '" + name + "'");
                        rows.start(reader, sheet);
                        return rows;
                    }
                    sheet.close();
                    names.add("'" + name + "'");
                }
                String wanted = sheetName == null ? "no sheet" : "no sheet '" + sheetName + "'; its sheets are " + String.join(", ", names);
                throw new DataFormatException(fileName + " has " + wanted, fileName, 0, null);
            } catch (OpenXML4JException | SAXException | XmlException | IllegalArgumentException | POIXMLException
                    | InvalidOperationException | ZipException | EOFException e) {
                // a zip that holds no workbook, or a damaged one, as POI and java.util.zip say it (POI's runtime
                // exceptions, an IllegalArgumentException for a relationship to an outside URI...): found by fuzzing
                workbook.revert();
                throw notAWorkbook(fileName, e);
            } catch (LinkageError e) {
                workbook.revert();
                throw packedWithoutCodec(fileName, e);
            } catch (IOException | DataFormatException | RuntimeException e) {
                workbook.revert();
                throw e;
            }
        }

        private static final byte[] ZIP = {'P', 'K', 3, 4};
        private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

        /**
         * An .xlsx file is a zip archive. Anything else (a CSV or an old .xls renamed), or a zip that
         * Excel did not write, is refused here, before POI, which would log a warning of its own about
         * the broken zip (falling back to stream processing) and then fail.
         */
        private static void requireZip(Path file, String fileName) throws IOException, DataFormatException {
            byte[] start = new byte[4];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(start, 0, start.length);
            }
            if (read != start.length || !Arrays.equals(start, ZIP)) {
                String what = read == start.length && Arrays.equals(start, OLE2)
                        ? "it is an old Excel 97-2003 (.xls) workbook; save it as .xlsx"
                        : read == 0 ? "the file is empty" : "an .xlsx file is a zip archive and this file is not one";
                throw new DataFormatException(fileName + " is not an Excel .xlsx workbook: " + what, fileName, 0, null);
            }
            // Excel stores or deflates; another method (Zstandard, XZ...) would make commons-compress look for a
            // library kpikit does not ship (found by fuzzing), and a zip the JDK cannot read is damaged
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    int method = entries.nextElement().getMethod();
                    if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                        throw new DataFormatException(fileName + " cannot be read as an Excel .xlsx workbook: it is packed with zip method "
                                + method + ", which Excel does not use; save it again from Excel", fileName, 0, null);
                    }
                }
            } catch (ZipException | EOFException e) {
                throw new DataFormatException(fileName + " cannot be read as an Excel .xlsx workbook: the file is damaged"
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; save it again from Excel", fileName, 0, null, e);
            }
        }

        /**
         * commons-compress loads the codec of a zip method other than deflate (Zstandard, XZ...) when it meets one,
         * from a library kpikit does not ship: its absence is a file Excel did not write (found by fuzzing).
         */
        private static DataFormatException packedWithoutCodec(String fileName, LinkageError e) {
            return new DataFormatException(fileName + " cannot be read as an Excel .xlsx workbook: it is packed with a zip method"
                    + " Excel does not use; save it again from Excel", fileName, 0, null, e);
        }

        private static DataFormatException notAWorkbook(String fileName, Exception e) {
            return new DataFormatException(fileName + " cannot be read as an Excel .xlsx workbook: " + reason(e),
                    fileName, 0, null, e);
        }

        /** POI's reason, said for a user (its zip bomb guard explains itself in a paragraph naming its own classes). */
        private static String reason(Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb detected")) {
                return "a part of the workbook unpacks to more than 100 times its packed size (a zip bomb?); kpikit does not unpack it";
            }
            if (message.contains("no core document found")) {
                return "the zip file holds no workbook";
            }
            if (e instanceof ZipException || e instanceof EOFException) {
                return "the file is damaged (" + message.lines().findFirst().orElse("").strip() + "); save it again from Excel";
            }
            return message.lines().findFirst().orElse("").strip();
        }

        private void start(XSSFReader reader, InputStream sheet)
                throws IOException, OpenXML4JException, SAXException, XmlException {
            ValueFormatter values = new ValueFormatter(isDate1904(reader));
            XMLReader xml;
            try {
                xml = XMLHelper.newXMLReader();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("no XML parser is available to read " + source, e);
            }
            // POI's own handler logs a broken sheet, stack trace and all, before the parser gives up: the
            // reader says it once, in its refusal (found by fuzzing)
            xml.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not an error
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                    new ReadOnlySharedStringsTable(workbook, false), this, values, false));
            parser = Thread.ofPlatform().daemon().name("kpikit " + source).start(() -> parse(xml, sheet));
        }

        /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
        private static boolean isDate1904(XSSFReader reader) throws IOException, OpenXML4JException, XmlException {
            try (InputStream in = reader.getWorkbookData()) {
                CTWorkbookPr properties = WorkbookDocument.Factory.parse(in).getWorkbook().getWorkbookPr();
                return properties != null && properties.getDate1904();
            }
        }

        private void parse(XMLReader xml, InputStream sheet) {
            try (sheet) {
                xml.parse(new InputSource(sheet));
                hand(END);
            } catch (Stopped e) {
                // the reader was closed: nobody wants the rest
            } catch (Exception | Error e) {
                // an Error too: the reader waits for this thread's last word, and must not wait forever
                try {
                    hand(e);
                } catch (Stopped stopped) {
                    // the reader was closed meanwhile
                }
            }
        }

        /** Puts an item in the queue, waiting while it is full. */
        private void hand(Object item) {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /** The next non-blank row, or null after the last one. */
        Row next() throws DataFormatException {
            if (ended) {
                return null;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(source + ": interrupted while reading", e);
            }
            if (item instanceof Row row) {
                return row;
            }
            ended = true;
            if (item instanceof Exception e) {
                throw new DataFormatException(source + ": the sheet cannot be read: " + reason(e), source, 0, null, e);
            }
            if (item instanceof LinkageError e) {
                throw packedWithoutCodec(source, e);
            }
            if (item instanceof Error e) {
                throw e;
            }
            return null;
        }

        @Override
        public void startRow(int rowIndex) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String text, XSSFComment comment) {
            // Some writers leave out references: the cell then follows the previous one.
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, text);
        }

        @Override
        public void endRow(int rowIndex) {
            if (cells.stream().anyMatch(text -> !CellText.isBlank(text))) {
                hand(new Row(rowIndex + 1, cells));
            }
        }

        @Override
        public void close() {
            if (parser != null) {
                parser.interrupt();
                try {
                    parser.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            workbook.revert();
        }

        /** Unwinds the parser thread when the reader is closed early. */
        private static final class Stopped extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
    }

    /**
     * Gives a numeric cell's value rather than its display: dates as yyyy-MM-dd (with the time
     * when there is one), other numbers in full, so that types and values are exact.
     */
    private static final class ValueFormatter extends DataFormatter {

        private static final MathContext EXCEL_PRECISION = new MathContext(15);

        private final boolean date1904;

        ValueFormatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904);
                return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString() : dateTime.toString();
            }
            // Excel shows and computes with 15 significant digits: 0.1 + 0.2 is 0.3, not 0.30000000000000004
            return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }
    }
}
