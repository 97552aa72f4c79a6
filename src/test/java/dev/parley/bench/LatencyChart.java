package dev.parley.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG line chart of 1:1 latency percentiles against the offered rate, on a
 * logarithmic latency axis, with the 30 ms target drawn across.
 */
final class LatencyChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MIN_MS = 0.5;
    private static final double MAX_MS = 100_000;
    private static final double TARGET_MS = 30;
    private static final String[] COLOURS = {"#1b9e77", "#7570b3", "#d95f02", "#e7298a"};
    private static final String[] NAMES = {"p50", "p95", "p99", "p99.9"};

    /** One offered rate's percentiles. */
    record Point(int rate, Latencies.Percentiles latency) {
        double value(int series) {
            return switch (series) {
                case 0 -> latency.p50();
                case 1 -> latency.p95();
                case 2 -> latency.p99();
                default -> latency.p999();
            };
        }
    }

    private LatencyChart() {
    }

    static String svg(List<Point> points) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"24\" font-size=\"15\">Parley 1:1 latency (scheduled send to receipt) by offered rate</text>%n",
                WIDTH, HEIGHT, LEFT));
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        for (double ms = 1; ms <= MAX_MS; ms *= 10) {
            double y = y(ms);
            svg.append(line(LEFT, y, plotRight, y, "#ddd", "")).append(text(LEFT - 8, y + 4, label(ms), "end"));
        }
        svg.append(line(LEFT, y(TARGET_MS), plotRight, y(TARGET_MS), "#c00", " stroke-dasharray=\"6 4\""))
                .append(text(plotRight - 4, y(TARGET_MS) - 6, "target p99 < 30 ms", "end"));
        for (int i = 0; i < points.size(); i++) {
            double x = x(i, points.size());
            svg.append(line(x, plotBottom, x, plotBottom + 5, "#333", ""))
                    .append(text(x, plotBottom + 20, points.get(i).rate() + "/s", "middle"));
        }
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "#333", "")).append(line(LEFT, plotBottom, plotRight, plotBottom, "#333", ""))
                .append(text((LEFT + plotRight) / 2.0, HEIGHT - 18, "offered rate (messages per second, every one persisted)", "middle"))
                .append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">latency (ms, log scale)</text>%n",
                        (TOP + plotBottom) / 2));
        for (int series = 0; series < NAMES.length; series++) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double value = points.get(i).value(series);
                if (!Double.isNaN(value)) {
                    path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(i, points.size()), y(value)));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x(i, points.size()), y(value), COLOURS[series]));
                }
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, COLOURS[series]));
            double legendY = TOP + 10 + series * 20;
            svg.append(line(plotRight + 20, legendY, plotRight + 45, legendY, COLOURS[series], " stroke-width=\"2\""))
                    .append(text(plotRight + 52, legendY + 4, NAMES[series], "start"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int index, int count) {
        double span = WIDTH - RIGHT - LEFT - 60;
        return LEFT + 30 + (count == 1 ? span / 2 : span * index / (count - 1));
    }

    private static double y(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double share = (Math.log10(clamped) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
        return HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - TOP);
    }

    private static String label(double ms) {
        return ms >= 1000 ? (int) (ms / 1000) + " s" : (int) ms + " ms";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, extra);
    }

    private static String text(double x, double y, String content, String anchor) {
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, escaped);
    }
}
