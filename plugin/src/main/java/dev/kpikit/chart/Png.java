package dev.kpikit.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;

/**
 * Draws a chart into a PNG at a multiple of its nominal size, so that an image placed at
 * the nominal size in a report (96 px per inch on screen) stays crisp when printed at
 * 300 dpi or more.
 */
final class Png {

    /** Pixels drawn per nominal pixel: 96 dpi x 4 = 384 dpi on paper. */
    static final int PRINT_SCALE = 4;

    private Png() {
    }

    static byte[] of(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * PRINT_SCALE, height * PRINT_SCALE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.scale(PRINT_SCALE, PRINT_SCALE);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return png.toByteArray();
    }
}
