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

    /** The header's format, and the one {@link CsvRecords} writes the rows in (a test holds the two to the same bytes). */
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

    /** The rows of one part as CSV records in UTF-8 ({@link CsvRecords}); text that looks like a formula neutralised unless raw. */
    private static byte[] csv(TableReader part, boolean raw) throws IOException, DataFormatException {
        try (TableReader rows = part) {
            CsvRecords records = new CsvRecords(ROWS_PER_PART * 512);
            int columns = rows.columns().size();
            while (rows.next()) {
                for (int i = 0; i < columns; i++) {
                    // tests of the type, not a switch on it: such a switch calls a bootstrap method for every cell
                    // with the quick compiler score runs with (a tenth of the time of writing the cells)
                    Object value = rows.value(i);
                    if (value == null) {
                        records.blank();
                    } else if (value instanceof String text) {
                        records.text(raw ? text : Injection.neutralised(text));
                    } else if (value instanceof BigDecimal decimal) {
                        records.decimal(decimal);
                    } else if (value instanceof Long number) {
                        records.number(number);
                    } else {
                        records.text(value.toString()); // a date or a flag
                    }
                }
                records.endRecord();
            }
            return records.toByteArray();
        }
    }

    private static void json(TableReader rows, JsonGenerator json) throws IOException, DataFormatException {
        List<Column> columns = rows.columns();
        while (rows.next()) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                Object value = rows.value(i); // tested by type as in csv
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof BigDecimal decimal) {
                    json.writeNumber(decimal);
                } else if (value instanceof Long number) {
                    json.writeNumber(number);
                } else if (value instanceof Boolean flag) {
                    json.writeBoolean(flag);
                } else {
                    json.writeString(value.toString());
                }
            }
            json.writeEndObject();
        }
    }
}
