package dev.kpikit.data;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import dev.kpikit.kpi.JsonProblems;

/**
 * Streams a JSON file holding an array of flat objects, one object per row:
 * {@code [{"account_id": 1, "amount": 12.50}, ...]}. The columns are the fields of the first
 * objects (those read to infer types), in the order they first appear, plus any declared ones;
 * a field an object lacks is null. Numbers are read exactly; strings are typed like CSV cells,
 * so {@code "2024-01-31"} makes a DATE. {@link #rowNumber()} is the object's position in the array.
 */
public final class JsonTableReader extends CurrentRowReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** JSON numbers have a decimal point: text such as "12,5" is not one. */
    private static final DataFormatException.Decimals DECIMALS = new DataFormatException.Decimals('.',
            found -> "a JSON number has a decimal point and no quotes: write " + found.replace(',', '.'));

    private final JsonObjects objects;
    private final List<Column> columns;
    private final Map<String, Integer> indexByField;

    private JsonTableReader(JsonObjects objects, List<Column> columns, Map<String, Integer> indexByField) {
        this.objects = objects;
        this.columns = columns;
        this.indexByField = indexByField;
    }

    public static JsonTableReader open(Path file) throws IOException, DataFormatException {
        return open(file, TableOptions.defaults());
    }

    /**
     * Opens a JSON table and types its columns.
     *
     * @throws java.nio.file.NoSuchFileException naming the full path when the file is missing
     * @throws DataFormatException               when the file is not an array of flat objects
     */
    public static JsonTableReader open(Path file, TableOptions options) throws IOException, DataFormatException {
        String source = DataFiles.name(file);
        List<Map<String, Field>> sample = new ArrayList<>();
        try (JsonObjects objects = JsonObjects.open(file, source)) {
            Map<String, Field> object;
            while (sample.size() < options.inferenceRows() && (object = objects.next()) != null) {
                sample.add(object);
            }
        }
        List<String> fields = fieldsOf(sample, options.declaredTypes().keySet());
        List<List<String>> sampleCells = sample.stream()
                .map(object -> fields.stream().map(name -> object.containsKey(name) ? object.get(name).text() : null).toList())
                .toList();
        List<Column> columns = Schema.columns(source, Schema.names(fields, source), options.declaredTypes(), sampleCells,
                CellText.DOT_DECIMALS);
        Map<String, Integer> indexByField = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            indexByField.put(fields.get(i), i);
        }
        // A second pass streams the rows, so that a large file is never held in memory.
        return new JsonTableReader(JsonObjects.open(file, source), columns, Map.copyOf(indexByField));
    }

    /** The sample's fields in order of appearance, then declared fields none of them has. */
    private static List<String> fieldsOf(List<Map<String, Field>> sample, Iterable<String> declared) {
        SequencedSet<String> fields = new LinkedHashSet<>();
        sample.forEach(object -> fields.addAll(object.keySet()));
        for (String name : declared) {
            if (fields.stream().noneMatch(name::equalsIgnoreCase)) {
                fields.add(name);
            }
        }
        return List.copyOf(fields);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws DataFormatException {
        Map<String, Field> object = objects.next();
        if (object == null) {
            current(null);
            return false;
        }
        Object[] values = new Object[columns.size()];
        for (Map.Entry<String, Field> entry : object.entrySet()) {
            Field field = entry.getValue();
            Integer index = indexByField.get(entry.getKey());
            if (index == null) {
                throw objects.problem(field.location(), entry.getKey(), "the field is in none of the first objects, "
                        + "which set the columns (" + Schema.list(columns) + "); declare its type to read it");
            }
            ColumnType type = columns.get(index).type();
            try {
                values[index] = CellText.DOT_DECIMALS.parse(field.text(), type);
            } catch (IllegalArgumentException e) {
                throw objects.problem(field.location(), entry.getKey(),
                        DataFormatException.unexpected(type.description(), field.text(), DECIMALS, entry.getKey()));
            }
        }
        current(values);
        return true;
    }

    @Override
    public String source() {
        return objects.source;
    }

    @Override
    public String rowWord() {
        return "element";
    }

    @Override
    public long rowNumber() {
        return objects.count;
    }

    @Override
    public void close() {
        objects.close();
    }

    /** A field's value as text (null for JSON null) and where it is, for messages. */
    private record Field(String text, JsonLocation location) {
    }

    /** The objects of a JSON array, read one at a time. */
    private static final class JsonObjects implements AutoCloseable {

        /** The most digits a number may have before, and after, its decimal point. */
        private static final int MAX_DIGITS = 40;

        private final JsonParser parser;
        private final Path file;
        private final String source;
        /** How many objects have been read. */
        private long count;
        /** Whether the array's end, and nothing after it, has been read. */
        private boolean ended;

        private JsonObjects(JsonParser parser, Path file, String source) {
            this.parser = parser;
            this.file = file;
            this.source = source;
        }

        static JsonObjects open(Path file, String source) throws IOException, DataFormatException {
            DataFiles.requireExists(file);
            JsonParser parser;
            try {
                parser = JSON.createParser(file.toFile());
            } catch (CharConversionException e) {
                throw notUtf8(source, e); // Jackson guesses the encoding from the first bytes (found by fuzzing)
            }
            JsonObjects objects = new JsonObjects(parser, file, source);
            try {
                JsonToken first = objects.token();
                if (first != JsonToken.START_ARRAY) {
                    throw objects.problem(objects.parser.currentTokenLocation(), null,
                            "expected a JSON array of objects, found " + describe(first));
                }
                return objects;
            } catch (DataFormatException | RuntimeException e) {
                objects.close();
                throw e;
            }
        }

        /** The next object's fields in file order, or null after the last object. */
        Map<String, Field> next() throws DataFormatException {
            if (ended) {
                return null;
            }
            JsonToken token = token();
            if (token == JsonToken.END_ARRAY) {
                requireNothingAfter();
                ended = true;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw problem(parser.currentTokenLocation(), null,
                        "expected an object for row " + (count + 1) + ", found " + describe(token));
            }
            count++;
            Map<String, Field> fields = new LinkedHashMap<>();
            while (token() == JsonToken.FIELD_NAME) {
                String name = name();
                JsonToken value = token();
                JsonLocation location = parser.currentTokenLocation();
                if (value.isStructStart()) {
                    throw problem(location, name, "expected text, a number, true, false or null, found " + describe(value));
                }
                fields.put(name, new Field(text(value, name, location), location));
            }
            return fields;
        }

        /**
         * Refuses anything but spaces after the array: Jackson reads further root values (a second array pasted
         * after the first) without complaint, and their rows would be left out unseen.
         */
        private void requireNothingAfter() throws DataFormatException {
            String what = "content after the JSON array, which must be the only value in the file";
            JsonLocation afterArray = parser.currentLocation();
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JsonProcessingException e) {
                // Jackson places the error past the text it could not read; the user needs where that text starts
                throw problem(startAfterSpaces(afterArray), null, what + "; found text that is not JSON");
            } catch (IOException e) {
                throw failure(e);
            }
            if (extra != null) {
                throw problem(parser.currentTokenLocation(), null, what + "; found " + describe(extra)
                        + (extra == JsonToken.START_ARRAY ? " (put all the rows in one array)" : ""));
            }
        }

        /** The line and column of the first byte that is not a space at or after {@code from} (a byte offset). */
        private JsonLocation startAfterSpaces(JsonLocation from) {
            if (from.getByteOffset() < 0) {
                return from;
            }
            int line = from.getLineNr();
            int column = from.getColumnNr();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                in.skipNBytes(from.getByteOffset());
                for (int b = in.read(); b == ' ' || b == '\t' || b == '\r' || b == '\n'; b = in.read()) {
                    if (b == '\n') {
                        line++;
                        column = 1;
                    } else if (b != '\r') {
                        column++;
                    }
                }
            } catch (IOException e) {
                return from;
            }
            return new JsonLocation(from.contentReference(), -1, -1, line, column);
        }

        /** The value as a cell's text: numbers exactly as written, without exponents. */
        private String text(JsonToken value, String field, JsonLocation location) throws DataFormatException {
            try {
                return switch (value) {
                    case VALUE_NULL -> null;
                    case VALUE_NUMBER_FLOAT -> plain(parser.getDecimalValue(), field, location);
                    default -> parser.getText();
                };
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** 1e309 or 1e-999999999 written out would be a huge text (and no amount): refused before. */
        private String plain(BigDecimal number, String field, JsonLocation location) throws DataFormatException {
            if (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
                throw problem(location, field, "expected a decimal number of at most " + MAX_DIGITS
                        + " digits before and after the point, found " + JsonProblems.cut(number.toString()));
            }
            return number.toPlainString();
        }

        private JsonToken token() throws DataFormatException {
            try {
                return parser.nextToken();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private String name() throws DataFormatException {
            try {
                return parser.currentName();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Invalid JSON is a data problem with a location; other read errors are not. */
        private DataFormatException failure(IOException e) {
            if (e instanceof JsonProcessingException json) {
                return new DataFormatException(where(json.getLocation(), null) + ": " + JsonProblems.reason(json),
                        source, json.getLocation() == null ? 0 : json.getLocation().getLineNr(), null, e);
            }
            if (e instanceof CharConversionException coding) {
                return notUtf8(source, coding); // Jackson guessed UTF-16 or UTF-32 from the first bytes, and they were not
            }
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }

        private static DataFormatException notUtf8(String source, CharConversionException e) {
            return new DataFormatException(source + ": the file is not UTF-8 text; save it as UTF-8", source, 0, null, e);
        }

        DataFormatException problem(JsonLocation location, String field, String message) {
            return new DataFormatException(where(location, field) + ": " + message, source,
                    location == null ? 0 : location.getLineNr(), field);
        }

        private String where(JsonLocation location, String field) {
            String where = source;
            if (location != null && location.getLineNr() > 0) {
                where += ", line " + location.getLineNr() + ", column " + location.getColumnNr();
            }
            return field == null ? where : where + ", field '" + field + "'";
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case null -> "the end of the file";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString();
            };
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": " + e.getMessage(), e);
            }
        }
    }
}
