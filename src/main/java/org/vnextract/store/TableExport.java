package org.vnextract.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * The store's tables as other tools read them, within an {@link ArticleFilter}: every table of
 * {@link Exporter#TABLES} (rows of the articles the filter keeps; officials and documents named by
 * them), and two flat tables that need no join:
 * <ul>
 *   <li>{@code officials_flat}: one row per official named in an article and title given there
 *       (title empty when none): name, title, article date, site, place, honorific, article id, official key;</li>
 *   <li>{@code citations_flat}: one row per document cited by an article: the document as the store
 *       names it and as the article wrote it, its type and issuer, article date, site and place.</li>
 * </ul>
 * The same selection feeds CSV files ({@link #csv}), Parquet ({@link ParquetExport}) and the records
 * as JSON Lines ({@link #jsonl}).
 *
 * <p>Not thread-safe (one export at a time per instance); the reader it uses is.
 */
public final class TableExport {
    /** The flat tables, after the store's own. */
    public static final List<String> FLAT = List.of("officials_flat", "citations_flat");

    private final StoreReader reader;
    private final ArticleFilter filter;

    public TableExport(StoreReader reader, ArticleFilter filter) {
        this.reader = Validate.notNull(reader, "reader");
        this.filter = filter == null ? ArticleFilter.NONE : filter;
    }

    /** Every exported table's name, in the order they are written. */
    public static List<String> tableNames() {
        List<String> out = new ArrayList<>();
        for (String[] t : Exporter.TABLES) {
            out.add(t[0]);
        }
        out.addAll(FLAT);
        return out;
    }

    /** A table's rows as a query (the SQLite-only {@code seq} column is dropped by the writers). */
    record Select(String sql, List<Object> args) {}

    Select select(Connection c, String table) throws SQLException {
        ArticleFilter.Sql w = filter.sql(c, "a");
        String articles = "SELECT a.id FROM articles a WHERE 1 = 1" + w.where();
        String place = "a.place_name";
        switch (table) {
            case "officials_flat":
                return new Select("SELECT ao.name AS name, t.title AS title, SUBSTR(a.published, 1, 10) AS article_date,"
                        + " a.site AS site, " + place + " AS place, ao.honorific AS honorific, ao.article_id AS article_id,"
                        + " ao.official_key AS official_key FROM article_officials ao JOIN articles a ON a.id = ao.article_id"
                        + " LEFT JOIN official_titles t ON t.article_id = ao.article_id AND t.official_ord = ao.ord"
                        + " WHERE 1 = 1" + w.where() + " ORDER BY ao.article_id, ao.ord, t.ord", w.args());
            case "citations_flat":
                return new Select("SELECT d.id AS document, ad.id AS written, d.type AS type, d.type_name AS type_name,"
                        + " d.issuer AS issuer, d.issued AS issued, SUBSTR(a.published, 1, 10) AS article_date, a.site AS site, "
                        + place + " AS place, ad.article_id AS article_id, ad.doc_key AS doc_key"
                        + " FROM article_documents ad JOIN articles a ON a.id = ad.article_id JOIN documents d ON d.doc_key = ad.doc_key"
                        + " WHERE 1 = 1" + w.where() + " ORDER BY ad.article_id, ad.ord", w.args());
            default:
                break;
        }
        String[] known = Exporter.TABLES.stream().filter(t -> t[0].equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'table' is not an exported table: " + table));
        String order = " ORDER BY " + known[1];
        if (filter.isEmpty()) {
            return new Select("SELECT * FROM " + known[0] + order, List.of());
        }
        return switch (table) {
            case "articles" -> new Select("SELECT * FROM articles WHERE id IN (" + articles + ")" + order, w.args());
            case "officials" -> new Select("SELECT * FROM officials WHERE official_key IN (SELECT official_key FROM article_officials"
                    + " WHERE article_id IN (" + articles + "))" + order, w.args());
            case "documents" -> new Select("SELECT * FROM documents WHERE doc_key IN (SELECT doc_key FROM article_documents"
                    + " WHERE article_id IN (" + articles + "))" + order, w.args());
            default -> hasColumn(c, table, "article_id")
                    ? new Select("SELECT * FROM " + known[0] + " WHERE article_id IN (" + articles + ")" + order, w.args())
                    : new Select("SELECT * FROM " + known[0] + order, List.of());
        };
    }

    /** Writes {@code <table>.csv} for every table into a directory; returns the number of rows written. */
    public long csv(Path dir, boolean excel) throws IOException {
        Validate.notNull(dir, "dir");
        Files.createDirectories(dir);
        long n = 0;
        for (String t : tableNames()) {
            try (Writer w = Files.newBufferedWriter(dir.resolve(t + ".csv"), StandardCharsets.UTF_8)) {
                n += csv(t, w, excel);
            }
        }
        return n;
    }

    /** One table as CSV with a header row of lower-case column names; returns the number of rows. */
    public long csv(String table, Writer out, boolean excel) {
        CsvWriter csv = new CsvWriter(out, excel);
        return reader.withConnection(c -> {
            Select s = select(c, table);
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                ArticleFilter.bind(ps, 1, s.args());
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<Integer> cols = new ArrayList<>();
                    List<String> header = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if (!Exporter.skipped(md.getColumnLabel(i))) { // seq, and the matching-only folded columns
                            cols.add(i);
                            header.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                        }
                    }
                    csv.row(header);
                    List<String> row = new ArrayList<>(cols.size());
                    while (rs.next()) {
                        row.clear();
                        for (int i : cols) {
                            row.add(rs.getString(i));
                        }
                        csv.row(row);
                        rows++;
                    }
                }
            }
            csv.flush();
            return rows;
        });
    }

    /** The records of the articles the filter keeps, one JSON line each, in id order; returns how many. */
    public long jsonl(OutputStream out) throws IOException {
        Validate.notNull(out, "out");
        RecordJson json = new RecordJson();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = reader.withConnection(c -> {
                ArticleFilter.Sql f = filter.sql(c, "a");
                List<String> page = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM articles a WHERE a.id > ?" + f.where()
                        + " ORDER BY a.id LIMIT 500")) {
                    ps.setString(1, from);
                    ArticleFilter.bind(ps, 2, f.args());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            page.add(rs.getString(1));
                        }
                    }
                }
                return page;
            });
            if (ids.isEmpty()) {
                break;
            }
            for (String id : ids) {
                ArticleRecord r = reader.record(id).orElse(null);
                if (r != null) {
                    w.write(json.toLine(r));
                    w.write('\n');
                    n++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        w.flush();
        return n;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnName(i).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    StoreReader reader() {
        return reader;
    }
}
