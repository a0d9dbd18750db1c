package dev.kpikit.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LongDigitsTest {

    @Test
    void countsTheDigitsOfEveryLengthAndItsEdges() {
        for (long power = 1, exponent = 0; exponent <= 18; power *= 10, exponent++) {
            for (long value : new long[] {power - 1, power, power + 1, 2 * power - 1}) {
                if (value >= 0) {
                    assertEquals(Long.toString(value).length(), LongDigits.count(value), Long.toString(value));
                }
            }
            assertEquals(Long.parseLong("1" + "0".repeat((int) exponent)), LongDigits.powerOfTen((int) exponent));
        }
        assertEquals(19, LongDigits.count(Long.MAX_VALUE));
        assertEquals(1, LongDigits.count(0));
    }
}
