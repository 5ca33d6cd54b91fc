package org.vnextract.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an article's own date line ("05/11/2023 13:45", "Thứ Năm, 15/10/2020, 16:21 (GMT+7)",
 * "Cập nhật lúc 22:38, Thứ Hai, 08/10/2018", "Thứ tư, 08 Tháng 9 2021 15:09", "Đăng ngày
 * 15-05-2022 10:48", "date 2023-11-05") and reads the publication date from it. A line counts only
 * when, once its date, time, weekday and labels are taken away, at most a short byline is left:
 * a sentence that merely contains a date is body text.
 *
 * <p>Patterns run on lines of at most {@value #MAX_LINE} characters, so none can run long.
 * Stateless; thread-safe.
 */
final class DateLines {
    static final int MAX_LINE = 160;

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s?[/.-]\\s?(\\d{1,2})\\s?[/.-]\\s?(\\d{4})(?!\\d)");
    private static final Pattern MONTH_NAME = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s+tháng\\s+(\\d{1,2})[\\s,]+(?:năm\\s+)?(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})(?:-(\\d{2}))?(?!\\d)");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)(\\d{1,2})[:h](\\d{2})(?::\\d{2})?(?!\\d)");
    private static final Pattern NOISE = Pattern.compile(
            "(?:cập nhật lúc|cập nhật|đăng ngày|ngày đăng|đăng lúc|xuất bản|thời gian|ngày|lúc|date"
                    + "|thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ nhật|t[2-7]|cn"
                    + "|gmt\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?|utc\\s?[+-]?\\s?\\d{0,2}|am|pm|sáng|chiều|tối)(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The publication date of a date line, or null if the line is not one. */
    record Published(String iso, String rest) {}

    private DateLines() {}

    static Published parse(String line) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        String l = line.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.startsWith("date ")) {
            Matcher m = ISO.matcher(l);
            if (m.find() && m.start() <= 6) {
                String iso = m.group(3) == null ? m.group(1) + "-" + m.group(2) : m.group(0);
                return new Published(iso, l.substring(m.end()).strip());
            }
        }
        String iso = null;
        int s = -1;
        int e = -1;
        Matcher m = NUMERIC.matcher(l);
        if (m.find()) {
            iso = day(m.group(3), m.group(2), m.group(1));
            s = m.start();
            e = m.end();
        } else if ((m = MONTH_NAME.matcher(l)).find()) {
            iso = day(m.group(3), m.group(2), m.group(1));
            s = m.start();
            e = m.end();
        } else if ((m = ISO.matcher(l)).find() && m.group(3) != null) {
            iso = day(m.group(1), m.group(2), m.group(3));
            s = m.start();
            e = m.end();
        }
        if (iso == null) {
            return null;
        }
        String rest = l.substring(0, s) + " " + l.substring(e);
        Matcher t = TIME.matcher(rest);
        String time = null;
        if (t.find()) {
            int hh = Integer.parseInt(t.group(1));
            int mm = Integer.parseInt(t.group(2));
            if (hh < 24 && mm < 60) {
                time = String.format(Locale.ROOT, "%02d:%02d:00", hh, mm);
            }
            rest = rest.substring(0, t.start()) + " " + rest.substring(t.end());
        }
        rest = NOISE.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("[\\s|,;:()\\[\\]/\\-–—.+]+", " ").strip();
        int words = rest.isEmpty() ? 0 : rest.split(" ").length;
        if (words > 4) {
            return null;
        }
        return new Published(time == null ? iso : iso + "T" + time + "+07:00", rest);
    }

    private static String day(String y, String mo, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d)).toString();
        } catch (DateTimeException | NumberFormatException ex) {
            return null;
        }
    }
}
