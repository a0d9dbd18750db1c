package dev.kpikit.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import dev.kpikit.data.Column;
import dev.kpikit.data.ColumnType;
import dev.kpikit.data.ComputedTableReader;
import dev.kpikit.data.TableParts;

class TableOutputTest {

    private static final List<Column> COLUMNS = List.of(new Column("amount", ColumnType.DECIMAL),
            new Column("name", ColumnType.STRING), new Column("rank", ColumnType.INTEGER),
            new Column("day", ColumnType.DATE), new Column("flag", ColumnType.BOOLEAN));

    @Test
    void decimalsAreWrittenWithoutAnExponentWhateverTheirScale() {
        for (String text : List.of("0", "0.00", "12.5", "-7", "1E+3", "-2.5E+10", "0.000001", "0.0000001", "1.23E-7",
                "0.1234567890123456789012345678901234", "123456789012345678901234567890.5", "5E-40")) {
            BigDecimal decimal = new BigDecimal(text);
            assertEquals(decimal.toPlainString(), appended(decimal), text);
        }
    }

    /** Decimals of every size and scale, as the quotients of a score file have them: the text of toPlainString. */
    @Property(tries = 20_000)
    void decimalsAppendedAsToPlainString(@ForAll("unscaled") BigInteger unscaled, @ForAll @IntRange(min = -3, max = 45) int scale) {
        BigDecimal decimal = new BigDecimal(unscaled, scale);
        assertEquals(decimal.toPlainString(), appended(decimal));
    }

    @Provide
    Arbitrary<BigInteger> unscaled() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.TWO.pow(130).negate(), BigInteger.TWO.pow(130)),
                Arbitraries.longs().map(BigInteger::valueOf), Arbitraries.integers().between(-1000, 1000).map(BigInteger::valueOf),
                Arbitraries.integers().between(0, 40).map(BigInteger.TEN::pow),
                Arbitraries.integers().between(60, 128).map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(60, 128).map(bits -> BigInteger.ONE.shiftLeft(bits).negate()));
    }

    /** One for every number, as a part's formatting has it. */
    private static final CsvRecords RECORDS = new CsvRecords(16);

    private static String appended(BigDecimal decimal) {
        int start = RECORDS.size();
        RECORDS.decimal(decimal); // a record's first cell: no delimiter before it
        String text = new String(RECORDS.toByteArray(), start, RECORDS.size() - start, StandardCharsets.US_ASCII);
        RECORDS.size(0);
        RECORDS.endRecord();
        return text;
    }

    /** A text cell, first in its record or after another, and a blank: the bytes commons-csv's format prints. */
    @Property(tries = 20_000)
    void textsAreQuotedAsTheCsvFormatQuotesThem(@ForAll("cells") String text, @ForAll boolean first) throws Exception {
        StringBuilder printed = new StringBuilder();
        if (!first) {
            TableOutput.CSV_FORMAT.print("x", printed, true);
        }
        TableOutput.CSV_FORMAT.print(text, printed, first);
        TableOutput.CSV_FORMAT.print(null, printed, false);
        CsvRecords records = new CsvRecords(1);
        if (!first) {
            records.text("x");
        }
        records.text(text);
        records.blank();
        // as bytes: a lone surrogate is written as '?' either way
        assertEquals(new String(printed.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                new String(records.toByteArray(), StandardCharsets.UTF_8), text);
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("aZ09 #\"!,;'\t\r\n=-\\é€😀").ofMinLength(0).ofMaxLength(6);
    }

    @Test
    void longsAreWrittenAsLongToStringWritesThem() {
        for (long number : new long[] {0, 7, -7, 10, 99, 100, -100, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000_000_000L}) {
            CsvRecords records = new CsvRecords(1);
            records.number(number);
            assertEquals(Long.toString(number), new String(records.toByteArray(), StandardCharsets.US_ASCII));
        }
    }

    /** A first cell of a decimal, quoted and formula-like text, blanks: the parts written on every core read as one file in order. */
    @Test
    void partsFormattedSideBySideAreWrittenInOrderAsOneCsv() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Object[] {new BigDecimal(i % 2 == 0 ? "1E+2" : "-0.5"), i % 3 == 0 ? "=SUM(A1)" : "Ann, \"the\" buyer " + i,
                    i % 5 == 0 ? null : (long) i, LocalDate.of(2026, 1, 1).plusDays(i), i % 2 == 0});
        }
        String written = csv(parts(rows, 7), false);
        String[] lines = written.split("\n", -1);
        assertEquals("amount,name,rank,day,flag", lines[0]);
        assertEquals("100,'=SUM(A1),,2026-01-01,true", lines[1]);
        assertEquals("-0.5,\"Ann, \"\"the\"\" buyer 1\",1,2026-01-02,false", lines[2]);
        assertEquals(52, lines.length); // header, 50 rows, and the empty text after the last line break
        assertEquals(csv(parts(rows, 50), false), written);
        assertEquals("100,=SUM(A1),,2026-01-01,true", csv(parts(rows, 3), true).split("\n")[1]);
    }

    @Test
    void aFailingPartStopsTheWritingWithItsOwnError() {
        TableParts failing = new TableParts(COLUMNS, 3, part -> part < 2 ? new ComputedTableReader("t", COLUMNS, List.<Object[]>of().iterator())
                : new ComputedTableReader("t", COLUMNS, new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return true;
                    }

                    @Override
                    public Object[] next() {
                        throw new IllegalStateException("part 2 broke");
                    }
                }));
        assertEquals("part 2 broke", assertThrows(IllegalStateException.class, () -> csv(failing, false)).getMessage());
    }

    private static TableParts parts(List<Object[]> rows, int rowsPerPart) {
        return new TableParts(COLUMNS, (rows.size() + rowsPerPart - 1) / rowsPerPart, part -> new ComputedTableReader("t", COLUMNS,
                rows.subList(part * rowsPerPart, Math.min(rows.size(), (part + 1) * rowsPerPart)).iterator()));
    }

    private static String csv(TableParts parts, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableOutput.CSV.write(parts, out, raw);
        return out.toString(StandardCharsets.UTF_8);
    }
}
