package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;

/** Numeric assertions that ignore scale: 0.50 equals 0.5. */
final class Expect {

    private Expect() {
    }

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** {@code actual} equals {@code expected} numerically; null expects null. */
    static void value(String expected, BigDecimal actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertNotNull(actual, "expected " + expected + " but was null");
        if (new BigDecimal(expected).compareTo(actual) != 0) {
            fail("expected " + expected + " but was " + actual.toPlainString());
        }
    }
}
