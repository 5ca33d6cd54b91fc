package org.vnextract.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;

/**
 * Search and browse of the articles with a total, real paging, a filter ({@link ArticleFilter}) and
 * a sort order: the web page's and the API's {@code search}, and the CLI's. The words are matched
 * as in {@link StoreReader#search} (one phrase; "quoted" phrases and other terms; diacritics strict
 * only when typed); no words lists every article the filter keeps, newest first.
 *
 * <p>The row order is total (the last key is the article id), so consecutive pages never repeat or
 * skip an article. Thread-safe: each call borrows its own connection from the reader.
 */
public final class ArticleSearch {
    /** The most a page may be asked for: beyond it no person pages, and OFFSET grows costly. */
    public static final int MAX_PAGE_NUMBER = 10_000;

    public enum Sort {
        /** Best match first (bm25 on SQLite, ts_rank_cd on PostgreSQL); newest first without words. */
        RELEVANCE,
        /** Newest first, articles without a date last. */
        NEWEST,
        /** Oldest first, articles without a date last. */
        OLDEST
    }

    /** What to find: {@code text} may be empty (browse), {@code page} counts from 1. */
    public record Query(String text, ArticleFilter filter, Sort sort, int page, int size) {
        public Query {
            text = text == null ? "" : text.strip();
            filter = filter == null ? ArticleFilter.NONE : filter;
            sort = sort == null ? Sort.RELEVANCE : sort;
            page = Math.max(1, Math.min(page, MAX_PAGE_NUMBER));
            size = StoreReader.cap(size);
        }
    }

    private final StoreReader reader;

    public ArticleSearch(StoreReader reader) {
        this.reader = Validate.notNull(reader, "reader");
    }

    public Page<StoreReader.SearchHit> find(Query query) {
        Validate.notNull(query, "query");
        boolean strict = SearchText.hasDiacritics(query.text());
        List<List<String>> phrases = StoreReader.phrases(query.text(), strict);
        if (!query.text().isEmpty() && phrases.isEmpty()) {
            return new Page<>(0, query.page(), query.size(), List.of()); // only punctuation: nothing can match
        }
        return reader.withConnection(c -> {
            String col = strict ? "strict" : "loose";
            StringBuilder from = new StringBuilder();
            List<Object> args = new ArrayList<>();
            String rank;
            if (phrases.isEmpty()) {
                from.append(" FROM articles a WHERE 1 = 1");
                rank = null;
            } else if (reader.database().dialect() == Database.Dialect.SQLITE) {
                StringBuilder m = new StringBuilder();
                for (List<String> p : phrases) {
                    if (m.length() > 0) {
                        m.append(" AND ");
                    }
                    m.append(col).append(" : \"").append(String.join(" ", p)).append('"');
                }
                args.add(m.toString());
                from.append(" FROM article_fts f JOIN articles a ON a.seq = f.rowid WHERE article_fts MATCH ?");
                rank = "bm25(article_fts)";
            } else {
                StringBuilder tq = new StringBuilder();
                for (List<String> p : phrases) {
                    if (tq.length() > 0) {
                        tq.append(" && ");
                    }
                    tq.append("phraseto_tsquery('simple', ?)");
                    args.add(String.join(" ", p));
                }
                from.append(" FROM article_search s JOIN articles a ON a.id = s.article_id CROSS JOIN (SELECT ").append(tq)
                        .append(" AS q) qq WHERE s.").append(col).append(" @@ qq.q");
                rank = "ts_rank_cd(s." + col + ", qq.q) DESC";
            }
            ArticleFilter.Sql f = query.filter().sql(c, "a");
            from.append(f.where());
            args.addAll(f.args());
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + from)) {
                ArticleFilter.bind(ps, 1, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String order = switch (query.sort()) {
                case RELEVANCE -> (rank == null ? "" : rank + ", ") + "a.published DESC NULLS LAST, a.id";
                case NEWEST -> "a.published DESC NULLS LAST, a.id";
                case OLDEST -> "a.published ASC NULLS LAST, a.id";
            };
            List<StoreReader.SearchHit> hits = new ArrayList<>();
            long offset = (long) (query.page() - 1) * query.size();
            if (offset < total) {
                try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.title, a.published, a.site, a.text" + from
                        + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
                    int i = ArticleFilter.bind(ps, 1, args);
                    ps.setInt(i++, query.size());
                    ps.setLong(i, offset);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hits.add(StoreReader.hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), phrases, strict));
                        }
                    }
                }
            }
            return new Page<>(total, query.page(), query.size(), hits);
        });
    }
}
