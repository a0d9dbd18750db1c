package dev.kpikit.scoring;

import java.math.BigDecimal;

/** How concentrated revenue is, by HHI bands: under 1,000, 1,000 to 1,800, above 1,800. */
public enum ConcentrationBand {
    UNCONCENTRATED, MODERATE, HIGH;

    private static final BigDecimal MODERATE_FROM = BigDecimal.valueOf(1_000);
    private static final BigDecimal HIGH_ABOVE = BigDecimal.valueOf(1_800);

    /** The band of an HHI; null for a null HHI. */
    public static ConcentrationBand of(BigDecimal hhi) {
        if (hhi == null) {
            return null;
        }
        if (hhi.compareTo(MODERATE_FROM) < 0) {
            return UNCONCENTRATED;
        }
        return hhi.compareTo(HIGH_ABOVE) <= 0 ? MODERATE : HIGH;
    }
}
