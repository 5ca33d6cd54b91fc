package org.vnextract.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * Writes the database out for other tools: every table as a CSV file (RFC 4180, UTF-8, header
 * row, rows in key order), or every record as JSON Lines, rebuilt from the tables, which is the
 * same JSON that was loaded.
 *
 * <p>Not thread-safe (one export at a time per instance); the reader it uses is.
 */
public final class Exporter {
    /** The tables, in foreign-key order, with the columns that order their rows. */
    public static final List<String[]> TABLES = List.of(
            new String[] {"articles", "id"},
            new String[] {"article_authors", "article_id, ord"},
            new String[] {"officials", "official_key"},
            new String[] {"article_officials", "article_id, ord"},
            new String[] {"official_titles", "article_id, official_ord, ord"},
            new String[] {"documents", "doc_key"},
            new String[] {"article_documents", "article_id, ord"},
            new String[] {"document_mentions", "article_id, doc_ord, ord"},
            new String[] {"article_dates", "article_id, ord"},
            new String[] {"article_counts", "article_id, ord"},
            new String[] {"article_periods", "article_id, ord"},
            new String[] {"article_relations", "article_id, ord"},
            new String[] {"article_organizations", "article_id, ord"},
            new String[] {"article_locations", "article_id, ord"},
            new String[] {"entity_mentions", "article_id, kind, entity_ord, ord"},
            new String[] {"schema_version", "version"});

    /**
     * Columns that only serve matching (folded: tone marks moved to the end of each word, diacritics
     * dropped): never shown to people, so not exported. The keys that are (official_key, doc_key,
     * documents.label) are readable NFC.
     */
    static final java.util.Set<String> MATCHING_ONLY = java.util.Set.of("title_key", "name_key", "unit_key", "loose_key",
            "number_key", "type_loose", "issuer_loose", "year_key", "place_key");

    private final StoreReader reader;

    public Exporter(StoreReader reader) {
        this.reader = Validate.notNull(reader, "reader");
    }

    /** Writes {@code <table>.csv} for every table into a directory; returns the number of rows written. */
    public long csv(Path dir) throws IOException, SQLException {
        Validate.notNull(dir, "dir");
        Files.createDirectories(dir);
        long n = 0;
        for (String[] t : TABLES) {
            try (Writer w = Files.newBufferedWriter(dir.resolve(t[0] + ".csv"), StandardCharsets.UTF_8)) {
                n += table(t[0], t[1], w);
            }
        }
        return n;
    }

    /**
     * One table as CSV (the SQLite-only {@code seq} column is left out, so both databases export alike,
     * and so are the {@link #MATCHING_ONLY} columns).
     */
    public long table(String table, String order, Writer w) throws SQLException {
        String[] known = TABLES.stream().filter(t -> t[0].equals(table) && t[1].equals(order)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'table' is not an exported table: " + table));
        return reader.withConnection(c -> {
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + known[0] + " ORDER BY " + known[1]);
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int cols = md.getColumnCount();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= cols; i++) {
                    if (skipped(md.getColumnName(i))) {
                        continue;
                    }
                    field(line, md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                write(w, line);
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= cols; i++) {
                        if (skipped(md.getColumnName(i))) {
                            continue;
                        }
                        String v = rs.getString(i);
                        field(line, v == null ? "" : v);
                    }
                    write(w, line);
                    rows++;
                }
            }
            return rows;
        });
    }

    /** True for a column no export writes: SQLite's {@code seq} and the {@link #MATCHING_ONLY} ones. */
    static boolean skipped(String column) {
        String c = column.toLowerCase(java.util.Locale.ROOT);
        return c.equals("seq") || MATCHING_ONLY.contains(c);
    }

    private static void field(StringBuilder line, String v) {
        if (line.length() > 0) {
            line.append(',');
        }
        if (v.isEmpty()) {
            line.append("\"\""); // so that an empty first field still takes up its place
            return;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            line.append(v);
        }
    }

    private static void write(Writer w, StringBuilder line) {
        try {
            w.write(line.toString());
            w.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record as one JSON line, in id order; returns how many. */
    public long jsonl(OutputStream out) throws IOException, SQLException {
        Validate.notNull(out, "out");
        RecordJson json = new RecordJson();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        String after = null;
        while (true) {
            List<String> ids = reader.ids(after, 500);
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
}
