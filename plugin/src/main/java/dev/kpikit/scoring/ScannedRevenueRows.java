package dev.kpikit.scoring;

/**
 * What takes revenue rows as the CSV scanner reads them, one per reading thread: the date as an epoch day, the amount
 * as {@code unscaled} x 10^-{@code scale} ({@code scale} 0 or more), the account id as its ASCII bytes or, when it is
 * not plain ASCII in its file, as text. {@code position} orders the rows (the row's byte offset in its file), for
 * what numbers accounts in file order.
 */
public interface ScannedRevenueRows {

    /** A row whose account id is the ASCII text {@code id[from, to)}. */
    void add(long position, int epochDay, byte[] id, int from, int to, long unscaled, int scale);

    /** A row whose account id is given as text. */
    void add(long position, int epochDay, String id, long unscaled, int scale);
}
