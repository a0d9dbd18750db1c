package dev.kpikit.data;

/** The types a table column can have, with the Java class of its values. */
public enum ColumnType {
    INTEGER(Long.class, "a whole number"),
    DECIMAL(java.math.BigDecimal.class, "a decimal number"),
    DATE(java.time.LocalDate.class, "a date yyyy-MM-dd"),
    STRING(String.class, "text"),
    BOOLEAN(Boolean.class, "true or false");

    private final Class<?> valueClass;
    private final String description;

    ColumnType(Class<?> valueClass, String description) {
        this.valueClass = valueClass;
        this.description = description;
    }

    /** The class of this column's non-null values. */
    public Class<?> valueClass() {
        return valueClass;
    }

    /** What a value of this type looks like, for messages: "expected a decimal number". */
    public String description() {
        return description;
    }
}
