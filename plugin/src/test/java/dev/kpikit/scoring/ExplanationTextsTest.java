package dev.kpikit.scoring;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Explanations keep the texts they made by what the message shows of its arguments: never one for another. */
class ExplanationTextsTest {

    private static final ScoringModel GROWTH_ONLY = ScoringModel.parse("""
            {"name": "growth only",
             "factors": [{"id": "revenue_growth", "weight": 1, "normalisation": "FIXED_SCALE", "min": -0.2, "max": 0.5, "missing": "EXCLUDE"}],
             "tiers": [{"name": "KEY", "minScore": 50}, {"name": "OTHER", "minScore": 0}]}
            """, "growth-only.json");

    private static String explained(String growth) {
        return GROWTH_ONLY.score(Map.of("revenue_growth", new BigDecimal(growth))).explain(Locale.ENGLISH);
    }

    @Test
    void growthsShownAsTheSamePercentShareOneTextAndASmallFallKeepsItsMinus() {
        assertEquals("OTHER: revenue growth of 0%", explained("0.004"));
        assertEquals("OTHER: revenue growth of 0%", explained("0.0049"));
        assertEquals("OTHER: revenue growth of -0%", explained("-0.004"));
        // half a percent rounds to even, as the message's number format rounds it
        assertEquals("OTHER: revenue growth of 0%", explained("0.005"));
        assertEquals("OTHER: revenue growth of 2%", explained("0.015"));
        assertEquals("OTHER: revenue growth of 2%", explained("0.025"));
    }

    /** The reasons go into the sentence as they are; a translation that repeats them still has them both times. */
    @Test
    void aSentenceThatShowsItsReasonsTwiceHasThemBothTimes() {
        for (int i = 0; i < 2; i++) { // the second time from the kept sentence
            assertEquals("OTHER: revenue growth of 2% (again: revenue growth of 2%)",
                    GROWTH_ONLY.score(Map.of("revenue_growth", new BigDecimal("0.015"))).explain(Locale.forLanguageTag("eo")));
        }
        assertEquals("KEY: revenue growth of 40% (again: revenue growth of 40%)",
                GROWTH_ONLY.score(Map.of("revenue_growth", new BigDecimal("0.4"))).explain(Locale.forLanguageTag("eo")));
    }
}
