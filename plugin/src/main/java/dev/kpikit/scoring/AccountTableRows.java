package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows of the account table that one thread read, in file order, for {@link Portfolio.Builder#addAll}: each id as its
 * ASCII bytes (or its text) with its number in the ledger, found on the reading thread, and the values that repeat
 * across accounts (segments, judgements, start dates) as codes of the part's own distinct values, so that the builder
 * looks each distinct value up once a part, not once a row.
 */
public final class AccountTableRows {

    /** Each id's end in {@link #idBytes} (its start is the previous one's end); its String when not ASCII bytes. */
    private int[] idEnds = new int[1024];
    private String[] idTexts = new String[1024];
    private byte[] idBytes = new byte[1024 * 12];
    private int idLength;
    /** Null for a blank name: the account is then named by its id. */
    private String[] names = new String[1024];
    final ValueColumn<String> segments = new ValueColumn<>();
    final ValueColumn<BigDecimal> strategicValues = new ValueColumn<>();
    final ValueColumn<BigDecimal> growthPotentials = new ValueColumn<>();
    final ValueColumn<BigDecimal> engagements = new ValueColumn<>();
    final ValueColumn<BigDecimal> satisfactions = new ValueColumn<>();
    final ValueColumn<LocalDate> starts = new ValueColumn<>();
    /** The row's account number in {@link #ledger}; -1 when it has no revenue row. */
    private int[] ledgerNumbers = new int[1024];
    /** The ledger's String of the row's id, read here rather than by the builder (a cache miss each); null when not there. */
    private String[] ledgerIds = new String[1024];
    final RevenueLedger ledger;
    private int size;

    /** Rows for a builder of that ledger: see {@link Portfolio.Builder#newRows()}. */
    AccountTableRows(RevenueLedger ledger) {
        this.ledger = ledger;
        for (ValueColumn<?> column : columns()) {
            column.ensureCapacity(names.length);
        }
    }

    /** A row whose account id is the ASCII text {@code id[from, to)}; any other value may be null (blank). */
    public void add(byte[] id, int from, int to, String name, String segment, BigDecimal strategicValue,
                    BigDecimal growthPotential, BigDecimal engagement, BigDecimal satisfaction, LocalDate relationshipStart) {
        int length = to - from;
        if (idLength + length > idBytes.length) {
            idBytes = Arrays.copyOf(idBytes, Math.max(idBytes.length * 2, idLength + length));
        }
        System.arraycopy(id, from, idBytes, idLength, length);
        idLength += length;
        buffer(null, ledger.indexOf(id, from, to), name, segment, strategicValue, growthPotential, engagement, satisfaction, relationshipStart);
    }

    /** A row whose account id is given as text (one that is not plain ASCII bytes in its file). */
    public void add(String id, String name, String segment, BigDecimal strategicValue, BigDecimal growthPotential,
                    BigDecimal engagement, BigDecimal satisfaction, LocalDate relationshipStart) {
        buffer(id, ledger.indexOf(id), name, segment, strategicValue, growthPotential, engagement, satisfaction,
                relationshipStart);
    }

    private void buffer(String id, int ledgerNumber, String name, String segment, BigDecimal strategicValue,
                        BigDecimal growthPotential, BigDecimal engagement, BigDecimal satisfaction,
                        LocalDate relationshipStart) {
        if (size == names.length) {
            int length = size * 2;
            idEnds = Arrays.copyOf(idEnds, length);
            idTexts = Arrays.copyOf(idTexts, length);
            names = Arrays.copyOf(names, length);
            ledgerNumbers = Arrays.copyOf(ledgerNumbers, length);
            ledgerIds = Arrays.copyOf(ledgerIds, length);
            for (ValueColumn<?> column : columns()) {
                column.ensureCapacity(length);
            }
        }
        idEnds[size] = idLength;
        idTexts[size] = id;
        ledgerNumbers[size] = ledgerNumber;
        ledgerIds[size] = ledgerNumber < 0 ? null : ledger.id(ledgerNumber);
        names[size] = name;
        segments.set(size, segment);
        strategicValues.set(size, strategicValue);
        growthPotentials.set(size, growthPotential);
        engagements.set(size, engagement);
        satisfactions.set(size, satisfaction);
        starts.set(size, relationshipStart);
        size++;
    }

    private ValueColumn<?>[] columns() {
        return new ValueColumn<?>[] {segments, strategicValues, growthPotentials, engagements, satisfactions, starts};
    }

    public int size() {
        return size;
    }

    /** The row's id when given as text; null when it is the bytes {@link #idStart} to {@link #idEnd}. */
    String idText(int row) {
        return idTexts[row];
    }

    byte[] idBytes() {
        return idBytes;
    }

    int idStart(int row) {
        return row == 0 ? 0 : idEnds[row - 1];
    }

    int idEnd(int row) {
        return idEnds[row];
    }

    int ledgerNumber(int row) {
        return ledgerNumbers[row];
    }

    /** The ledger's String of the row's id; null when it has no revenue row. */
    String ledgerId(int row) {
        return ledgerIds[row];
    }

    String name(int row) {
        return names[row];
    }
}
