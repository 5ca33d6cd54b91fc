package org.vnextract.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnextract.internal.Validate;

/**
 * Aggregates for researchers ({@code vnextract stats}): per month, province, outlet, document or
 * official, how many articles there are, how many document citations and how many official
 * mentions they hold.
 *
 * <p>What is counted, per group: {@code articles} distinct articles; {@code citations} distinct
 * (article, document) pairs, that is each document counted once per article citing it;
 * {@code mentions} distinct (article, official) pairs. Grouped by document, a row is the articles
 * citing that document (so its citations equal its articles, and its mentions are the officials
 * named in those articles); grouped by official, likewise. A {@code document} key narrows the
 * articles to those citing it and the citations to it alone; an {@code official} key does the same
 * for mentions. The province is the article's place (the province of its time, {@code articles.place_key}).
 * Rows: months in order, other groups
 * by most articles first; the group with no value (no date, no outlet, no place) has a null key.
 *
 * <p>Thread-safe: each call borrows its own connection from the reader.
 */
public final class Stats {
    public enum By {
        MONTH, PROVINCE, OUTLET, DOCUMENT, OFFICIAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One group: its key (null: no value), a readable label, and the three counts. */
    public record Row(String key, String label, long articles, long citations, long mentions) {}

    /** The rows of one aggregation and what they were computed over. */
    public record Table(By by, ArticleFilter filter, String document, String official, List<Row> rows) {
        /** The column names, as CSV and JSON write them. */
        public static final List<String> COLUMNS = List.of("key", "label", "articles", "citations", "mentions");
    }

    private final StoreReader reader;

    public Stats(StoreReader reader) {
        this.reader = Validate.notNull(reader, "reader");
    }

    /**
     * @param documentKey a document's store key (documents.doc_key), or null
     * @param officialKey an official's store key (officials.official_key), or null
     */
    public Table compute(By by, ArticleFilter filter, String documentKey, String officialKey) {
        Validate.notNull(by, "by");
        ArticleFilter f = filter == null ? ArticleFilter.NONE : filter;
        return reader.withConnection(c -> {
            String groups = switch (by) {
                case MONTH -> "SELECT a.id AS article_id, SUBSTR(a.published, 1, 7) AS k, SUBSTR(a.published, 1, 7) AS label FROM articles a";
                case OUTLET -> "SELECT a.id AS article_id, a.site AS k, a.site AS label FROM articles a";
                case PROVINCE -> "SELECT a.id AS article_id, a.place_key AS k, a.place_name AS label FROM articles a";
                case DOCUMENT -> "SELECT ad.article_id AS article_id, ad.doc_key AS k, MIN(d.id) AS label FROM article_documents ad"
                        + " JOIN documents d ON d.doc_key = ad.doc_key GROUP BY ad.article_id, ad.doc_key";
                case OFFICIAL -> "SELECT ao.article_id AS article_id, ao.official_key AS k, MIN(o.name) AS label"
                        + " FROM article_officials ao JOIN officials o ON o.official_key = ao.official_key"
                        + " GROUP BY ao.article_id, ao.official_key";
            };
            List<Object> args = new ArrayList<>();
            StringBuilder inner = new StringBuilder("SELECT g.k AS k, g.label AS label,");
            // a row's citations and mentions are its own: a document's row counts that document's citations
            // (not every document its articles cite), an official's row that official's mentions
            inner.append(" (SELECT COUNT(DISTINCT x.doc_key) FROM article_documents x WHERE x.article_id = a.id");
            if (by == By.DOCUMENT) {
                inner.append(" AND x.doc_key = g.k");
            }
            if (documentKey != null) {
                inner.append(" AND x.doc_key = ?");
                args.add(documentKey);
            }
            inner.append(") AS nc, (SELECT COUNT(DISTINCT y.official_key) FROM article_officials y WHERE y.article_id = a.id");
            if (by == By.OFFICIAL) {
                inner.append(" AND y.official_key = g.k");
            }
            if (officialKey != null) {
                inner.append(" AND y.official_key = ?");
                args.add(officialKey);
            }
            inner.append(") AS nm FROM (").append(groups).append(") g JOIN articles a ON a.id = g.article_id WHERE 1 = 1");
            ArticleFilter.Sql w = f.sql(c, "a");
            inner.append(w.where());
            args.addAll(w.args());
            if (documentKey != null) {
                inner.append(" AND EXISTS (SELECT 1 FROM article_documents xd WHERE xd.article_id = a.id AND xd.doc_key = ?)");
                args.add(documentKey);
            }
            if (officialKey != null) {
                inner.append(" AND EXISTS (SELECT 1 FROM article_officials yo WHERE yo.article_id = a.id AND yo.official_key = ?)");
                args.add(officialKey);
            }
            String order = by == By.MONTH ? "t.k ASC NULLS LAST" : "COUNT(*) DESC, MIN(t.label), t.k";
            String sql = "SELECT t.k, MIN(t.label), COUNT(*), SUM(t.nc), SUM(t.nm) FROM (" + inner + ") t GROUP BY t.k ORDER BY " + order;
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ArticleFilter.bind(ps, 1, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return new Table(by, f, documentKey, officialKey, rows);
        });
    }
}
