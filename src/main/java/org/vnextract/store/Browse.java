package org.vnextract.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.text.Fold;

/**
 * The lists a reader browses, each as a {@link Page} with its total: the most-cited documents, the
 * most-named officials, the provinces, the articles citing a document and those naming an official.
 * Counts are of distinct articles, within an {@link ArticleFilter}.
 *
 * <p>Thread-safe: each call borrows its own connection from the reader.
 */
public final class Browse {
    /** A province (its key, name and GSO code) and how many articles within the filter have it as their place. */
    public record ProvinceCount(String key, String name, String code, long articles) {}

    private final StoreReader reader;

    public Browse(StoreReader reader) {
        this.reader = Validate.notNull(reader, "reader");
    }

    /** Documents by the number of articles citing them, most first. */
    public Page<StoreReader.DocumentInfo> documents(ArticleFilter filter, int page, int size) {
        ArticleFilter f = filter == null ? ArticleFilter.NONE : filter;
        int p = Math.max(1, Math.min(page, ArticleSearch.MAX_PAGE_NUMBER));
        int s = StoreReader.cap(size);
        return reader.withConnection(c -> {
            ArticleFilter.Sql w = f.sql(c, "a");
            String from = " FROM article_documents ad JOIN articles a ON a.id = ad.article_id WHERE 1 = 1" + w.where();
            long total = count(c, "SELECT COUNT(DISTINCT ad.doc_key)" + from, w.args());
            List<StoreReader.DocumentInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.doc_key, d.id, d.type, d.type_name, d.number, d.issuer_code,"
                    + " d.issuer, d.issued, d.subject, n.articles, d.level, d.place, d.label FROM documents d JOIN (SELECT ad.doc_key AS doc_key,"
                    + " COUNT(DISTINCT ad.article_id) AS articles" + from + " GROUP BY ad.doc_key) n ON n.doc_key = d.doc_key"
                    + " ORDER BY n.articles DESC, d.id, d.doc_key LIMIT ? OFFSET ?")) {
                int i = ArticleFilter.bind(ps, 1, w.args());
                ps.setInt(i++, s);
                ps.setLong(i, (long) (p - 1) * s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoreReader.DocumentInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                                rs.getString(11), rs.getString(12), rs.getString(13) == null ? rs.getString(2) : rs.getString(13)));
                    }
                }
            }
            return new Page<>(total, p, s, out);
        });
    }

    /**
     * Officials by the number of articles naming them, most first; {@code query} (may be empty)
     * keeps those whose name contains it (diacritics matter only when typed).
     */
    public Page<StoreReader.OfficialInfo> officials(String query, ArticleFilter filter, int page, int size) {
        ArticleFilter f = filter == null ? ArticleFilter.NONE : filter;
        String q = query == null ? "" : query.strip();
        int p = Math.max(1, Math.min(page, ArticleSearch.MAX_PAGE_NUMBER));
        int s = StoreReader.cap(size);
        return reader.withConnection(c -> {
            ArticleFilter.Sql w = f.sql(c, "a");
            List<Object> args = new ArrayList<>();
            StringBuilder from = new StringBuilder(" FROM article_officials ao JOIN articles a ON a.id = ao.article_id"
                    + " JOIN officials o ON o.official_key = ao.official_key WHERE 1 = 1");
            if (!q.isEmpty()) {
                boolean strict = SearchText.hasDiacritics(q);
                String needle = strict ? Fold.fold(q) : SearchText.looseText(q);
                from.append(strict ? " AND o.name_key" : " AND o.loose_key").append(" LIKE ? ESCAPE '\\'");
                args.add("%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            from.append(w.where());
            args.addAll(w.args());
            long total = count(c, "SELECT COUNT(DISTINCT ao.official_key)" + from, args);
            List<StoreReader.OfficialInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.official_key, MIN(o.name), COUNT(DISTINCT ao.article_id) AS n, MIN(o.place)"
                    + from + " GROUP BY o.official_key ORDER BY n DESC, MIN(o.name), o.official_key LIMIT ? OFFSET ?")) {
                int i = ArticleFilter.bind(ps, 1, args);
                ps.setInt(i++, s);
                ps.setLong(i, (long) (p - 1) * s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoreReader.OfficialInfo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                    }
                }
            }
            return new Page<>(total, p, s, out);
        });
    }

    /**
     * Provinces by their number of articles within the filter, most first: the article's place as the
     * province of its time ({@code afterReform} false) or as the province covering it after 1 July 2025
     * (true, 34 provinces). Articles without a place are not counted.
     */
    public Page<ProvinceCount> provinces(ArticleFilter filter, boolean afterReform, int page, int size) {
        ArticleFilter f = filter == null ? ArticleFilter.NONE : filter;
        int p = Math.max(1, Math.min(page, ArticleSearch.MAX_PAGE_NUMBER));
        int s = StoreReader.cap(size);
        String key = afterReform ? "a.place_after_key" : "a.place_key";
        String name = afterReform ? "a.place_after_name" : "a.place_name";
        String code = afterReform ? "a.place_after_code" : "a.place_code";
        return reader.withConnection(c -> {
            ArticleFilter.Sql w = f.sql(c, "a");
            String groups = "SELECT " + key + " AS k, MIN(" + name + ") AS name, MIN(" + code + ") AS code, COUNT(*) AS n"
                    + " FROM articles a WHERE " + key + " IS NOT NULL" + w.where() + " GROUP BY " + key;
            long total = count(c, "SELECT COUNT(*) FROM (" + groups + ") g", w.args());
            List<ProvinceCount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k, name, code, n FROM (" + groups + ") g"
                    + " ORDER BY n DESC, name, k LIMIT ? OFFSET ?")) {
                int i = ArticleFilter.bind(ps, 1, w.args());
                ps.setInt(i++, s);
                ps.setLong(i, (long) (p - 1) * s);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ProvinceCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
            return new Page<>(total, p, s, out);
        });
    }

    /** The articles citing a document, newest first, with their total. */
    public Page<StoreReader.Citation> citations(String docKey, int page, int size) {
        Validate.notNull(docKey, "docKey");
        int p = Math.max(1, Math.min(page, ArticleSearch.MAX_PAGE_NUMBER));
        int s = StoreReader.cap(size);
        long total = reader.withConnection(c -> count(c,
                "SELECT COUNT(DISTINCT article_id) FROM article_documents WHERE doc_key = ?", List.of(docKey)));
        return new Page<>(total, p, s, reader.citations(docKey, s, (p - 1) * s));
    }

    /** How many articles name an official. */
    public long officialArticles(String officialKey) {
        Validate.notNull(officialKey, "officialKey");
        return reader.withConnection(c -> count(c,
                "SELECT COUNT(DISTINCT article_id) FROM article_officials WHERE official_key = ?", List.of(officialKey)));
    }

    /** The store in figures, for the home page: articles, documents, officials, first and last publication date. */
    public record Summary(long articles, long documents, long officials, String first, String last) {}

    public Summary summary() {
        return reader.withConnection(c -> {
            long a = count(c, "SELECT COUNT(*) FROM articles", List.of());
            long d = count(c, "SELECT COUNT(*) FROM documents", List.of());
            long o = count(c, "SELECT COUNT(*) FROM officials", List.of());
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(published), MAX(published) FROM articles");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Summary(a, d, o, rs.getString(1), rs.getString(2));
            }
        });
    }

    /** An outlet and its number of articles. */
    public record SiteCount(String site, long articles) {}

    /** The outlets, most articles first (at most {@link StoreReader#MAX_PAGE}), for the filter's choices. */
    public List<SiteCount> sites() {
        return reader.withConnection(c -> {
            List<SiteCount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT site, COUNT(*) AS n FROM articles WHERE site IS NOT NULL"
                    + " GROUP BY site ORDER BY n DESC, site LIMIT " + StoreReader.MAX_PAGE);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SiteCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        });
    }

    static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ArticleFilter.bind(ps, 1, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
