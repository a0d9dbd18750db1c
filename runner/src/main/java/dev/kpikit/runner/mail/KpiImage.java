package dev.kpikit.runner.mail;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The small picture in the mail body: one horizontal bar per headline KPI, each scaled to its
 * own maximum (KPIs have different units), labelled with the value as the report shows it.
 */
public final class KpiImage {

    private static final Color BAR = new Color(0x2F, 0x6D, 0xB5);

    private KpiImage() {
    }

    /** PNG bytes, or null when no KPI has a number. */
    public static byte[] png(List<Headline> headlines) {
        List<Headline> numeric = headlines.stream().filter(h -> h.value() != null).toList();
        if (numeric.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        numeric.forEach(h -> data.addValue(h.value().signum() >= 0 ? 1.0 : -1.0, "kpi", h.label()));

        CategoryAxis labels = new CategoryAxis();
        labels.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        NumberAxis scale = new NumberAxis();
        scale.setVisible(false);
        scale.setRange(Math.min(0, data.getValue(0, 0).doubleValue()) - 0.05, 1.6);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.5);
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return numeric.get(column).text();
            }
        });
        CategoryPlot plot = new CategoryPlot(data, labels, scale, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, 480, 40 + 36 * numeric.size());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
