package dev.kpikit.scoring;

/**
 * A scoring model that cannot be used, with where it goes wrong:
 * {@code model.json, line 12, column 19, factors[2].weight: weight must be >= 0, found -1}.
 */
public final class ModelException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    public ModelException(String source, int line, int column, String field, String reason) {
        super(source + ", line " + line + ", column " + column + (field.isEmpty() ? "" : ", " + field) + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    /** The file name or other label of the model. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Path of the offending field, like {@code factors[2].weight}; empty for the whole document. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
