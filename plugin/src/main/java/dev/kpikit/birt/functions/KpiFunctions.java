package dev.kpikit.birt.functions;

import java.math.BigDecimal;

import dev.kpikit.kpi.Ratios;

/** The {@code KPI} category: KPI formulas for report expressions. */
@FunctionCategory(name = "KPI", description = "Key performance indicators: safe ratios, growth, status and trend.")
public final class KpiFunctions {

    private KpiFunctions() {
    }

    @ScriptFunction("Divides numerator by denominator. Blank when the denominator is zero or missing.")
    public static BigDecimal divide(@Arg("numerator") BigDecimal numerator, @Arg("denominator") BigDecimal denominator) {
        return Ratios.divide(numerator, denominator);
    }

    @ScriptFunction("Period-over-period growth as a fraction, (current - previous) / |previous|. Blank when previous is zero or missing.")
    public static BigDecimal growth(@Arg("current") BigDecimal current, @Arg("previous") BigDecimal previous) {
        return Ratios.growth(current, previous);
    }

    /** The class BIRT instantiates for this category (plugin.xml names it). */
    public static final class Factory extends CategoryFunctionFactory {
        public Factory() {
            super(KpiFunctions.class);
        }
    }
}
