package dev.kpikit.data;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the columns that hold kpikit's fields in a user's table, whatever the user called them.
 * Each field accepts a list of column names in order of preference; names match ignoring case,
 * spaces, underscores and dashes, so {@code Customer-ID} is {@code customer_id}. Overrides name
 * the column of a field outright: {@code ColumnMapping.defaults().withOverrides("amount=Umsatz")}.
 */
public final class ColumnMapping {

    public static final String ACCOUNT_ID = "account_id";
    public static final String AMOUNT = "amount";
    public static final String DATE = "date";
    public static final String NAME = "name";

    private static final ColumnMapping DEFAULTS = new ColumnMapping(Map.of(), Map.of())
            .withField(ACCOUNT_ID, "account_id", "account", "customer_id", "client_id", "id")
            .withField(AMOUNT, "amount", "revenue", "value", "total")
            .withField(DATE, "date", "invoice_date", "order_date", "month")
            .withField(NAME, "name", "account_name", "customer", "client");

    /** Field to accepted column names, most preferred first. */
    private final Map<String, List<String>> synonyms;
    /** Field to the one column the user named for it. */
    private final Map<String, String> overrides;

    private ColumnMapping(Map<String, List<String>> synonyms, Map<String, String> overrides) {
        this.synonyms = synonyms;
        this.overrides = overrides;
    }

    /** kpikit's fields account_id, amount, date and name with their usual column names. */
    public static ColumnMapping defaults() {
        return DEFAULTS;
    }

    /** Adds a field, or replaces the column names a field accepts (none given: its own name). */
    public ColumnMapping withField(String field, String... columnNames) {
        Map<String, List<String>> copy = new LinkedHashMap<>(synonyms);
        copy.put(Objects.requireNonNull(field, "field"), columnNames.length == 0 ? List.of(field) : List.of(columnNames));
        return new ColumnMapping(copy, overrides);
    }

    /** Names the column that holds a field; other names for the field are then not tried. */
    public ColumnMapping withOverride(String field, String column) {
        Map<String, String> copy = new LinkedHashMap<>(overrides);
        copy.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(column, "column"));
        return new ColumnMapping(synonyms, copy);
    }

    /**
     * Overrides from text such as {@code "amount=Umsatz, date=Rechnungsdatum"}; null or blank
     * text changes nothing.
     *
     * @throws IllegalArgumentException when an entry is not field=column, names a field this mapping does not know, or
     *                                  names a field twice
     */
    public ColumnMapping withOverrides(String spec) {
        ColumnMapping mapping = this;
        if (spec == null || spec.isBlank()) {
            return mapping;
        }
        Set<String> given = new LinkedHashSet<>();
        for (String entry : spec.split(",")) {
            int equals = entry.indexOf('=');
            String field = equals < 0 ? "" : entry.substring(0, equals).strip();
            String column = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (field.isEmpty() || column.isEmpty()) {
                throw new IllegalArgumentException("column mapping: expected field=column, found '" + entry.strip() + "'");
            }
            // a misspelt field would otherwise be ignored, and its column with it
            if (!synonyms.containsKey(field)) {
                throw new IllegalArgumentException("column mapping: no field '" + field + "'; the fields are "
                        + String.join(", ", synonyms.keySet()));
            }
            if (!given.add(field)) {
                throw new IllegalArgumentException("column mapping: field '" + field + "' is given twice");
            }
            mapping = mapping.withOverride(field, column);
        }
        return mapping;
    }

    /**
     * The column index (0-based) of every field found in the reader's table.
     *
     * @param requiredFields fields the table must have
     * @throws DataFormatException naming the table, the first missing field and the columns found
     */
    public Map<String, Integer> resolve(TableReader reader, String... requiredFields) throws DataFormatException {
        try {
            return resolve(reader.source(), reader.columns(), requiredFields);
        } catch (DataFormatException e) {
            throw Tables.withHeaderBelow(e, reader, names -> {
                for (String field : requiredFields) {
                    if (indexOf(field, names) < 0) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    /** As {@link #resolve(TableReader, String...)}, for a table named {@code source} in messages. */
    public Map<String, Integer> resolve(String source, List<Column> columns, String... requiredFields)
            throws DataFormatException {
        Map<String, Integer> indexes = new LinkedHashMap<>();
        Map<Integer, String> fieldByIndex = new LinkedHashMap<>();
        for (String field : fields(requiredFields)) {
            int index = indexOf(field, columns);
            if (index >= 0) {
                // one column read as two fields would read dates as amounts or amounts as dates
                String other = fieldByIndex.putIfAbsent(index, field);
                if (other != null) {
                    throw new DataFormatException(source + ": fields '" + other + "' and '" + field + "' would both be read from column '"
                            + columns.get(index).name() + "'; a column holds one field: name another column for one of them"
                            + " in the column mapping", source, 0, field);
                }
                indexes.put(field, index);
            }
        }
        for (String field : requiredFields) {
            if (!indexes.containsKey(field)) {
                throw missing(source, field, columns);
            }
        }
        return Map.copyOf(indexes);
    }

    /** The known fields, then the required ones that are neither known nor overridden. */
    private List<String> fields(String... requiredFields) {
        Set<String> fields = new LinkedHashSet<>(synonyms.keySet());
        fields.addAll(overrides.keySet());
        fields.addAll(List.of(requiredFields));
        return List.copyOf(fields);
    }

    /** The name a column for the field is looked for by first. */
    String columnName(String field) {
        return candidates(field).get(0);
    }

    /** The column names tried for a field: its override, else its synonyms, else its own name. */
    private List<String> candidates(String field) {
        String override = overrides.get(field);
        return override != null ? List.of(override) : synonyms.getOrDefault(field, List.of(field));
    }

    private int indexOf(String field, List<Column> columns) {
        for (String candidate : candidates(field)) {
            String wanted = normalize(candidate);
            for (int i = 0; i < columns.size(); i++) {
                if (normalize(columns.get(i).name()).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** What is missing when no column holds {@code field}: the one the mapping names for it, or every name tried. */
    public String absence(String field) {
        String override = overrides.get(field);
        return override != null
                ? "no column '" + override + "', which the mapping names for field '" + field + "'"
                : "no column for field '" + field + "' (looked for " + String.join(", ", candidates(field)) + ")";
    }

    private DataFormatException missing(String source, String field, List<Column> columns) {
        String what = absence(field);
        boolean dataAsHeader = columns.stream().anyMatch(c -> c.name().matches("[-+]?[0-9][0-9.,/: -]*"));
        return new DataFormatException(source + ": " + what + "; found: " + Schema.list(columns)
                + (dataAsHeader ? " (the first line holds data: it must name the columns)" : ""), source, 0, field);
    }

    /** "Customer-ID", "customer id" and "customer_id" are one name. */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
