package dev.kpikit.runner.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.kpikit.data.Column;
import dev.kpikit.data.DataFormatException;
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

    /**
     * A buffer for the CSV printer, which writes each cell as a part of a String: {@link Writer#append(CharSequence,
     * int, int)} copies the part into a new String first; this writes it from where it is.
     */
    private static final class CellWriter extends BufferedWriter {
        CellWriter(Writer out) {
            super(out, 1 << 16);
        }

        @Override
        public Writer append(CharSequence text, int start, int end) throws IOException {
            if (text instanceof String string) {
                write(string, start, end - start);
                return this;
            }
            return super.append(text, start, end);
        }
    }

    /**
     * Writes every row; numbers keep all their digits, dates are ISO, blanks are empty (CSV) or null (JSON). In CSV a
     * text that a spreadsheet would run as a formula gets a leading {@code '} ({@link Injection}), unless {@code raw}.
     */
    void write(TableReader table, OutputStream out, boolean raw) throws IOException, DataFormatException {
        List<Column> columns = table.columns();
        if (this == CSV) {
            // buffered: unbuffered, the encoder ran for each cell and its separator (a tenth of `kpikit score`)
            Writer writer = new CellWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            printer.printRecord(columns.stream().map(Column::name).toList());
            Object[] cells = new Object[columns.size()];
            while (table.next()) {
                for (int i = 0; i < cells.length; i++) {
                    Object value = table.value(i);
                    cells[i] = switch (value) {
                        case BigDecimal decimal -> decimal.toPlainString();
                        case String text when !raw -> Injection.neutralised(text);
                        case null, default -> value;
                    };
                }
                printer.printRecord(cells);
            }
            printer.flush();
            return;
        }
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartArray();
        while (table.next()) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                Object value = table.value(i);
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
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }
}
