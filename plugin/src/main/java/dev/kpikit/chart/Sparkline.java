package dev.kpikit.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Edward Tufte's sparkline: a word-sized line of a series with no axes, the last value
 * marked with a dot so the eye finds "now". Missing values leave a gap in the line rather
 * than a fake zero.
 */
public record Sparkline(List<BigDecimal> values) {

    private static final Color LINE = new Color(0x424242);

    public Sparkline {
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values)); // may hold nulls
    }

    public byte[] png(int width, int height) {
        return Png.of(chart(), width, height);
    }

    JFreeChart chart() {
        XYSeries series = new XYSeries("values", false, true);
        for (int i = 0; i < values.size(); i++) {
            BigDecimal value = values.get(i);
            series.add(i, value == null ? null : value.doubleValue());
        }
        NumberAxis x = hiddenAxis(0, Math.max(1, values.size() - 1));
        NumberAxis y = hiddenAxis(series.getMinY(), series.getMaxY());

        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, new LastPointRenderer(lastPresent()));
        return Frameless.chart(plot);
    }

    /** No axis line or labels; a margin of a fifth on each side keeps the end dot whole. */
    private static NumberAxis hiddenAxis(double min, double max) {
        NumberAxis axis = new NumberAxis();
        axis.setVisible(false);
        if (!Double.isFinite(min) || !Double.isFinite(max)) { // no value at all
            min = 0;
            max = 1;
        }
        double margin = max > min ? (max - min) / 5 : 1;
        axis.setRange(min - margin, max + margin);
        return axis;
    }

    private int lastPresent() {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The line, with a dot at the last present point only. */
    private static final class LastPointRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final int lastItem;

        LastPointRenderer(int lastItem) {
            super(true, true);
            this.lastItem = lastItem;
            setSeriesPaint(0, LINE);
            setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
            setDrawSeriesLineAsPath(false);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return item == lastItem;
        }
    }
}
