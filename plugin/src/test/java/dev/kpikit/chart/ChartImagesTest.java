package dev.kpikit.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The PNGs decode, have print resolution, and draw their marks where the values say. */
class ChartImagesTest {

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        return grey < 80;
    }

    private static boolean darkIn(BufferedImage image, int x0, int x1, int y0, int y1) {
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (dark(image, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void bulletGraphIsDrawnAtFourTimesItsNominalSize() throws IOException {
        BufferedImage image = decode(new BulletGraph(new BigDecimal("60"), new BigDecimal("80"),
                List.of(new BigDecimal("50"), new BigDecimal("75"), new BigDecimal("100"))).png(200, 24));
        assertEquals(800, image.getWidth());
        assertEquals(96, image.getHeight());
    }

    @Test
    void bulletGraphBarEndsAtTheValueAndTheTargetLineStandsAtTheTarget() throws IOException {
        // scale 0..100 over 800 px: value 60 ends near x = 480, target 80 at x = 640
        BufferedImage image = decode(new BulletGraph(new BigDecimal("60"), new BigDecimal("80"),
                List.of(new BigDecimal("50"), new BigDecimal("75"), new BigDecimal("100"))).png(200, 24));
        int middle = image.getHeight() / 2;
        assertTrue(dark(image, 240, middle), "the value bar covers 0..60");
        assertTrue(dark(image, 470, middle), "the value bar reaches 60");
        assertTrue(!dark(image, 520, middle), "the value bar stops at 60");
        assertTrue(dark(image, 640, 4), "the target line stands at 80, full height");
        assertTrue(!dark(image, 240, 4), "the bar is thinner than the ranges");
    }

    @Test
    void bulletGraphWithoutValueOrRangesStillDraws() throws IOException {
        BufferedImage image = decode(new BulletGraph(null, null, Arrays.asList(null, null)).png(100, 20));
        assertEquals(400, image.getWidth());
    }

    @Test
    void sparklineMarksTheLastValueAndSkipsBlanks() throws IOException {
        List<BigDecimal> series = Arrays.asList(new BigDecimal("1"), new BigDecimal("3"), null, new BigDecimal("2"),
                new BigDecimal("5"));
        BufferedImage image = decode(new Sparkline(series).png(120, 24));
        assertEquals(480, image.getWidth());
        assertEquals(96, image.getHeight());
        // the last value is the series' maximum: its dot is the darkest mark in the top-right corner,
        // kept whole by the axis margins (nothing dark touches the image's edge)
        assertTrue(darkIn(image, 400, 470, 0, 30), "end dot at the last value, top right");
        assertTrue(!darkIn(image, 0, 480, 0, 2), "nothing clipped at the top edge");
        // the blank third value leaves a gap in the line between x = 1 and x = 3 (of 0..4)
        assertTrue(!darkIn(image, 230, 250, 0, 96), "a gap where the value is blank");
    }

    @Test
    void stackedBarIsAsLongAsItsTotalOnTheScale() throws IOException {
        // 30 + 20 + blank + 10 = 60 of 100 points over 480 px: dark up to about x = 288, white after
        BufferedImage image = decode(new StackedBar(Arrays.asList(new BigDecimal("30"), new BigDecimal("20"), null,
                new BigDecimal("10")), new BigDecimal("100")).png(120, 14));
        int middle = image.getHeight() / 2;
        assertTrue(dark(image, 20, middle), "the first part is the darkest");
        assertTrue(!darkIn(image, 300, 480, 0, image.getHeight()), "nothing beyond 60 points");
        int grey = image.getRGB(170, middle) & 0xff; // second part, 30..50 points: mid grey
        assertTrue(grey > 80 && grey < 200, "the second part is a lighter grey, was " + grey);
    }

    @Test
    void emptySparklineIsABlankImage() throws IOException {
        BufferedImage image = decode(new Sparkline(null).png(60, 20));
        assertTrue(!dark(image, 120, 40));
    }
}
