package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class CellTextPropertyTest {

    @Property
    void decimalsReadBackExactlyWithEitherSeparator(@ForAll @BigRange(min = "-1e15", max = "1e15") @Scale(6) BigDecimal amount) {
        String text = amount.toPlainString();
        assertEquals(amount, new CellText('.').parse(text, ColumnType.DECIMAL));
        assertEquals(amount, new CellText(',').parse(text.replace('.', ','), ColumnType.DECIMAL));
    }

    @Property
    void wholeNumbersAreIntegers(@ForAll long number) {
        assertEquals(number, CellText.DOT_DECIMALS.parse(Long.toString(number), ColumnType.INTEGER));
        TypeGuess guess = new TypeGuess(CellText.DOT_DECIMALS);
        guess.add(Long.toString(number));
        assertEquals(ColumnType.INTEGER, guess.type());
    }

    @Property
    void numbersWithLeadingZerosAreInferredAsCodes(@ForAll long number) {
        String code = "0" + Math.abs(number % 1_000_000);
        assertFalse(CellText.DOT_DECIMALS.looksLike(code, ColumnType.INTEGER));
        TypeGuess guess = new TypeGuess(CellText.DOT_DECIMALS);
        guess.add(code);
        assertEquals(ColumnType.STRING, guess.type());
    }

    // The shapes CellText checks by hand, as regular expressions: the specification the fast checks must match.
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("-?\\d*\\.?\\d+");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d*,?\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern POINT_MAY_GROUP_THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2}\\.\\d{3}");

    @Property(tries = 3000)
    void aPointMayGroupThousandsAfterOneToThreeDigitsBeforeThree(@ForAll("numberLikeText") String text) {
        String value = text.strip();
        assertEquals(POINT_MAY_GROUP_THOUSANDS.matcher(value).matches(), CellText.pointMayGroupThousands(value), value);
    }

    @Provide
    Arbitrary<String> numberLikeText() {
        return Arbitraries.strings().withChars("0123456789-.,+e ").ofMinLength(1).ofMaxLength(8)
                .filter(text -> !text.isBlank());
    }

    @Property(tries = 3000)
    void numbersAreReadExactlyWhenTheyHaveTheShapeOfOne(@ForAll("numberLikeText") String text) {
        String value = text.strip();
        assertEquals(INTEGER.matcher(value).matches() && value.length() < 19, reads(CellText.DOT_DECIMALS, text, ColumnType.INTEGER), text);
        assertEquals(DOT_DECIMAL.matcher(value).matches(), reads(CellText.DOT_DECIMALS, text, ColumnType.DECIMAL), text);
        assertEquals(COMMA_DECIMAL.matcher(value).matches(), reads(new CellText(','), text, ColumnType.DECIMAL), text);
    }

    @Provide
    Arbitrary<String> dateLikeText() {
        return Arbitraries.strings().withChars("0123456789-").ofMinLength(8).ofMaxLength(11);
    }

    @Property(tries = 3000)
    void datesAreRealDaysInIsoForm(@ForAll("dateLikeText") String text) {
        boolean isoDay;
        try {
            isoDay = ISO_DATE.matcher(text).matches() && LocalDate.parse(text) != null;
        } catch (DateTimeParseException e) {
            isoDay = false;
        }
        assertEquals(isoDay, reads(CellText.DOT_DECIMALS, text, ColumnType.DATE), text);
        if (isoDay) {
            assertEquals(LocalDate.parse(text), CellText.DOT_DECIMALS.parse(text, ColumnType.DATE));
        }
    }

    @Example
    void aDayOfTheCalendarIsChecked() {
        assertEquals(LocalDate.of(2024, 2, 29), CellText.DOT_DECIMALS.parse("2024-02-29", ColumnType.DATE));
        assertFalse(reads(CellText.DOT_DECIMALS, "2026-02-29", ColumnType.DATE));
        assertFalse(reads(CellText.DOT_DECIMALS, "2026-13-01", ColumnType.DATE));
    }

    private static boolean reads(CellText cells, String text, ColumnType type) {
        try {
            cells.parse(text, type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
