package dev.kpikit.data;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A table cut into parts of consecutive rows, each read by a reader of its own: a writer can read and format the
 * parts on every core at once and still put them out in order.
 *
 * @param columns the columns of every part
 * @param count   number of parts
 * @param part    the reader of part {@code 0 <= i < count}, a new one at each call
 */
public record TableParts(List<Column> columns, int count, IntFunction<TableReader> part) {
}
