package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Dates that users type: yyyy-MM-dd and a real day, never a lenient roll-over into the next month. */
class IsoDatesTest {

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> IsoDates.parse(text, "parameter 'asOf'")).getMessage();
    }

    @Test
    void aRealDayIsRead() {
        assertEquals(LocalDate.of(2024, 2, 29), IsoDates.parse(" 2024-02-29 ", "parameter 'asOf'"));
    }

    @Test
    void februaryThirtiethIsRefusedNotRolledIntoMarch() {
        assertEquals("parameter 'asOf': '2026-02-30' is not a day of the calendar; expected a date yyyy-MM-dd", refusal("2026-02-30"));
    }

    @Test
    void aLeapDayOfACommonYearIsRefused() {
        assertEquals("parameter 'asOf': '2025-02-29' is not a day of the calendar; expected a date yyyy-MM-dd", refusal("2025-02-29"));
    }

    @Test
    void otherFormsAreRefusedWithTheExpectedForm() {
        assertEquals("parameter 'asOf': '31/01/2026' is not a date; expected a date yyyy-MM-dd", refusal("31/01/2026"));
        assertEquals("parameter 'asOf': '2026-1-31' is not a date; expected a date yyyy-MM-dd", refusal("2026-1-31"));
        assertEquals("parameter 'asOf': '2026-13-01' is not a day of the calendar; expected a date yyyy-MM-dd", refusal("2026-13-01"));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        assertEquals("parameter 'asOf': '" + "9".repeat(40) + "...' is not a date; expected a date yyyy-MM-dd", refusal("9".repeat(500)));
    }

    @Test
    void datesBeyondFourDigitYearsAreRefusedWithTheRange() {
        String range = " is outside the calendar kpikit reckons with; expected a date yyyy-MM-dd from 0001-01-01 to 9999-12-31";
        assertEquals("parameter 'asOf': '+999999999-12-31'" + range, refusal("+999999999-12-31"));
        assertEquals("parameter 'asOf': '-999999999-01-01'" + range, refusal("-999999999-01-01"));
        assertEquals("parameter 'asOf': '0000-12-31'" + range, refusal("0000-12-31"));
        assertEquals("parameter 'asOf': '+10000-01-01'" + range, assertThrows(IllegalArgumentException.class,
                () -> IsoDates.withinRange(LocalDate.of(10000, 1, 1), "parameter 'asOf'")).getMessage());
    }

    @Test
    void theFirstAndLastDaysOfTheRangeAreRead() {
        assertEquals(LocalDate.of(1, 1, 1), IsoDates.parse("0001-01-01", "parameter 'asOf'"));
        assertEquals(LocalDate.of(9999, 12, 31), IsoDates.parse("9999-12-31", "parameter 'asOf'"));
    }
}
