package dev.kpikit.data;

import java.util.function.Supplier;

/**
 * A cell of a computed row that is costly and often not read (an account's explanation): {@link CurrentRowReader}
 * computes it when {@code value()} first asks for it, and keeps it for the rest of the row.
 */
final class LazyValue {

    private final Supplier<Object> value;

    LazyValue(Supplier<Object> value) {
        this.value = value;
    }

    Object get() {
        return value.get();
    }
}
