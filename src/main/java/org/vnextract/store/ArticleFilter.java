package org.vnextract.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which articles a search, a statistic or an export covers: published on or after {@code since},
 * on or before {@code until} (both inclusive, by the article's own date; an article without a date
 * is left out as soon as either is set), from the outlet {@code site} ("baomoi.com", case and a
 * leading "www." ignored), in the province {@code province} (null: no condition on that).
 *
 * <p>The province is the article's place (issue 16: {@code articles.place_key}), before or after the
 * July 2025 reform ("gia lai" keeps the articles placed in Gia Lai and those placed in Bình Định,
 * which is part of Gia Lai since then). The name is compared without case, diacritics, spaces or a leading "tỉnh"/"thành phố" ("gia lai" = "Tỉnh Gia Lai").
 *
 * <p>Immutable, thread-safe.
 */
public record ArticleFilter(LocalDate since, LocalDate until, String site, String province) {
    public static final ArticleFilter NONE = new ArticleFilter(null, null, null, null);

    public ArticleFilter {
        site = blankToNull(site);
        province = blankToNull(province);
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("'until' (" + until + ") is before 'since' (" + since + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isEmpty() {
        return since == null && until == null && site == null && province == null;
    }

    /** An SQL condition (" AND …", or "" for no filter) over the articles table aliased {@code a}, and its arguments. */
    public record Sql(String where, List<Object> args) {}

    /**
     * The condition for this filter on {@code c}'s store. Only constants and the alias are written
     * into the SQL; every value is a parameter.
     */
    public Sql sql(Connection c, String alias) throws SQLException {
        StringBuilder w = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (since != null) {
            w.append(" AND ").append(alias).append(".published >= ?");
            args.add(since.toString());
        }
        if (until != null) {
            // published is ISO-8601 text, so every time on that day sorts before the next day
            w.append(" AND ").append(alias).append(".published < ?");
            args.add(until.plusDays(1).toString());
        }
        if (site != null) {
            w.append(" AND (").append(alias).append(".site = ? OR ").append(alias).append(".site = ?)");
            String s = site.toLowerCase(Locale.ROOT);
            s = s.startsWith("www.") ? s.substring(4) : s;
            args.add(s);
            args.add("www." + s);
        }
        if (province != null) {
            String key = provinceKey(province);
            // the stored key (RecordStore.provinceKey of the place's name) may keep a "tỉnh"/"thành phố": try both
            List<String> keys = List.of(key, "tinh" + key, "thanhpho" + key);
            String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
            w.append(" AND (").append(alias).append(".place_key IN (").append(marks).append(") OR ").append(alias)
                    .append(".place_after_key IN (").append(marks).append("))");
            args.addAll(keys);
            args.addAll(keys);
        }
        return new Sql(w.toString(), args);
    }

    /**
     * A province name for matching: no case, diacritics (đ → d), spaces or punctuation, and no
     * leading "tỉnh" or "thành phố" ("Thừa Thiên - Huế" = "thua thien hue" = "tỉnh Thừa Thiên Huế").
     */
    public static String provinceKey(String name) {
        if (name == null) {
            return null;
        }
        String k = org.vnextract.text.Fold.nameKey(name);
        for (String prefix : new String[] {"tinh", "thanhpho", "tp"}) {
            if (k.startsWith(prefix) && k.length() > prefix.length() + 2) {
                return k.substring(prefix.length());
            }
        }
        return k;
    }

    /** Binds {@code args} from parameter {@code first} on; returns the next free index. */
    static int bind(PreparedStatement ps, int first, List<Object> args) throws SQLException {
        int i = first;
        for (Object a : args) {
            if (a instanceof Integer n) {
                ps.setInt(i++, n);
            } else if (a instanceof Long n) {
                ps.setLong(i++, n);
            } else {
                ps.setString(i++, (String) a);
            }
        }
        return i;
    }
}
