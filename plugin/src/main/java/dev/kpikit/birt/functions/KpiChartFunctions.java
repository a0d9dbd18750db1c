package dev.kpikit.birt.functions;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.kpikit.chart.BulletGraph;
import dev.kpikit.chart.Sparkline;
import dev.kpikit.chart.StackedBar;

/** The {@code KpiChart} category: PNG images for BIRT dynamic image items (expression-based). */
@FunctionCategory(name = "KpiChart", description = "Images for dynamic image items: bullet graphs, sparklines and stacked bars as PNG.")
public final class KpiChartFunctions {

    private static final int BULLET_WIDTH = 200;
    private static final int BULLET_HEIGHT = 24;
    private static final int SPARKLINE_WIDTH = 120;
    private static final int SPARKLINE_HEIGHT = 24;
    private static final int CONTRIBUTIONS_WIDTH = 120;
    private static final int CONTRIBUTIONS_HEIGHT = 14;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiChartFunctions() {
    }

    @ScriptFunction("Bullet graph (PNG) for a dynamic image item: the value as a dark bar over grey ranges ending at poor,"
            + " satisfactory and good, the target as a vertical line. Size in pixels at 96 dpi, drawn at 4x for print.")
    public static byte[] bullet(@Arg("value") BigDecimal value, @Arg("target") BigDecimal target,
            @Arg(value = "poor", optional = true) BigDecimal poor,
            @Arg(value = "satisfactory", optional = true) BigDecimal satisfactory,
            @Arg(value = "good", optional = true) BigDecimal good,
            @Arg(value = "width", optional = true) Integer width,
            @Arg(value = "height", optional = true) Integer height) {
        return new BulletGraph(value, target, Arrays.asList(poor, satisfactory, good))
                .png(orDefault(width, BULLET_WIDTH), orDefault(height, BULLET_HEIGHT));
    }

    @ScriptFunction("Sparkline (PNG) of a series of numbers, oldest first, for a dynamic image item; the last value is"
            + " marked with a dot and blanks leave gaps. Size in pixels at 96 dpi, drawn at 4x for print.")
    public static byte[] sparkline(@Arg("values") BigDecimal[] values,
            @Arg(value = "width", optional = true) Integer width,
            @Arg(value = "height", optional = true) Integer height) {
        return new Sparkline(values == null ? List.of() : Arrays.asList(values))
                .png(orDefault(width, SPARKLINE_WIDTH), orDefault(height, SPARKLINE_HEIGHT));
    }

    @ScriptFunction("Stacked bar (PNG) of parts such as the points each factor adds to a key-account score (an array,"
            + " in a fixed order so each part keeps its grey), on a scale where scaleMax (default 100) fills the width.")
    public static byte[] contributions(@Arg("parts") BigDecimal[] parts,
            @Arg(value = "scaleMax", optional = true) BigDecimal scaleMax,
            @Arg(value = "width", optional = true) Integer width,
            @Arg(value = "height", optional = true) Integer height) {
        return new StackedBar(parts == null ? List.of() : Arrays.asList(parts), scaleMax == null ? HUNDRED : scaleMax)
                .png(orDefault(width, CONTRIBUTIONS_WIDTH), orDefault(height, CONTRIBUTIONS_HEIGHT));
    }

    private static int orDefault(Integer pixels, int fallback) {
        return pixels == null || pixels <= 0 ? fallback : Math.min(pixels, 2000);
    }

    /** The class BIRT instantiates for this category (plugin.xml names it). */
    public static final class Factory extends CategoryFunctionFactory {
        public Factory() {
            super(KpiChartFunctions.class);
        }
    }
}
