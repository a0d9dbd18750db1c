package dev.kpikit.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.kpikit.bench.harness.Comparison;
import dev.kpikit.bench.harness.Summary;

/** Writes results.md (tables for the README), results.json (every run) and a PNG for each comparison over sizes. */
final class Results {

    private Results() {
    }

    static void write(Path out, String machine, boolean quick, Map<Comparison, List<Summary>> results) throws IOException {
        StringBuilder md = new StringBuilder("# kpikit bench" + (quick ? " (--quick)" : "") + "\n\n" + machine + "\n\n");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("quick", quick);
        for (Map.Entry<Comparison, List<Summary>> entry : results.entrySet()) {
            Comparison comparison = entry.getKey();
            List<Summary> summaries = entry.getValue();
            md.append("## ").append(comparison.name()).append(": ").append(comparison.title()).append("\n\n")
                    .append("`").append(Ratios.line(comparison, summaries)).append("`\n\n")
                    .append("| ").append(comparison.unit()).append(" | variant | runs | median s | min-max s | ")
                    .append(comparison.unit()).append("/s | peak heap MB | live heap MB | other figures (medians) |\n")
                    .append("|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (Summary s : summaries) {
                String extras = s.medianExtras().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.3g", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
                String failed = s.failures().isEmpty() ? "" : " " + s.failures().size() + " failed: " + s.failures().get(0);
                md.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.2f | %.2f-%.2f | %,.0f | %.0f | %.0f | %s%s |%n", s.size(),
                        s.variant(), s.runs().size(), s.medianSeconds(), s.minSeconds(), s.maxSeconds(), s.medianItemsPerSecond(),
                        s.medianPeakMb(), s.medianLiveMb(), extras, failed));
            }
            md.append('\n');
            json.put(comparison.name(), summaries);
            if (comparison.variants().size() == 1 && summaries.size() > 1) {
                Path png = out.resolve(comparison.name() + ".png");
                plot(comparison, summaries, png);
                md.append("![").append(comparison.name()).append("](").append(png.getFileName()).append(")\n\n");
            }
        }
        Files.writeString(out.resolve("results.md"), md);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), json);
    }

    /** Time and heap against size, both axes logarithmic: a straight line of slope 1 is linear growth. */
    static void plot(Comparison comparison, List<Summary> summaries, Path png) throws IOException {
        XYSeries time = new XYSeries("median time (s)");
        XYSeries peak = new XYSeries("peak heap (MB)");
        XYSeries live = new XYSeries("live heap (MB)");
        for (Summary s : summaries) {
            if (s.ok()) {
                time.add(s.size(), s.medianSeconds());
                peak.add(s.size(), s.medianPeakMb());
                live.add(s.size(), Math.max(1, s.medianLiveMb()));
            }
        }
        LogAxis sizes = decades(new LogAxis(comparison.unit()));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(sizes);
        plot.add(subplot(new XYSeriesCollection(time), "seconds", new Color(0x1F4E79)), 1);
        XYSeriesCollection heap = new XYSeriesCollection(peak);
        heap.addSeries(live);
        plot.add(subplot(heap, "MB", new Color(0xC55A11)), 1);
        JFreeChart chart = new JFreeChart(comparison.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 720, 480);
    }

    /** A tick a power of ten, labelled as a plain number (1,000, not 10^3). */
    private static LogAxis decades(LogAxis axis) {
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    private static XYPlot subplot(XYSeriesCollection data, String label, Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<Color> colors = new ArrayList<>(List.of(color, color.darker().darker()));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colors.get(i % colors.size()));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        LogAxis values = decades(new LogAxis(label));
        values.setSmallestValue(0.01);
        XYPlot plot = new XYPlot(data, null, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

}
