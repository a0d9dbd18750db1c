package dev.kpikit.runner.schedule;

import java.util.Arrays;
import java.util.Locale;

/** What a schedule does when its cron falls on a day its business calendar excludes. */
public enum OnExcludedDay {
    /** No delivery for that fire (Quartz skips it: the trigger is modified by the calendar). */
    SKIP("skip"),
    /** One delivery on the next day the calendar allows, at the same time, with the report as of the original date. */
    NEXT_BUSINESS_DAY("next-business-day");

    private final String text;

    OnExcludedDay(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static OnExcludedDay parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.text.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not one of "
                        + Arrays.stream(values()).map(OnExcludedDay::text).toList()));
    }
}
