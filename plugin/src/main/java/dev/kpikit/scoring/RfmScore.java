package dev.kpikit.scoring;

/**
 * Recency, frequency and monetary quintiles of an account, each 1 to 5 with 5 the best:
 * the most recent purchase, the most purchases, the most lifetime revenue.
 */
public record RfmScore(int recency, int frequency, int monetary) {

    /** The usual three-digit code, like "545". */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
