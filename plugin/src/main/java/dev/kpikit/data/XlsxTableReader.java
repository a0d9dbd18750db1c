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
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;


import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbookPr;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.SAXException;

/**
 * Streams one sheet of an Excel .xlsx workbook as a table: the first non-blank row names the
 * columns, blank rows are skipped. The sheet's XML is pulled with StAX, a row at a time, on the
 * reader's own thread (shared strings and styles come from POI), so a large sheet is never held in memory.
 * Cells are read by value, not as displayed: numbers as Excel holds them, to its 15 significant
 * digits (a percentage is 0.15), date-formatted numbers as dates. Types are inferred as for CSV from the first rows, which are
 * kept and served first. {@link #rowNumber()} is the sheet's own row number.
 */
public final class XlsxTableReader extends CurrentRowReader {

    private final SheetRows rows;
    private final List<Column> columns;
    private final Deque<Row> sample;
    private Row row;

    /** How an error cell is read: "ERROR:" and the error code, such as "ERROR:#N/A". */
    private static final String ERROR_PREFIX = "ERROR:";
    /** A number in a cell is a number; only a text cell can hold "12,5", and a workbook has no separator to read it by. */
    private static final DataFormatException.Decimals DECIMALS = new DataFormatException.Decimals('.',
            found -> "the cell holds text, not a number: enter it as a number in Excel");

    private final List<TextRow> firstRows;

    private XlsxTableReader(SheetRows rows, List<Column> columns, Deque<Row> sample) {
        this.rows = rows;
        this.columns = columns;
        this.sample = sample;
        this.firstRows = TextRow.first(sample.stream().map(Row::cells).toList(), sample.stream().map(Row::number).toList());
    }

    @Override
    public List<TextRow> firstRows() {
        return firstRows;
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
            if (cell != null && cell.startsWith(ERROR_PREFIX + "#")) {
                // error cells (#DIV/0!, #N/A, #REF!...) come as text: never a value, whatever the column
                throw new DataFormatException(source() + ", row " + row.number() + ", column '" + column.name() + "' (" + reference(i)
                        + "): the cell shows the Excel error " + cell.substring(ERROR_PREFIX.length())
                        + "; correct its formula or clear the cell", source(), row.number(), column.name());
            }
            try {
                parsed[i] = CellText.DOT_DECIMALS.parse(row.cell(i), column.type());
            } catch (IllegalArgumentException e) {
                String where = source() + ", row " + row.number() + ", column '" + column.name() + "' (" + reference(i) + ")";
                throw new DataFormatException(where + ": " + DataFormatException.unexpected(column.type().description(),
                        row.cell(i), DECIMALS, column.name()), source(), row.number(), column.name());
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
     * The non-blank rows of one sheet, pulled from its XML as the reader asks for them. A cell is read as POI's
     * event API ({@code XSSFSheetXMLHandler}) reads it without formulas: elements outside SpreadsheetML's
     * namespace are ignored, a cell without {@code <v>} (or inline {@code <is>}) has no value, shared strings
     * by index, booleans as TRUE/FALSE, errors as "ERROR:" and the code, numbers (and numeric formula results)
     * through their cell style's number format, rows and cells without references following the previous one.
     */
    private static final class SheetRows implements AutoCloseable {

        private static final XMLInputFactory XML = hardenedFactory();

        /**
         * How large a part of a workbook may unpack before POI's zip bomb guard looks at its ratio: POI refuses a part
         * that unpacks to more than 100 times its packed size from 100 kB on, and workbooks written by reporting tools
         * and exporters repeat themselves that much: one cell format per cell makes a styles part of 720 identical
         * formats unpack from 1 kB to 129 kB, refused as a zip bomb. A part of up to 16 MB (Excel's 64,000 cell formats
         * fit) threatens no memory, whatever its ratio; beyond, the guard holds. POI keeps the setting for the JVM: it
         * is only ever raised to this.
         */
        static final long UNGUARDED_PART_BYTES = 16L << 20;

        static {
            try {
                if (ZipSecureFile.getGraceEntrySize() < UNGUARDED_PART_BYTES) {
                    ZipSecureFile.setGraceEntrySize(UNGUARDED_PART_BYTES);
                }
            } catch (LinkageError e) {
                // an older POI (a Designer's own bundle) without the setting keeps its guard as it is
            }
        }

        private final OPCPackage workbook;
        private final String source;
        private final InputStream sheet;
        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        private final ValueFormatter values;
        /** Created on the first row asked for, so that a sheet that is no XML is refused as its rows are. */
        private XMLStreamReader xml;
        private boolean ended;

        // where the pull has got to: the row and the cell being read
        private List<String> cells;
        private int rowIndex;
        private int nextRowIndex;
        private CellKind kind = CellKind.NUMBER;
        private String cellReference;
        private short formatIndex;
        private String formatString;
        private final StringBuilder value = new StringBuilder(64);
        private boolean inValue;
        private boolean inInlineString;

        /** What a cell holds, from its {@code t} attribute and whether it has a formula. */
        private enum CellKind { BOOLEAN, ERROR, FORMULA, INLINE_STRING, SHARED_STRING, NUMBER }

        private SheetRows(OPCPackage workbook, String source, InputStream sheet, StylesTable styles,
                          ReadOnlySharedStringsTable strings, ValueFormatter values) {
            this.workbook = workbook;
            this.source = source;
            this.sheet = sheet;
            this.styles = styles;
            this.strings = strings;
            this.values = values;
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
                        try {
                            return new SheetRows(workbook, fileName + ", sheet '" + name + "'", sheet,
                                    reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook, false),
                                    new ValueFormatter(isDate1904(reader)));
                        } catch (Exception | LinkageError e) {
                            sheet.close();
                            throw e;
                        }
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
            } catch (IOException e) {
                workbook.revert();
                if (isZipBomb(e)) {
                    throw notAWorkbook(fileName, e); // POI's guard, reading the shared strings or styles
                }
                throw e;
            } catch (DataFormatException | RuntimeException e) {
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

        private static boolean isZipBomb(Exception e) {
            return String.valueOf(e.getMessage()).contains("Zip bomb detected");
        }

        /** POI's reason, said for a user (its zip bomb guard explains itself in a paragraph naming its own classes). */
        private static String reason(Exception e) {
            if (e instanceof XMLStreamException parse && parse.getNestedException() instanceof Exception cause) {
                return reason(cause); // what the sheet's stream threw (a zip bomb, a damaged entry), through StAX
            }
            String message = String.valueOf(e.getMessage());
            if (e instanceof XMLStreamException) {
                // "ParseError at [row,col]:[1,20]" then "Message: " and what is wrong
                message = message.lines().filter(line -> line.startsWith("Message: ")).findFirst()
                        .map(line -> line.substring("Message: ".length())).orElse(message);
            }
            if (isZipBomb(e)) {
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

        /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
        private static boolean isDate1904(XSSFReader reader) throws IOException, OpenXML4JException, XmlException {
            try (InputStream in = reader.getWorkbookData()) {
                CTWorkbookPr properties = WorkbookDocument.Factory.parse(in).getWorkbook().getWorkbookPr();
                return properties != null && properties.getDate1904();
            }
        }

        /**
         * The StAX factory for sheets: no DTD (Excel never writes one), so no entities but XML's own and nothing
         * fetched from outside; namespaces on, to tell SpreadsheetML's elements from others.
         */
        private static XMLInputFactory hardenedFactory() {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        }

        /** The next non-blank row, or null after the last one. */
        Row next() throws DataFormatException {
            if (ended) {
                return null;
            }
            try {
                if (xml == null) {
                    xml = XML.createXMLStreamReader(sheet);
                }
                while (xml.hasNext()) {
                    Row row = switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            start();
                            yield null;
                        }
                        case XMLStreamConstants.END_ELEMENT -> end();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (inValue) {
                                value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            }
                            yield null;
                        }
                        case XMLStreamConstants.DTD -> throw new XMLStreamException(
                                "it declares a DTD, which Excel never writes", xml.getLocation());
                        default -> null;
                    };
                    if (row != null) {
                        return row;
                    }
                }
                ended = true;
                return null;
            } catch (XMLStreamException | RuntimeException e) {
                ended = true;
                throw new DataFormatException(source + ": the sheet cannot be read: " + reason(e), source, 0, null, e);
            } catch (LinkageError e) {
                ended = true;
                throw packedWithoutCodec(source, e);
            }
        }

        private boolean isSpreadsheetMl() {
            return XSSFRelation.NS_SPREADSHEETML.equals(xml.getNamespaceURI());
        }

        /** {@code <v>}, or {@code <t>} inside an inline string: an element whose text is the cell's value. */
        private boolean holdsValue(String element) {
            return element.equals("v") || element.equals("inlineStr") || element.equals("t") && inInlineString;
        }

        private void start() {
            if (!isSpreadsheetMl()) {
                return;
            }
            String element = xml.getLocalName();
            if (holdsValue(element)) {
                inValue = true;
                if (!inInlineString) {
                    value.setLength(0);
                }
            } else if (element.equals("is")) {
                inInlineString = true;
            } else if (element.equals("f")) {
                kind = kind == CellKind.NUMBER ? CellKind.FORMULA : kind;
            } else if (element.equals("row")) {
                String number = xml.getAttributeValue(null, "r");
                rowIndex = number == null ? nextRowIndex : Integer.parseInt(number.trim()) - 1;
                cells = new ArrayList<>();
            } else if (element.equals("c")) {
                startCell();
            }
        }

        private void startCell() {
            formatIndex = -1;
            formatString = null;
            cellReference = xml.getAttributeValue(null, "r");
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            kind = switch (type == null ? "" : type) {
                case "b" -> CellKind.BOOLEAN;
                case "e" -> CellKind.ERROR;
                case "inlineStr" -> CellKind.INLINE_STRING;
                case "s" -> CellKind.SHARED_STRING;
                case "str" -> CellKind.FORMULA;
                default -> CellKind.NUMBER;
            };
            if (kind == CellKind.NUMBER && styles != null) {
                // a number: its style's format tells a date from a number; no style is the workbook's first
                XSSFCellStyle cellStyle = style != null ? styles.getStyleAt(Integer.parseInt(style.trim()))
                        : styles.getNumCellStyles() > 0 ? styles.getStyleAt(0) : null;
                if (cellStyle != null) {
                    formatIndex = cellStyle.getDataFormat();
                    formatString = cellStyle.getDataFormatString();
                    if (formatString == null) {
                        formatString = BuiltinFormats.getBuiltinFormat(formatIndex);
                    }
                }
            }
        }

        /** The row when this element ends a non-blank one, else null. */
        private Row end() {
            if (!isSpreadsheetMl()) {
                return null;
            }
            String element = xml.getLocalName();
            if (holdsValue(element)) {
                inValue = false;
                if (!inInlineString) {
                    cell(text());
                    value.setLength(0);
                }
            } else if (element.equals("is")) {
                inInlineString = false;
                cell(text());
                value.setLength(0);
            } else if (element.equals("row")) {
                nextRowIndex = rowIndex + 1;
                if (cells.stream().anyMatch(text -> !CellText.isBlank(text))) {
                    return new Row(rowIndex + 1, cells);
                }
            }
            return null;
        }

        /** The cell's value as text, from what its kind says and its value element holds. */
        private String text() {
            return switch (kind) {
                case BOOLEAN -> value.charAt(0) == '0' ? "FALSE" : "TRUE";
                case ERROR -> ERROR_PREFIX + value;
                case FORMULA -> formatString == null ? value.toString() : formatted(value.toString());
                case INLINE_STRING -> new XSSFRichTextString(value.toString()).toString();
                case SHARED_STRING -> sharedString(value.toString().trim());
                case NUMBER -> formatString == null || value.isEmpty() ? value.toString() : formatted(value.toString());
            };
        }

        /** A number through its format (a date as a date), or as it is when it is no number. */
        private String formatted(String number) {
            try {
                return values.format(Double.parseDouble(number.trim()), formatIndex, formatString);
            } catch (RuntimeException e) {
                return number;
            }
        }

        /** The shared string at an index; null for no index or one that is no number. */
        private String sharedString(String index) {
            if (index.isEmpty()) {
                return null;
            }
            int at;
            try {
                at = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                return null;
            }
            return strings.getItemAt(at).toString();
        }

        private void cell(String text) {
            // Some writers leave out references: the cell then follows the previous one.
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, text);
        }

        @Override
        public void close() {
            try {
                if (xml != null) {
                    xml.close();
                }
                sheet.close();
            } catch (XMLStreamException | IOException e) {
                // nothing more is read from it
            } finally {
                workbook.revert();
            }
        }
    }

    /**
     * Gives a numeric cell's value rather than its display: dates as yyyy-MM-dd (with the time
     * when there is one), other numbers in full, so that types and values are exact. A whole number whose format only
     * pads it with zeros ({@code 000}, {@code 00000}: Excel's way of keeping an account number's leading zeros) is
     * read as shown, {@code 007}: a code, as a CSV table writes it.
     */
    private static final class ValueFormatter {

        private static final MathContext EXCEL_PRECISION = new MathContext(15);

        private final boolean date1904;

        ValueFormatter(boolean date1904) {
            this.date1904 = date1904;
        }

        /** A format of two or more zeros and nothing else. */
        private static boolean isZeroPadding(String formatString) {
            return formatString != null && formatString.length() >= 2 && formatString.chars().allMatch(c -> c == '0');
        }

        String format(double value, int formatIndex, String formatString) {
            if (isZeroPadding(formatString) && value == Math.rint(value) && Math.abs(value) < 1e15) {
                // a code such as an account number, entered as 7 and shown as 007 by the format 000: read as shown,
                // else it is not the 007 another table writes
                String digits = Long.toString(Math.abs((long) value));
                return (value < 0 ? "-" : "") + "0".repeat(Math.max(0, formatString.length() - digits.length())) + digits;
            }
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904);
                return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString() : dateTime.toString();
            }
            // Excel shows and computes with 15 significant digits: 0.1 + 0.2 is 0.3, not 0.30000000000000004
            return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }
    }
}
