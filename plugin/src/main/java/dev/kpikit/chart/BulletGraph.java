package dev.kpikit.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Stephen Few's bullet graph: the value as a dark bar over qualitative ranges in shades of
 * grey, the target as a short vertical line. Greys, not traffic-light colours, so it reads
 * in grey print and for colour-blind readers.
 *
 * @param value     the measure (null draws the ranges and target only)
 * @param target    the goal (null: no target line)
 * @param bounds    ascending upper bounds of the qualitative ranges, e.g. poor, fair, good;
 *                  the last one is the end of the scale
 */
public record BulletGraph(BigDecimal value, BigDecimal target, List<BigDecimal> bounds) {

    /** From the darkest (poor) to the lightest (good) band. */
    private static final Color[] BANDS = {new Color(0x9e9e9e), new Color(0xbdbdbd), new Color(0xdedede), new Color(0xeeeeee)};
    private static final Color MEASURE = new Color(0x212121);

    public BulletGraph {
        bounds = bounds == null ? List.of() : bounds.stream().filter(b -> b != null).sorted().toList();
    }

    /** The end of the scale: the last range bound, or what fits the value and the target. */
    double scaleEnd() {
        double end = bounds.isEmpty() ? 0 : bounds.get(bounds.size() - 1).doubleValue();
        if (value != null) {
            end = Math.max(end, value.doubleValue());
        }
        if (target != null) {
            end = Math.max(end, target.doubleValue());
        }
        return end > 0 ? end : 1;
    }

    public byte[] png(int width, int height) {
        return Png.of(chart(), width, height);
    }

    JFreeChart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(value == null ? null : value.doubleValue(), "value", "");
        CategoryAxis category = new CategoryAxis();
        category.setVisible(false);
        category.setLowerMargin(0);
        category.setUpperMargin(0);
        NumberAxis scale = new NumberAxis();
        scale.setRange(Math.min(0, lowest()), scaleEnd());
        scale.setVisible(false);

        BarRenderer bar = new BarRenderer();
        bar.setBarPainter(new StandardBarPainter());
        bar.setShadowVisible(false);
        bar.setSeriesPaint(0, MEASURE);
        bar.setMaximumBarWidth(0.34); // a third of the height, as in Few's design

        CategoryPlot plot = new CategoryPlot(data, category, scale, bar);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double from = Math.min(0, lowest());
        for (int i = 0; i < bounds.size(); i++) {
            double to = bounds.get(i).doubleValue();
            plot.addRangeMarker(new IntervalMarker(from, to, BANDS[Math.min(i, BANDS.length - 1)]), Layer.BACKGROUND);
            from = to;
        }
        if (target != null) {
            ValueMarker line = new ValueMarker(target.doubleValue(), MEASURE, new BasicStroke(2.5f));
            plot.addRangeMarker(line, Layer.FOREGROUND);
        }
        return Frameless.chart(plot);
    }

    private double lowest() {
        return value == null ? 0 : Math.min(0, value.doubleValue());
    }
}
