package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kpikit.scoring.PeriodLength;
import dev.kpikit.scoring.Portfolio;
import dev.kpikit.scoring.RevenueLedger;
import dev.kpikit.scoring.ScoringModel;

/**
 * The account table read by {@link CsvScanner} ({@link ScoringFolder#scanProfiles}) scores as the table read row by row
 * ({@link ScoringFolder#readProfiles}) does, wherever the file is cut; what the reader refuses or warns about, the scan
 * leaves to it, so that the refusal and the warnings are the reader's.
 */
class AccountTableScanTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final String REVENUE = "date,account_id,amount\n2026-01-05,A1,300\n2026-02-05,A2,100.5\n"
            + "2026-03-05,Müller,40\n2026-04-05,CUSTOMER-0000000001,70\n2026-05-05,Z9,5\n2025-06-01,A3,80\n";

    @TempDir
    Path folder;

    private ScoringFolder folder(String accounts) throws Exception {
        Files.write(folder.resolve("accounts.csv"), accounts.getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("revenue.csv"), REVENUE);
        return new ScoringFolder(folder);
    }

    /** The accounts, ranked and scored, as a user reads them, with the ids of revenue that the table lacks. */
    private static List<Object> scored(Portfolio portfolio) {
        return List.of(portfolio.accounts(), portfolio.unknownAccountIds());
    }

    private static List<Object> readByTheReader(ScoringFolder scoring, RevenueLedger ledger, ScoringModel model)
            throws Exception {
        Portfolio.Builder accounts = Portfolio.builder(ledger);
        scoring.readProfiles(model, warning -> { }, accounts::has, accounts::add);
        return scored(accounts.analyse(model));
    }

    /** {@code accounts}: those of the table and those of revenue alone. */
    private static void assertScansAsTheReaderReadsWhereverCut(ScoringFolder scoring, int accounts) throws Exception {
        ScoringModel model = scoring.model(null);
        RevenueLedger ledger = scoring.ledger(AS_OF, PeriodLength.YEAR);
        List<Object> expected = readByTheReader(scoring, ledger, model);
        assertEquals(accounts, ((List<?>) expected.get(0)).size());
        for (long partBytes : new long[] {1, 7, 40, 1 << 20}) {
            Portfolio.Builder scanned = scoring.scanProfiles(ledger, model, partBytes, warning -> { });
            assertNotNull(scanned, "parts of " + partBytes + " bytes");
            assertEquals(expected, scored(scanned.analyse(model)), "parts of " + partBytes + " bytes");
        }
    }

    @Test
    void scoresAsTheReaderReadsAMessyTableWhereverItIsCut() throws Exception {
        // a byte order mark, CRLF and LF, a blank line, quoted names with commas and doubled quotes, text beyond ASCII in
        // a name and an id, an id longer than 12 characters, spaces around cells, blank judgements, name, segment and
        // start, judgements with decimals (4.0 and 4 are different values), an account without revenue
        ScoringFolder scoring = folder("\uFEFFaccount_id,name,segment,strategic_value,growth_potential,engagement,"
                + "satisfaction,relationship_start\r\n"
                + "A1,\"Acme, Inc.\",Retail,5,4,3,2,2020-01-15\r\n"
                + "A2,\"The \"\"Best\"\" Shop\", Retail ,4.0,,1,5,2019-07-01\n"
                + "\n"
                + "Müller,Müller GmbH,Industry, 3 ,2.5,,4,2020-01-15\n"
                + "CUSTOMER-0000000001,,,,,,,\n"
                + "A3,Café Zeta,Industry,4,4,4,4, 2018-03-31\n"
                + "A4,No Revenue,Retail,1,1,1,1,2024-12-31");
        assertScansAsTheReaderReadsWhereverCut(scoring, 7); // and Z9
    }

    @Test
    void scoresAsTheReaderReadsSemicolonsWithDecimalCommas() throws Exception {
        ScoringFolder scoring = folder("account_id;name;segment;strategic_value;growth_potential;engagement;"
                + "satisfaction;relationship_start\n"
                + "A1;Acme, Inc.;Retail;4,5;4;3;2;2020-01-15\n"
                + "A2;Bolt;Retail;4,0;3,25;1;5;2019-07-01\n"
                + "A3;Cog;;2;;;1;\n");
        assertScansAsTheReaderReadsWhereverCut(scoring, 6); // and Müller, CUSTOMER-0000000001, Z9
    }

    @Test
    void scoresAsTheReaderReadsReorderedOtherAndUnknownColumns() throws Exception {
        ScoringFolder scoring = folder("customer_since,region,industry,account_id,csat,notes,potential,name\n"
                + "2020-01-15,EU,Retail,A1,2,n/a,4,Acme\n"
                + "2019-07-01,US,Industry,A2,5,,3,Bolt\n"
                + "2018-03-31,EU,Retail,A3,,x,,Cog\n");
        assertScansAsTheReaderReadsWhereverCut(scoring, 6); // and Müller, CUSTOMER-0000000001, Z9
    }

    @Test
    void anIdReadTwiceInDifferentPartsIsRefusedNamingBothLines() throws Exception {
        ScoringFolder scoring = folder("account_id,name\nA1,Acme\nA2,Bolt\nA3,Cog\nA2,Again\n");
        ScoringModel model = scoring.model(null);
        assertNull(scoring.scanProfiles(scoring.ledger(AS_OF, PeriodLength.YEAR), model, 10, warning -> { }));
        DataFormatException refused = assertThrows(DataFormatException.class,
                () -> scoring.portfolio(AS_OF, PeriodLength.YEAR, model));
        assertEquals("accounts.csv, lines 3 and 5: account_id 'A2' appears twice", refused.getMessage());
    }

    @Test
    void aJudgementOutsideItsScaleIsRefusedNamingItsLine() throws Exception {
        ScoringFolder scoring = folder("account_id,name,engagement\nA1,Acme,3\nA2,Bolt,9\n");
        ScoringModel model = scoring.model(null);
        assertNull(scoring.scanProfiles(scoring.ledger(AS_OF, PeriodLength.YEAR), model, 10, warning -> { }));
        DataFormatException refused = assertThrows(DataFormatException.class,
                () -> scoring.portfolio(AS_OF, PeriodLength.YEAR, model));
        assertEquals("accounts.csv, line 3, column 'engagement': engagement 9 is outside the model's scale 1 to 5"
                + " (a model with \"outOfRange\": \"CLAMP\" clamps it instead)", refused.getMessage());
    }

    @Test
    void aJudgementClampedByTheModelIsWarnedAboutWithItsLine() throws Exception {
        ScoringFolder scoring = folder("account_id,name,engagement\nA1,Acme,3\nA2,Bolt,0.5\n");
        Files.writeString(folder.resolve("scoring-model.json"), "{\"name\": \"clamping\", \"outOfRange\": \"CLAMP\","
                + " \"factors\": [{\"id\": \"engagement\", \"weight\": 100, \"normalisation\": \"FIXED_SCALE\","
                + " \"min\": 1, \"max\": 5}]}");
        List<String> warnings = new ArrayList<>();
        scoring.portfolio(AS_OF, PeriodLength.YEAR, scoring.model(null), warnings::add);
        assertEquals("accounts.csv, line 3, account 'A2': engagement 0.5 clamped to 1 (scale 1 to 5)", warnings.get(0));
    }

    @Test
    void aBlankIdIsRefusedByTheReaderNamingItsLine() throws Exception {
        ScoringFolder scoring = folder("account_id,name\nA1,Acme\n,Bolt\n");
        DataFormatException refused = assertThrows(DataFormatException.class,
                () -> scoring.portfolio(AS_OF, PeriodLength.YEAR, scoring.model(null)));
        assertEquals("accounts.csv, line 3, column 'account_id': the account id is empty", refused.getMessage());
    }
}
