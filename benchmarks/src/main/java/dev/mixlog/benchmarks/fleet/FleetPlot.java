package dev.mixlog.benchmarks.fleet;

import dev.mixlog.benchmarks.support.ResultFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the fleet runs as a PNG: one panel per fleet size, events accepted per second over time
 * with rate control and per batch, and the budget as a dashed line.
 * <p>Usage: {@code FleetPlot <resultsDir> <out.png>}
 */
public final class FleetPlot {
    private static final int[] SIZES = {4, 16, 64};
    private static final int PANEL_WIDTH = 420;
    private static final int HEIGHT = 340;
    private static final int MARGIN = 48;
    private static final Color RATE_CONTROL = new Color(0x1f77b4);
    private static final Color PER_BATCH = new Color(0xd62728);

    private FleetPlot() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BufferedImage image = new BufferedImage(PANEL_WIDTH * SIZES.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        double seconds = 1;
        double peak = 1;
        double budget = 0;
        for (int size : SIZES) {
            for (String mode : new String[] {"rate-control", "per-batch"}) {
                ResultFile r = read(dir, mode, size);
                if (r != null) {
                    long[] line = timeline(r);
                    seconds = Math.max(seconds, line.length);
                    for (long value : line) {
                        peak = Math.max(peak, value);
                    }
                    budget = r.number("budget");
                }
            }
        }
        for (int i = 0; i < SIZES.length; i++) {
            panel(g, dir, SIZES[i], i * PANEL_WIDTH, seconds, Math.max(peak, budget) * 1.1, budget);
        }
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
    }

    private static void panel(Graphics2D g, Path dir, int size, int left, double seconds, double top, double budget) throws IOException {
        int x0 = left + MARGIN;
        int y0 = HEIGHT - MARGIN;
        int width = PANEL_WIDTH - MARGIN - 16;
        int height = HEIGHT - 2 * MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(size + " services, events accepted per second", x0, MARGIN - 16);
        g.drawLine(x0, y0, x0 + width, y0);
        g.drawLine(x0, y0, x0, y0 - height);
        for (int tick = 0; tick <= seconds; tick += 10) {
            int x = x0 + (int) (width * tick / seconds);
            g.drawLine(x, y0, x, y0 + 4);
            g.drawString(tick + " s", x - 8, y0 + 18);
        }
        for (int tick = 0; tick <= top; tick += 1000) {
            int y = y0 - (int) (height * tick / top);
            g.drawLine(x0 - 4, y, x0, y);
            g.drawString(Integer.toString(tick), left + 4, y + 4);
        }
        if (budget > 0) {
            int y = y0 - (int) (height * budget / top);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(x0, y, x0 + width, y);
            g.drawString("budget", x0 + width - 44, y - 4);
        }
        line(g, read(dir, "per-batch", size), PER_BATCH, x0, y0, width, height, seconds, top);
        line(g, read(dir, "rate-control", size), RATE_CONTROL, x0, y0, width, height, seconds, top);
        g.setStroke(new BasicStroke(1));
        g.setColor(RATE_CONTROL);
        g.drawString("rate control", x0 + 8, y0 - height + 4);
        g.setColor(PER_BATCH);
        g.drawString("per batch", x0 + 8, y0 - height + 20);
    }

    private static void line(Graphics2D g, ResultFile r, Color color, int x0, int y0, int width, int height, double seconds, double top) {
        if (r == null) {
            return;
        }
        long[] values = timeline(r);
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        for (int i = 1; i < values.length; i++) {
            g.drawLine(x0 + (int) (width * (i - 0.5) / seconds), y0 - (int) (height * values[i - 1] / top),
                    x0 + (int) (width * (i + 0.5) / seconds), y0 - (int) (height * values[i] / top));
        }
    }

    private static long[] timeline(ResultFile r) {
        String[] parts = r.get("timeline").split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    private static ResultFile read(Path dir, String mode, int size) {
        Path file = dir.resolve("fleet-" + mode + "-" + size + ".properties");
        return Files.exists(file) ? ResultFile.read(file) : null;
    }
}
