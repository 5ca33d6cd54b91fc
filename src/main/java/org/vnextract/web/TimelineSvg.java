package org.vnextract.web;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.store.StoreReader;

/**
 * The timeline of a document's citing articles: one bar per month from the first citing month to
 * the last (empty months included, so gaps show), drawn on the server as inline SVG: no script, no
 * front-end build, and nothing the page's Content-Security-Policy forbids (presentation attributes,
 * no inline style). Each bar carries a {@code <title>} ("2022-03: 4 bài") that browsers show on hover
 * and screen readers read; years are labelled under the axis.
 *
 * <p>Stateless; thread-safe.
 */
final class TimelineSvg {
    static final int WIDTH = 720;
    static final int HEIGHT = 160;
    private static final int LEFT = 32;
    private static final int BOTTOM = 24;
    private static final int TOP = 10;
    /** More months than this are drawn as thinner bars, never as more than the width. */
    static final int MAX_MONTHS = 600;

    private TimelineSvg() {}

    /** The SVG for the months (sorted, "YYYY-MM"); empty string when there are none. */
    static String render(List<StoreReader.MonthCount> months) {
        Validate.notNull(months, "months");
        if (months.isEmpty()) {
            return "";
        }
        YearMonth first = YearMonth.parse(months.get(0).month());
        YearMonth last = YearMonth.parse(months.get(months.size() - 1).month());
        long span = Math.min(MAX_MONTHS, first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        if (span < 0) {
            span = 1;
        }
        Map<YearMonth, Integer> n = new HashMap<>();
        int max = 1;
        for (StoreReader.MonthCount m : months) {
            n.put(YearMonth.parse(m.month()), m.articles());
            max = Math.max(max, m.articles());
        }
        double plotW = WIDTH - LEFT - 8;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = plotW / span;
        double barW = Math.max(1, step * 0.8);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-label=\"").append(Html.escape("Số bài trích dẫn theo tháng, " + first + " – " + last))
                .append("\">");
        // axes and the top value
        sb.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>",
                LEFT, TOP + plotH, WIDTH - 8, TOP + plotH));
        sb.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>",
                LEFT, TOP, LEFT, TOP + plotH));
        sb.append(String.format(java.util.Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">%d</text>", LEFT - 4, TOP + 9, max));
        sb.append(String.format(java.util.Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">0</text>", LEFT - 4, TOP + plotH));
        int lastYear = -1;
        for (int i = 0; i < span; i++) {
            YearMonth ym = first.plusMonths(i);
            int v = n.getOrDefault(ym, 0);
            double x = LEFT + i * step + (step - barW) / 2;
            if (v > 0) {
                double h = Math.max(1, plotH * v / max);
                sb.append(String.format(java.util.Locale.ROOT,
                        "<rect class=\"bar\" data-month=\"%s\" data-articles=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                                + " height=\"%.1f\" fill=\"#7a1010\"><title>%s: %d bài</title></rect>",
                        ym, v, x, TOP + plotH - h, barW, h, ym, v));
            }
            if (ym.getYear() != lastYear && (ym.getMonthValue() == 1 || i == 0)) {
                lastYear = ym.getYear();
                sb.append(String.format(java.util.Locale.ROOT,
                        "<text class=\"year\" x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%d</text>",
                        LEFT + i * step, HEIGHT - 6, ym.getYear()));
            }
        }
        sb.append("</svg>");
        return sb.toString();
    }
}
