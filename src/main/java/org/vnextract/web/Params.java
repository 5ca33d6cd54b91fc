package org.vnextract.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnextract.store.ArticleFilter;
import org.vnextract.store.ArticleSearch;
import org.vnextract.store.StoreReader;

/**
 * The query parameters of a list page or API call, checked: {@code q} (at most
 * {@link WebServer#MAX_QUERY} characters), {@code page} (from 1), {@code size} (or {@code limit};
 * 1..{@link StoreReader#MAX_PAGE}, default {@link WebServer#DEFAULT_PAGE}), {@code since}/{@code until}
 * (YYYY-MM-DD), {@code site}, {@code province}, {@code sort} (relevance, newest, oldest) and
 * {@code excel} (CSV with a byte-order mark). A bad value is a 400 with a message saying which.
 *
 * <p>Immutable, thread-safe.
 */
final class Params {
    /** The parameters a list link carries from one page to the next, in the order links write them. */
    static final List<String> CARRIED = List.of("q", "since", "until", "site", "province", "after", "sort", "size");

    private final Map<String, String> raw;

    Params(Map<String, String> raw) {
        this.raw = Map.copyOf(raw);
    }

    String get(String name) {
        String v = raw.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String text(String name) throws HttpError {
        String s = raw.getOrDefault(name, "").strip();
        if (s.length() > WebServer.MAX_QUERY) {
            throw new HttpError(400, name + " longer than " + WebServer.MAX_QUERY + " characters");
        }
        return s;
    }

    String q() throws HttpError {
        return text("q");
    }

    private int integer(String name, int dflt) throws HttpError {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new HttpError(400, name + " must be a number");
        }
    }

    int page() throws HttpError {
        int p = integer("page", 1);
        if (p < 1) {
            throw new HttpError(400, "page counts from 1");
        }
        return Math.min(p, ArticleSearch.MAX_PAGE_NUMBER);
    }

    int size() throws HttpError {
        int s = integer("size", integer("limit", WebServer.DEFAULT_PAGE));
        return Math.max(1, Math.min(s, StoreReader.MAX_PAGE));
    }

    private LocalDate date(String name) throws HttpError {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, name + " must be a date YYYY-MM-DD");
        }
    }

    ArticleFilter filter() throws HttpError {
        try {
            return new ArticleFilter(date("since"), date("until"), text("site"), text("province"));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    ArticleSearch.Sort sort() throws HttpError {
        String v = get("sort");
        if (v == null) {
            return ArticleSearch.Sort.RELEVANCE;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "relevance" -> ArticleSearch.Sort.RELEVANCE;
            case "newest", "date" -> ArticleSearch.Sort.NEWEST;
            case "oldest" -> ArticleSearch.Sort.OLDEST;
            default -> throw new HttpError(400, "sort must be relevance, newest or oldest");
        };
    }

    /** {@code after=1}: provinces as they are after the July 2025 reform (the provinces list). */
    boolean after() {
        String v = get("after");
        return v != null && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    boolean excel() {
        String v = get("excel");
        return v != null && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** This page's link with {@code name} set to {@code value} (null: dropped) and the other carried parameters kept. */
    String link(String path, String name, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : CARRIED) {
            String v = get(k);
            if (v != null) {
                m.put(k, v);
            }
        }
        if (value == null) {
            m.remove(name);
        } else {
            m.put(name, value);
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = path.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> e : m.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(Html.url(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }
}
