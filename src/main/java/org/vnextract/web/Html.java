package org.vnextract.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds HTML with escaping as the default: {@link #text} escapes every character that could open
 * markup or leave an attribute, and {@link #raw} takes only constants written in this package.
 * Nothing from an article, a query or the database reaches a page without going through
 * {@link #text}, {@link #attr} or {@link #url}.
 *
 * <p>Not thread-safe: one builder per response.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(8192);

    /** Escapes {@code & < > " '} (enough for element content and quoted attribute values). */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep != null ? rep : "\uFFFD");
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A path segment or query value, percent-encoded (then HTML-escaped when written into an attribute). */
    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Html raw(String constantMarkup) {
        sb.append(constantMarkup);
        return this;
    }

    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    Html text(int n) {
        sb.append(n);
        return this;
    }

    /** An element with escaped text content: {@code <tag class="cls">text</tag>}. */
    Html el(String tag, String cls, String content) {
        sb.append('<').append(tag);
        if (cls != null) {
            sb.append(" class=\"").append(escape(cls)).append('"');
        }
        sb.append('>').append(escape(content)).append("</").append(tag).append('>');
        return this;
    }

    /** A link; href is built by the caller from constants and {@link #url} parts, and escaped here too. */
    Html link(String href, String content) {
        sb.append("<a href=\"").append(escape(href)).append("\">").append(escape(content)).append("</a>");
        return this;
    }

    /**
     * Text with the char ranges {@code marks} (sorted, not overlapping) wrapped in
     * {@code <mark class=…>}; classes and ids are given per range.
     */
    Html marked(String s, int[][] marks, String[] classes, String[] ids) {
        int at = 0;
        for (int i = 0; i < marks.length; i++) {
            int a = Math.max(at, Math.min(marks[i][0], s.length()));
            int b = Math.max(a, Math.min(marks[i][1], s.length()));
            sb.append(escape(s.substring(at, a)));
            sb.append("<mark class=\"").append(escape(classes[i])).append('"');
            if (ids != null && ids[i] != null) {
                sb.append(" id=\"").append(escape(ids[i])).append('"');
            }
            sb.append('>').append(escape(s.substring(a, b))).append("</mark>");
            at = b;
        }
        sb.append(escape(s.substring(Math.min(at, s.length()))));
        return this;
    }

    /**
     * Like {@link #marked}, with each range that has an {@code hrefs[i]} written as a link around
     * its mark ({@code <a class="entity" href=…><mark …>…</mark></a>}); hrefs are built by the
     * caller from constants and {@link #url} parts, and escaped here.
     */
    Html markedLinks(String s, int[][] marks, String[] classes, String[] ids, String[] hrefs) {
        int at = 0;
        for (int i = 0; i < marks.length; i++) {
            int a = Math.max(at, Math.min(marks[i][0], s.length()));
            int b = Math.max(a, Math.min(marks[i][1], s.length()));
            sb.append(escape(s.substring(at, a)));
            if (hrefs[i] != null) {
                sb.append("<a class=\"entity\" href=\"").append(escape(hrefs[i])).append("\">");
            }
            sb.append("<mark class=\"").append(escape(classes[i])).append('"');
            if (ids != null && ids[i] != null) {
                sb.append(" id=\"").append(escape(ids[i])).append('"');
            }
            sb.append('>').append(escape(s.substring(a, b))).append("</mark>");
            if (hrefs[i] != null) {
                sb.append("</a>");
            }
            at = b;
        }
        sb.append(escape(s.substring(Math.min(at, s.length()))));
        return this;
    }

    /** A link with a {@code class} and an optional {@code download} file name (both constants or escaped here). */
    Html link(String href, String content, String cls, String download) {
        sb.append("<a");
        if (cls != null) {
            sb.append(" class=\"").append(escape(cls)).append('"');
        }
        sb.append(" href=\"").append(escape(href)).append('"');
        if (download != null) {
            sb.append(" download=\"").append(escape(download)).append('"');
        }
        sb.append('>').append(escape(content)).append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** A UTF-8 resource under {@code web/}. */
    static String resource(String name) {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource web/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
