package dev.kpikit.runner.schedule;

import java.util.Arrays;
import java.util.Locale;

/** When a schedule's delivery goes out ({@code sendWhen}); with several, any one that holds sends. */
public enum SendCondition {
    /** Every fire (the default). */
    ALWAYS("always"),
    /** A headline KPI's status differs from the last delivered one. */
    KPI_STATUS_CHANGED("kpi-status-changed"),
    /** A headline KPI (or one of those listed) is RED, or AMBER too when asked. */
    KPI_OFF_TARGET("kpi-off-target"),
    /** An account entered or left the top tier, or crossed the major-customer share, since the last delivery. */
    KEY_ACCOUNTS_CHANGED("key-accounts-changed"),
    /** The HHI band moved (e.g. MODERATE to HIGH) since the last delivery. */
    CONCENTRATION_BAND_CHANGED("concentration-band-changed");

    private final String text;

    SendCondition(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether the condition looks at the KPI scorecard (else at the scored accounts). */
    public boolean readsKpis() {
        return this == KPI_STATUS_CHANGED || this == KPI_OFF_TARGET;
    }

    public static SendCondition parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.text.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown condition '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(SendCondition::text).toList()));
    }
}
