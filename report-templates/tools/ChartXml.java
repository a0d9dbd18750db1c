import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.birt.chart.model.ChartWithAxes;
import org.eclipse.birt.chart.model.attribute.AxisType;
import org.eclipse.birt.chart.model.attribute.ChartDimension;
import org.eclipse.birt.chart.model.attribute.LegendItemType;
import org.eclipse.birt.chart.model.attribute.LineStyle;
import org.eclipse.birt.chart.model.attribute.Orientation;
import org.eclipse.birt.chart.model.attribute.Position;
import org.eclipse.birt.chart.model.attribute.SortOption;
import org.eclipse.birt.chart.model.attribute.impl.BoundsImpl;
import org.eclipse.birt.chart.model.attribute.impl.ColorDefinitionImpl;
import org.eclipse.birt.chart.model.attribute.impl.JavaNumberFormatSpecifierImpl;
import org.eclipse.birt.chart.model.component.Axis;
import org.eclipse.birt.chart.model.component.Series;
import org.eclipse.birt.chart.model.component.impl.SeriesImpl;
import org.eclipse.birt.chart.model.data.BaseSampleData;
import org.eclipse.birt.chart.model.data.DataFactory;
import org.eclipse.birt.chart.model.data.OrthogonalSampleData;
import org.eclipse.birt.chart.model.data.SampleData;
import org.eclipse.birt.chart.model.data.SeriesDefinition;
import org.eclipse.birt.chart.model.data.impl.QueryImpl;
import org.eclipse.birt.chart.model.data.impl.SeriesDefinitionImpl;
import org.eclipse.birt.chart.model.impl.ChartWithAxesImpl;
import org.eclipse.birt.chart.model.impl.SerializerImpl;
import org.eclipse.birt.chart.model.type.BarSeries;
import org.eclipse.birt.chart.model.type.LineSeries;
import org.eclipse.birt.chart.model.type.impl.BarSeriesImpl;
import org.eclipse.birt.chart.model.type.impl.LineSeriesImpl;

/**
 * Writes the chart model XML that a report design embeds in a Chart item's
 * xmlRepresentation, for the two charts kpikit's templates use, in greys that read in
 * grey print. It stands in for the Designer's chart wizard when templates are written by
 * hand; a designer can edit the result in the Designer as usual.
 *
 * Run from the repository root after a build:
 *   java -cp "runner/target/lib/*" report-templates/tools/ChartXml.java stacked "#,##0" 6.5 3
 *   java -cp "runner/target/lib/*" report-templates/tools/ChartXml.java line "0.0%" 3 1.6
 *
 * stacked: x = row["period"], one bar segment per row["group"] (e.g. key accounts, the rest),
 *          in the order of row["groupKey"], height = row["value"]
 * line:    x = row["period"], y = row["value"] as a dark line and row["target"] as a dashed grey one
 *
 * Facts learned the hard way: the report item silently skips a chart whose block is 0 x 0
 * points, and the chart needs sample data and a category base axis, as the Designer writes.
 */
public class ChartXml {

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ChartXml stacked|line NUMBER_PATTERN WIDTH_INCHES HEIGHT_INCHES");
            System.exit(2);
        }
        System.out.print(chart(args[0].equals("stacked"), args[1], Double.parseDouble(args[2]), Double.parseDouble(args[3])));
    }

    /** The chart model XML, without an XML declaration, for a design's CDATA (ScenarioDesigns.java calls it). */
    public static String chart(boolean stacked, String numberPattern, double widthInches, double heightInches) throws Exception {
        ChartWithAxes chart = ChartWithAxesImpl.create();
        chart.setDimension(ChartDimension.TWO_DIMENSIONAL_LITERAL);
        chart.setOrientation(Orientation.VERTICAL_LITERAL);
        chart.getBlock().setBackground(ColorDefinitionImpl.WHITE());
        chart.getBlock().setBounds(BoundsImpl.create(0, 0, widthInches * 72, heightInches * 72));
        chart.getPlot().getClientArea().setBackground(ColorDefinitionImpl.WHITE());
        chart.getTitle().setVisible(false);
        chart.getLegend().setVisible(stacked);
        chart.getLegend().setPosition(Position.BELOW_LITERAL);
        chart.getLegend().setOrientation(Orientation.HORIZONTAL_LITERAL);
        chart.getLegend().setItemType(LegendItemType.SERIES_LITERAL);

        Axis x = chart.getPrimaryBaseAxes()[0];
        x.setType(AxisType.TEXT_LITERAL);
        x.setCategoryAxis(true);
        x.getTitle().setVisible(false);
        x.getLabel().getCaption().getFont().setSize(7);
        x.getLabel().getCaption().getFont().setRotation(stacked ? 45 : 0);
        Axis y = chart.getPrimaryOrthogonalAxis(x);
        y.setType(AxisType.LINEAR_LITERAL);
        y.getTitle().setVisible(false);
        y.getLabel().getCaption().getFont().setSize(7);
        y.getMajorGrid().getLineAttributes().setVisible(true);
        y.getMajorGrid().getLineAttributes().setColor(ColorDefinitionImpl.create(220, 220, 220));
        y.setFormatSpecifier(JavaNumberFormatSpecifierImpl.create(numberPattern));

        Series periods = SeriesImpl.create();
        periods.getDataDefinition().add(QueryImpl.create("row[\"period\"]"));
        SeriesDefinition base = SeriesDefinitionImpl.create();
        x.getSeriesDefinitions().add(base);
        base.getSeries().add(periods);

        SeriesDefinition values = SeriesDefinitionImpl.create();
        y.getSeriesDefinitions().add(values);
        values.getSeriesPalette().getEntries().clear();
        values.getSeriesPalette().getEntries().add(ColorDefinitionImpl.create(33, 33, 33));
        Series series;
        if (stacked) {
            chart.setType("Bar Chart");
            chart.setSubType("Stacked");
            BarSeries bars = (BarSeries) BarSeriesImpl.create();
            bars.setStacked(true);
            series = bars;
            values.getQuery().setDefinition("row[\"group\"]"); // one series per group
            // in the order of the group's key (KEY_ACCOUNTS before OTHERS), whatever the translated names
            values.setSorting(SortOption.ASCENDING_LITERAL);
            values.setSortKey(QueryImpl.create("row[\"groupKey\"]"));
            values.getSeriesPalette().getEntries().add(ColorDefinitionImpl.create(170, 170, 170));
        } else {
            chart.setType("Line Chart");
            chart.setSubType("Overlay");
            LineSeries line = (LineSeries) LineSeriesImpl.create();
            line.getLineAttributes().setColor(ColorDefinitionImpl.create(33, 33, 33));
            line.getLineAttributes().setThickness(2);
            line.getMarkers().forEach(marker -> marker.setSize(2));
            series = line;
        }
        series.getDataDefinition().add(QueryImpl.create("row[\"value\"]"));
        series.getLabel().setVisible(false);
        values.getSeries().add(series);
        if (!stacked) {
            // the target as a dashed grey line, so on-target months show at a glance
            LineSeries target = (LineSeries) LineSeriesImpl.create();
            target.getLineAttributes().setColor(ColorDefinitionImpl.create(120, 120, 120));
            target.getLineAttributes().setThickness(2);
            target.getLineAttributes().setStyle(LineStyle.DASHED_LITERAL);
            target.getMarkers().forEach(marker -> marker.setVisible(false));
            target.getDataDefinition().add(QueryImpl.create("row[\"target\"]"));
            target.getLabel().setVisible(false);
            SeriesDefinition targets = SeriesDefinitionImpl.create();
            targets.getSeriesPalette().getEntries().clear();
            targets.getSeriesPalette().getEntries().add(ColorDefinitionImpl.create(150, 150, 150));
            targets.getSeries().add(target);
            y.getSeriesDefinitions().add(targets);
        }

        SampleData sample = DataFactory.eINSTANCE.createSampleData();
        BaseSampleData baseSample = DataFactory.eINSTANCE.createBaseSampleData();
        baseSample.setDataSetRepresentation("A,B,C");
        sample.getBaseSampleData().add(baseSample);
        OrthogonalSampleData valueSample = DataFactory.eINSTANCE.createOrthogonalSampleData();
        valueSample.setDataSetRepresentation("5,4,12");
        valueSample.setSeriesDefinitionIndex(0);
        sample.getOrthogonalSampleData().add(valueSample);
        if (!stacked) {
            OrthogonalSampleData targetSample = DataFactory.eINSTANCE.createOrthogonalSampleData();
            targetSample.setDataSetRepresentation("6,6,6");
            targetSample.setSeriesDefinitionIndex(1);
            sample.getOrthogonalSampleData().add(targetSample);
        }
        chart.setSampleData(sample);

        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        SerializerImpl.instance().write(chart, xml);
        // a design embeds the model in CDATA without an XML declaration of its own
        return xml.toString(StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*>\\s*", "");
    }
}
