package dev.kpikit.runner.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.kpikit.data.Column;
import dev.kpikit.data.DataFormatException;
import dev.kpikit.data.PartsAhead;
import dev.kpikit.data.TableParts;
import dev.kpikit.data.TableReader;
import dev.kpikit.runner.excel.Injection;

/** Writes any kpikit table, row by row, as CSV (header first) or as a JSON array of objects. */
enum TableOutput {
    CSV, JSON;

    static TableOutput parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "'; expected csv or json");
        }
    }

    /** Rows a part of the table holds: a few MB of text, formatted on one core while the others format theirs. */
    static final int ROWS_PER_PART = 4096;

    static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /**
     * Writes every row; numbers keep all their digits, dates are ISO, blanks are empty (CSV) or null (JSON). In CSV a
     * text that a spreadsheet would run as a formula gets a leading {@code '} ({@link Injection}), unless {@code raw}.
     * CSV parts are formatted on every core at once and written in order.
     */
    void write(TableParts table, OutputStream out, boolean raw) throws IOException, DataFormatException {
        List<Column> columns = table.columns();
        if (this == CSV) {
            StringBuilder header = new StringBuilder();
            CSV_FORMAT.printRecord(header, columns.stream().map(Column::name).toArray());
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            // parts formatted on every core at once, written in order
            try (PartsAhead<byte[]> parts = new PartsAhead<>(table.count(), part -> csv(table.part().apply(part), raw))) {
                for (byte[] part = parts.next(); part != null; part = parts.next()) {
                    out.write(part);
                }
            }
            out.flush();
            return;
        }
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartArray();
        for (int part = 0; part < table.count(); part++) {
            try (TableReader rows = table.part().apply(part)) {
                json(rows, json);
            }
        }
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }

    /**
     * The rows of one part as CSV records in UTF-8. Text the format would quote goes through it; other text, and every
     * number, date or flag (its text starts with a digit, a sign or a letter and holds no delimiter, quote or line
     * break), is written as it is: the format's checks cost as much as the rest of the cell. Each part has its own
     * format: the format's printing is synchronized, and a shared one lets one core print at a time.
     */
    private static byte[] csv(TableReader part, boolean raw) throws IOException, DataFormatException {
        try (TableReader rows = part) {
            return csv(rows, CSV_FORMAT.builder().get(), raw);
        }
    }

    private static byte[] csv(TableReader rows, CSVFormat format, boolean raw) throws IOException, DataFormatException {
        StringBuilder text = new StringBuilder(ROWS_PER_PART * 512);
        PlainDecimal decimals = new PlainDecimal();
        int columns = rows.columns().size();
        String delimiter = format.getDelimiterString();
        while (rows.next()) {
            for (int i = 0; i < columns; i++) {
                Object value = rows.value(i);
                if (value instanceof String string) {
                    String cell = raw ? string : Injection.neutralised(string);
                    if (i > 0 && needsNoQuotes(cell)) {
                        text.append(delimiter).append(cell);
                    } else {
                        format.print(cell, text, i == 0);
                    }
                } else if (value == null) {
                    format.print(null, text, i == 0);
                } else {
                    // a number, date or flag: never quoted, not even first in its record
                    if (i > 0) {
                        text.append(delimiter);
                    }
                    switch (value) {
                        case BigDecimal decimal -> decimals.append(text, decimal);
                        case Long number -> text.append(number.longValue());
                        default -> text.append(value);
                    }
                }
            }
            format.println(text);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the CSV format writes this text, not first in its record, as it is: most texts of a table (ids, names,
     * tiers) are, and the format's own checks cost as much as the rest of the cell. Its minimal quoting leaves a text
     * unquoted when it is empty or starts after {@code #}, ends after a space, and holds no delimiter, quote or line
     * break; a test holds the two to the same answer.
     */
    static boolean needsNoQuotes(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        if (text.charAt(0) <= '#' || text.charAt(length - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static void json(TableReader rows, JsonGenerator json) throws IOException, DataFormatException {
        List<Column> columns = rows.columns();
        while (rows.next()) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                Object value = rows.value(i);
                switch (value) {
                    case null -> json.writeNull();
                    case BigDecimal decimal -> json.writeNumber(decimal);
                    case Long number -> json.writeNumber(number);
                    case Boolean flag -> json.writeBoolean(flag);
                    default -> json.writeString(value.toString());
                }
            }
            json.writeEndObject();
        }
    }
}
