package dev.reasoningbank.bench.report;

import dev.reasoningbank.bench.run.BenchResults;
import dev.reasoningbank.bench.run.PolicyResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Draws {@code learning-curve.png} with headless AWT, one line per policy: the cumulative success
 * rate over the task stream, and below it the failed tool calls so far (where learning shows when
 * retries let every policy succeed).
 */
public final class LearningCurveChart {

    private static final int WIDTH = 900;
    private static final int PANEL = 330;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int GAP = 80;
    private static final Color[] COLORS = {
        new Color(0xD62728), new Color(0xFF7F0E), new Color(0x1F77B4), new Color(0x2CA02C), new Color(0x9467BD), new Color(0x8C564B)};
    private static final float[][] DASHES = {null, {10f, 6f}, {3f, 4f}, null, {14f, 4f, 3f, 4f}, {6f, 6f}};

    private LearningCurveChart() {}

    /** How many tasks the calls-per-task line averages over. */
    static final int WINDOW = 20;

    /**
     * One line of the chart: a policy's repeated mistakes so far and its tool calls in each task, the two
     * figures that set the policies apart (their success rates end close together when retries are allowed).
     */
    public record Series(String name, String legend, List<Integer> repeatedMistakesCurve, List<Integer> toolCallsPerTaskCurve) {

        /** The legend under a policy's name: its success rate and repeated mistakes. */
        public static String legend(double successRate, int repeatedMistakes) {
            return String.format(Locale.ROOT, "%.1f %% success%n%d repeated", successRate * 100, repeatedMistakes);
        }
    }

    public static void write(BenchResults results, Path file) throws IOException {
        write("", series(results), results.config().tasks(), file);
    }

    private static List<Series> series(BenchResults results) {
        return results.policies().stream().map(p -> new Series(p.name(), Series.legend(p.successRate(), p.repeatedMistakes()),
                p.repeatedMistakesCurve(), p.toolCallsPerTaskCurve())).toList();
    }

    /** Writes the chart of {@code series} over {@code tasks} tasks; {@code subtitle} goes above the first panel. */
    public static void write(String subtitle, List<Series> series, int tasks, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ImageIO.write(draw(subtitle, series, tasks), "png", file.toFile());
    }

    static BufferedImage draw(BenchResults results) {
        return draw("", series(results), results.config().tasks());
    }

    static BufferedImage draw(String subtitle, List<Series> policies, int tasks) {
        int height = TOP + 2 * PANEL + GAP + 50;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            int maxRepeated = Math.max(1, policies.stream()
                    .mapToInt(p -> p.repeatedMistakesCurve().isEmpty() ? 0 : p.repeatedMistakesCurve().get(p.repeatedMistakesCurve().size() - 1))
                    .max().orElse(1));
            List<List<Number>> averages = policies.stream().map(p -> movingAverage(p.toolCallsPerTaskCurve())).toList();
            double maxCalls = Math.max(1, Math.ceil(averages.stream().flatMap(List::stream).mapToDouble(Number::doubleValue).max().orElse(1)));
            if (!subtitle.isEmpty()) {
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(subtitle, LEFT, 16);
            }
            panel(g, TOP, "Repeated mistakes so far (the same failing call made again)", policies, tasks, maxRepeated, "",
                    p -> p.repeatedMistakesCurve().stream().map(Number.class::cast).toList());
            panel(g, TOP + PANEL + GAP, "Tool calls per task (average of the last " + WINDOW + " tasks)", policies, tasks, maxCalls, "x",
                    p -> averages.get(policies.indexOf(p)));
            legend(g, policies);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, int top, String title, List<Series> policies, int tasks, double max, String unit,
            Function<Series, List<Number>> series) {
        int plotW = WIDTH - LEFT - RIGHT;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, top - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, top, plotW, PANEL);
        for (int i = 0; i <= 5; i++) {
            double value = max * i / 5;
            int y = y(value / max, top);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(LEFT + 1, y, LEFT + plotW - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(unit.equals("x") ? String.format(Locale.ROOT, "%.1f", value) : String.valueOf(Math.round(value)), LEFT - 50, y + 4);
        }
        for (int i = 0; i <= 4; i++) {
            g.drawString(String.valueOf(tasks * i / 4), LEFT + plotW * i / 4 - 8, top + PANEL + 18);
        }
        g.drawString("task", LEFT + plotW / 2 - 10, top + PANEL + 36);
        for (int i = 0; i < policies.size(); i++) {
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(stroke(i));
            List<Number> points = series.apply(policies.get(i));
            for (int t = 1; t < points.size(); t++) {
                g.drawLine(x(t - 1, points.size(), plotW), y(points.get(t - 1).doubleValue() / max, top),
                        x(t, points.size(), plotW), y(points.get(t).doubleValue() / max, top));
            }
        }
    }

    /** The mean of each task's value and the ones before it, over at most {@link #WINDOW} tasks. */
    static List<Number> movingAverage(List<Integer> values) {
        List<Number> out = new java.util.ArrayList<>(values.size());
        long sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i) - (i >= WINDOW ? values.get(i - WINDOW) : 0);
            out.add((double) sum / Math.min(i + 1, WINDOW));
        }
        return out;
    }

    private static void legend(Graphics2D g, List<Series> policies) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < policies.size(); i++) {
            Series p = policies.get(i);
            int ly = TOP + 20 + i * 52;
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(stroke(i));
            g.drawLine(WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 45, ly);
            g.setColor(Color.BLACK);
            g.drawString(p.name(), WIDTH - RIGHT + 52, ly + 4);
            String[] lines = p.legend().split("\\R");
            for (int l = 0; l < lines.length; l++) {
                g.drawString(lines[l], WIDTH - RIGHT + 52, ly + 18 + 14 * l);
            }
        }
    }

    private static BasicStroke stroke(int i) {
        float[] dash = DASHES[i % DASHES.length];
        return dash == null ? new BasicStroke(2.5f) : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    private static int x(int index, int count, int plotW) {
        return LEFT + (int) Math.round((double) (index + 1) / Math.max(1, count) * plotW);
    }

    private static int y(double fraction, int top) {
        return top + (int) Math.round((1 - fraction) * PANEL);
    }
}
