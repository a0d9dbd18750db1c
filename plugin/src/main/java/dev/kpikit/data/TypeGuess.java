package dev.kpikit.data;

import java.util.EnumSet;

/** Infers a column's type from sample cells: the narrowest type that every non-blank cell fits. */
final class TypeGuess {

    private final CellText cells;
    /** In ColumnType order, so a column of whole numbers is INTEGER before DECIMAL. */
    private final EnumSet<ColumnType> candidates = EnumSet.complementOf(EnumSet.of(ColumnType.STRING));
    private boolean sawValue;

    TypeGuess(CellText cells) {
        this.cells = cells;
    }

    void add(String text) {
        if (CellText.isBlank(text)) {
            return;
        }
        sawValue = true;
        candidates.removeIf(type -> !cells.looksLike(text, type));
    }

    /** STRING when no sample cell had a value or no other type fits them all. */
    ColumnType type() {
        return sawValue && !candidates.isEmpty() ? candidates.iterator().next() : ColumnType.STRING;
    }
}
