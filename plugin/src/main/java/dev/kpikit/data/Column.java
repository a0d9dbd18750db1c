package dev.kpikit.data;

import java.util.Objects;

/** A named, typed column of a table. */
public record Column(String name, ColumnType type) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
