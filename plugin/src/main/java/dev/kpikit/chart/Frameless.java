package dev.kpikit.chart;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every kpikit image shares: word-sized graphics sit inside table cells, so they
 * have no title, legend, outline, grid lines or padding, on white.
 */
final class Frameless {

    private Frameless() {
    }

    static JFreeChart chart(Plot plot) {
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(null);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinesVisible(false);
            category.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinesVisible(false);
            xy.setRangeGridlinesVisible(false);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setBorderVisible(false);
        return chart;
    }
}
