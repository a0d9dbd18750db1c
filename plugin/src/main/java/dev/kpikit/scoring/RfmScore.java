package dev.kpikit.scoring;

import java.util.stream.IntStream;

/**
 * Recency, frequency and monetary quintiles of an account, each 1 to 5 with 5 the best:
 * the most recent purchase, the most purchases, the most lifetime revenue.
 */
public record RfmScore(int recency, int frequency, int monetary) {

    /** The 125 codes of quintiles, made once: a scored-accounts table shows one on every row. */
    private static final String[] CODES = IntStream.range(0, 125)
            .mapToObj(i -> "" + (1 + i / 25) + (1 + i / 5 % 5) + (1 + i % 5)).toArray(String[]::new);

    /** The usual three-digit code, like "545". */
    public String code() {
        return quintile(recency) && quintile(frequency) && quintile(monetary)
                ? CODES[(recency - 1) * 25 + (frequency - 1) * 5 + monetary - 1]
                : "" + recency + frequency + monetary;
    }

    private static boolean quintile(int score) {
        return score >= 1 && score <= 5;
    }
}
