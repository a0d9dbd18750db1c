package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Every field of a schedules file that {@link ScheduleFileModel} does not have, each with its line and path, found in one
 * pass over the file's tokens against the model's records (their fields as Jackson itself sees them). Jackson's own
 * FAIL_ON_UNKNOWN_PROPERTIES stops at the first; and a problem handler cannot say where a field is, because Jackson
 * buffers a record's fields until it can call the constructor and hands the handler a replay of them that has no line and
 * a path of its own. The values of unknown fields (scalar, list or object) are skipped, not looked into.
 */
final class UnknownFields {

    /**
     * A field the model does not have.
     *
     * @param line  the line of its name, from 1
     * @param path  the names and list indexes leading to it from the top of the file, its own name last
     * @param known the fields the object holding it has, sorted
     */
    record Unknown(int line, List<Object> path, List<String> known) {
    }

    private final ObjectMapper mapper;
    private final List<Unknown> found = new ArrayList<>();

    private UnknownFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The unknown fields of the value at the parser's next token, read as {@code type}; in the order of the file. */
    static List<Unknown> in(JsonParser parser, Class<?> type, ObjectMapper mapper) throws IOException {
        UnknownFields fields = new UnknownFields(mapper);
        if (parser.nextToken() != null) {
            fields.walk(parser, mapper.constructType(type), new ArrayList<>());
        }
        return List.copyOf(fields.found);
    }

    /** The value at the parser's current token; the parser ends on its last token. */
    private void walk(JsonParser p, JavaType type, List<Object> path) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT && type.getRawClass().isRecord()) {
            Map<String, JavaType> fields = new TreeMap<>();
            for (BeanPropertyDefinition field : mapper.getDeserializationConfig().introspect(type).findProperties()) {
                fields.put(field.getName(), field.getPrimaryType());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                p.nextToken();
                List<Object> at = with(path, name);
                JavaType fieldType = fields.get(name);
                if (fieldType == null) {
                    found.add(new Unknown(line, at, List.copyOf(fields.keySet())));
                    p.skipChildren();
                } else {
                    walk(p, fieldType, at);
                }
            }
        } else if (token == JsonToken.START_OBJECT && type.isMapLikeType()) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                walk(p, type.getContentType(), with(path, key));
            }
        } else if (token == JsonToken.START_ARRAY && type.isCollectionLikeType()) {
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                walk(p, type.getContentType(), with(path, i));
            }
        } else if (type.isCollectionLikeType() && token != JsonToken.START_ARRAY) {
            walk(p, type.getContentType(), path); // one value for a list of one (ACCEPT_SINGLE_VALUE_AS_ARRAY)
        } else {
            p.skipChildren(); // a scalar, or a value of the wrong kind: Jackson's reading says what is wrong with it
        }
    }

    private static List<Object> with(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }
}
