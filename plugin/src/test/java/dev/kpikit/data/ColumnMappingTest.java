package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static List<Column> columns(String... names) {
        return Arrays.stream(names).map(name -> new Column(name, ColumnType.STRING)).toList();
    }

    @Test
    void findsFieldsUnderTheirUsualNamesIgnoringCaseSpacesUnderscoresAndDashes() throws DataFormatException {
        Map<String, Integer> found = ColumnMapping.defaults().resolve("sales.csv",
                columns("Invoice Date", "Customer-ID", "Customer", "Revenue", "Region"));
        assertEquals(Map.of("date", 0, "account_id", 1, "name", 2, "amount", 3), found);
    }

    @Test
    void prefersTheEarlierName() throws DataFormatException {
        Map<String, Integer> found = ColumnMapping.defaults().resolve("x.csv", columns("id", "client_id", "total", "amount"));
        assertEquals(Map.of("account_id", 1, "amount", 3), found);
    }

    @Test
    void overridesNameTheColumnOutright() throws DataFormatException {
        ColumnMapping mapping = ColumnMapping.defaults().withField("segment")
                .withOverrides(" amount = Umsatz , date=Rechnungs-Datum,segment=Segment");
        Map<String, Integer> found = mapping.resolve("umsatz.csv",
                columns("Kunde", "amount", "Umsatz", "rechnungs_datum", "segment"), "amount", "date", "segment");
        assertEquals(Map.of("amount", 2, "date", 3, "segment", 4), found);
    }

    @Test
    void aMissingRequiredFieldNamesTheFileTheFieldAndTheColumnsFound() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> ColumnMapping.defaults().resolve("revenue.csv", columns("date", "account_id"), "account_id", "amount"));
        assertEquals("revenue.csv: no column for field 'amount' (looked for amount, revenue, value, total); found: date, account_id",
                e.getMessage());
        assertEquals("amount", e.column());
    }

    @Test
    void aMissingOverriddenColumnIsNamed() {
        ColumnMapping mapping = ColumnMapping.defaults().withOverrides("amount=Umsatz");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> mapping.resolve("revenue.csv", columns("date", "amount"), "amount"));
        assertEquals("revenue.csv: no column 'Umsatz', which the mapping names for field 'amount'; found: date, amount",
                e.getMessage());
    }

    @Test
    void fieldsCanBeAddedAndOptionalOnesMayBeMissing() throws DataFormatException {
        ColumnMapping mapping = ColumnMapping.defaults().withField("segment", "segment", "tier");
        assertEquals(Map.of("segment", 1, "amount", 0), mapping.resolve("x.csv", columns("value", "Tier")));
        assertEquals(Map.of("plain", 0), ColumnMapping.defaults().withField("plain").resolve("x.csv", columns("PLAIN"), "plain"));
    }

    @Test
    void aMalformedOverrideIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withOverrides("amount=Umsatz,date"));
        assertEquals("column mapping: expected field=column, found 'date'", e.getMessage());
        assertEquals(ColumnMapping.defaults(), ColumnMapping.defaults().withOverrides("  "));
    }

    /** A misspelt field would be ignored, and the column the user meant with it: refused, with the fields there are. */
    @Test
    void anOverrideOfAFieldThatDoesNotExistOrOfOneFieldTwiceIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withOverrides("amount=Umsatz, relationship_strat=KundeSeit"));
        assertEquals("column mapping: no field 'relationship_strat'; the fields are account_id, amount, date, name",
                unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withOverrides("amount=amount,amount=date"));
        assertEquals("column mapping: field 'amount' is given twice", twice.getMessage());
    }

    /** date=amount would read each amount's digits as a date; amount=date the dates as money: one column, one field. */
    @Test
    void aColumnThatWouldHoldTwoFieldsIsRefused() {
        ColumnMapping mapping = ColumnMapping.defaults().withOverrides("date=amount");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> mapping.resolve("revenue.csv", columns("date", "account_id", "amount"), "date", "account_id", "amount"));
        assertEquals("revenue.csv: fields 'amount' and 'date' would both be read from column 'amount'; a column holds one field:"
                + " name another column for one of them in the column mapping", e.getMessage());
        assertEquals("date", e.column());
    }
}
