package dev.kpikit.runner.schedule;

/** Where a delivery stands. CLAIMED and RENDERED are in progress; the others are final. */
public enum DeliveryStatus {
    CLAIMED, RENDERED, SENT, FAILED, SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
