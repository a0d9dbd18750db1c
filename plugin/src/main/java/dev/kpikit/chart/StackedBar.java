package dev.kpikit.chart;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One horizontal bar split into parts, such as the points each factor adds to a key-account
 * score: the bar's length is the total on a fixed scale, so bars of different rows compare,
 * and the parts alternate dark and light greys in a fixed order, so a factor keeps its shade
 * from row to row. Blank parts count as zero.
 *
 * @param parts    the parts in a fixed order
 * @param scaleMax the value of a full-width bar, e.g. 100 points
 */
public record StackedBar(List<BigDecimal> parts, BigDecimal scaleMax) {

    private static final Color[] SHADES = {new Color(0x212121), new Color(0x757575), new Color(0xBDBDBD),
        new Color(0x424242), new Color(0x9E9E9E), new Color(0xE0E0E0), new Color(0x616161)};

    public StackedBar {
        parts = parts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parts)); // may hold nulls
    }

    public byte[] png(int width, int height) {
        return Png.of(chart(), width, height);
    }

    JFreeChart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double total = 0;
        for (int i = 0; i < parts.size(); i++) {
            double value = parts.get(i) == null ? 0 : Math.max(0, parts.get(i).doubleValue());
            data.addValue(value, "part " + i, "");
            total += value;
        }
        CategoryAxis category = new CategoryAxis();
        category.setVisible(false);
        category.setLowerMargin(0);
        category.setUpperMargin(0);
        NumberAxis scale = new NumberAxis();
        scale.setVisible(false);
        double end = scaleMax == null || scaleMax.signum() <= 0 ? total : scaleMax.doubleValue();
        scale.setRange(0, Math.max(end, total) > 0 ? Math.max(end, total) : 1);

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.7);
        for (int i = 0; i < parts.size(); i++) {
            renderer.setSeriesPaint(i, SHADES[i % SHADES.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, category, scale, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return Frameless.chart(plot);
    }
}
