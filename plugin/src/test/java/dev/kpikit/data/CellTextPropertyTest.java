package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
