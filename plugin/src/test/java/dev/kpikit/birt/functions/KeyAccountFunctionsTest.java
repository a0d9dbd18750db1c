package dev.kpikit.birt.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.script.functionservice.IScriptFunctionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ibm.icu.util.ULocale;

/** The KeyAccount functions as BIRT calls them: through the category's factory, with BIRT's argument types. */
class KeyAccountFunctionsTest {

    private static Object call(String function, IScriptFunctionContext context, Object... arguments) throws BirtException {
        return new KeyAccountFunctions.Factory().getFunctionExecutor(function).execute(arguments, context);
    }

    private static IScriptFunctionContext locale(ULocale locale) {
        return name -> IScriptFunctionContext.LOCALE.equals(name) ? locale : null;
    }

    /** Client A of the startup sample: share 42.9%, growth 8.6%, 4, 3, 4, 4, 8.33 years. */
    private static final Object[] CLIENT_A = {0.429, new BigDecimal("0.086"), 4, 3, 4, 4, new BigDecimal("8.33")};

    @Test
    void scoreTierAndExplanationOfOneAccountWithTheDefaultModel() throws Exception {
        // 30 (share capped) + 0.286/0.7 x 10 = 4.0857 + 15 + 7.5 + 7.5 + 7.5 + 8.33/10 x 5 = 4.165: 75.7507
        BigDecimal score = (BigDecimal) call("score", null, CLIENT_A);
        assertEquals(new BigDecimal("75.75"), score);
        assertEquals("KEY", call("tier", null, score));
        assertEquals("MAINTAIN", call("tier", null, 30));
        assertEquals("KEY: 43% of revenue, strategic value 4/5", call("explain", locale(ULocale.ENGLISH), CLIENT_A));
    }

    @Test
    void explanationsFollowTheReportLocale() throws Exception {
        // no German texts yet: English words, German number format (a no-break space before %)
        assertEquals("KEY: 43\u00a0% of revenue, strategic value 4/5", call("explain", locale(ULocale.GERMANY), CLIENT_A));
    }

    @Test
    void blanksGiveBlanks() throws Exception {
        assertNull(call("score", null, null, null, null, null, null, null, null));
        assertNull(call("explain", null, null, null, null, null, null, null, null));
        assertNull(call("tier", null, (Object) null));
        assertNull(call("paretoClass", null, (Object) null));
        assertNull(call("share", null, 10, 0));
        assertNull(call("concentration", null, (Object) null));
    }

    @Test
    void paretoClassShareAndConcentration() throws Exception {
        assertEquals("A", call("paretoClass", null, 0.79));
        assertEquals("B", call("paretoClass", null, 0.80));
        // running share 0.9 including the account's own 0.15: 0.75 before it, so still A
        assertEquals("A", call("paretoClass", null, 0.9, 0.15));
        assertEquals(new BigDecimal("0.25"), call("share", null, 25, 100));
        assertEquals("HIGH", call("concentration", null, 2053.4));
        assertEquals("UNCONCENTRATED", call("concentration", null, 999));
    }

    @Test
    void aNetNegativeRevenueHasAShareOfZeroAndANonPositiveTotalNoShare() throws Exception {
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) call("share", null, -700, 1000)));
        assertNull(call("share", null, 600, -100), "600 of a total of -100 is no share");
        assertNull(call("share", null, 600, 0));
        // a running share of 1.0 with the account's own -0.2: counted as 0, so 1.0 before it: C
        assertEquals("C", call("paretoClass", null, 1.0, -0.2));
        String explanation = (String) call("explain", locale(ULocale.ENGLISH), -0.1, null, 4, null, null, null, null);
        assertTrue(explanation.endsWith("; net revenue negative in the period, counted as a 0% share"), explanation);
    }

    @Test
    void aModelFileIsReadAndItsMistakesNamed(@TempDir Path folder) throws Exception {
        Path model = folder.resolve("strategic.json");
        Files.writeString(model, """
                {"name": "strategic only", "factors": [
                  {"id": "strategic_value", "weight": 1, "normalisation": "FIXED_SCALE", "min": 1, "max": 5}]}
                """);
        assertEquals(new BigDecimal("75.00"), call("score", null, null, null, 4, null, null, null, null, model.toString()));
        assertEquals(new BigDecimal("75.00"), call("score", null, null, null, 4, null, null, null, null, Files.readString(model)));

        Files.writeString(model, """
                {"factors": [
                  {"id": "strategic_value", "weight": -1}]}
                """);
        BirtException bad = assertThrows(BirtException.class, () -> call("score", null, 1, 1, 1, 1, 1, 1, 1, model.toString()));
        assertTrue(bad.getMessage().startsWith("KeyAccount.score: strategic.json, line 2, column "), bad.getMessage());
        assertTrue(bad.getMessage().contains("factors[0].weight"), bad.getMessage());

        Files.writeString(model, """
                {"name": "relative", "factors": [{"id": "revenue_share", "weight": 1, "normalisation": "MIN_MAX"}]}
                """);
        BirtException population = assertThrows(BirtException.class, () -> call("score", null, 1, 1, 1, 1, 1, 1, 1, model.toString()));
        assertTrue(population.getMessage().contains("accounts data set"), population.getMessage());
    }

    @Test
    void theLocaleIsNoArgumentDesignersSee() {
        FunctionCatalog.Function explain = FunctionCatalog.describe(KeyAccountFunctions.class).functions().stream()
                .filter(f -> f.name().equals("explain")).findFirst().orElseThrow();
        assertTrue(explain.wantsLocale());
        assertEquals(List.of("revenueShare", "revenueGrowth", "strategicValue", "growthPotential", "engagement",
                "satisfaction", "relationshipYears", "model"), explain.arguments().stream().map(FunctionCatalog.Argument::name).toList());
    }
}
