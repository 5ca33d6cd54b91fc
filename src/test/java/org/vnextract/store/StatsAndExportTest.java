package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import picocli.CommandLine;

/**
 * {@code stats} against SQL written independently on the same store (the dev corpus), the filters,
 * and the Parquet export read back with DuckDB: schema, row counts, and the README's example
 * reproducing a {@code stats} figure.
 */
class StatsAndExportTest {
    @TempDir
    static Path tmp;

    static Database db;
    static StoreReader reader;

    @BeforeAll
    static void open() throws Exception {
        db = DevStore.database();
        reader = StoreReader.open(db, 2);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    /** key → {a, b, …} from a query whose first column is the key and the others counts. */
    static Map<String, long[]> sql(String query, Object... args) throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (Connection c = db.openReadOnly(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] v = new long[n - 1];
                    for (int i = 2; i <= n; i++) {
                        v[i - 2] = rs.getLong(i);
                    }
                    out.put(rs.getString(1), v);
                }
            }
        }
        return out;
    }

    static Map<String, Stats.Row> byKey(Stats.Table t) {
        Map<String, Stats.Row> m = new HashMap<>();
        t.rows().forEach(r -> m.put(r.key(), r));
        return m;
    }

    @Test
    void perMonthTheFiguresEqualPlainSql() throws Exception {
        Stats.Table t = new Stats(reader).compute(Stats.By.MONTH, ArticleFilter.NONE, null, null);
        Map<String, long[]> articles = sql("SELECT SUBSTR(published, 1, 7), COUNT(*) FROM articles GROUP BY 1");
        Map<String, long[]> citations = sql("SELECT SUBSTR(a.published, 1, 7), COUNT(*) FROM"
                + " (SELECT DISTINCT article_id, doc_key FROM article_documents) d JOIN articles a ON a.id = d.article_id GROUP BY 1");
        Map<String, long[]> mentions = sql("SELECT SUBSTR(a.published, 1, 7), COUNT(*) FROM"
                + " (SELECT DISTINCT article_id, official_key FROM article_officials) o JOIN articles a ON a.id = o.article_id GROUP BY 1");
        assertThat(t.rows()).hasSize(articles.size());
        long sum = 0;
        for (Stats.Row r : t.rows()) {
            assertThat(r.articles()).as(r.key()).isEqualTo(articles.get(r.key())[0]);
            assertThat(r.citations()).as(r.key()).isEqualTo(citations.containsKey(r.key()) ? citations.get(r.key())[0] : 0);
            assertThat(r.mentions()).as(r.key()).isEqualTo(mentions.containsKey(r.key()) ? mentions.get(r.key())[0] : 0);
            sum += r.articles();
        }
        assertThat(sum).isEqualTo(sql("SELECT 'all', COUNT(*) FROM articles").get("all")[0]);
        List<String> months = t.rows().stream().map(Stats.Row::key).filter(k -> k != null).toList();
        assertThat(months).isSorted();
    }

    @Test
    void perDocumentAndPerOfficialTheFiguresEqualPlainSql() throws Exception {
        Stats.Table docs = new Stats(reader).compute(Stats.By.DOCUMENT, ArticleFilter.NONE, null, null);
        Map<String, long[]> citing = sql("SELECT doc_key, COUNT(DISTINCT article_id) FROM article_documents GROUP BY doc_key");
        assertThat(byKey(docs).keySet()).isEqualTo(citing.keySet());
        docs.rows().forEach(r -> assertThat(r.articles()).as(r.label()).isEqualTo(citing.get(r.key())[0]).isEqualTo(r.citations()));
        Stats.Table off = new Stats(reader).compute(Stats.By.OFFICIAL, ArticleFilter.NONE, null, null);
        Map<String, long[]> naming = sql("SELECT official_key, COUNT(DISTINCT article_id) FROM article_officials GROUP BY official_key");
        assertThat(byKey(off).keySet()).isEqualTo(naming.keySet());
        off.rows().forEach(r -> assertThat(r.mentions()).as(r.label()).isEqualTo(naming.get(r.key())[0]).isEqualTo(r.articles()));
        // one document's citations per outlet, against SQL
        String top = docs.rows().get(0).key();
        Stats.Table perSite = new Stats(reader).compute(Stats.By.OUTLET, ArticleFilter.NONE, top, null);
        long total = perSite.rows().stream().mapToLong(Stats.Row::citations).sum();
        assertThat(total).isEqualTo(citing.get(top)[0]);
        assertThat(perSite.rows()).allSatisfy(r -> assertThat(r.citations()).isEqualTo(r.articles()));
    }

    @Test
    void theFilterKeepsTheArticlesInItsRange() throws Exception {
        ArticleFilter since = new ArticleFilter(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 7, 31), null, null);
        Stats.Table t = new Stats(reader).compute(Stats.By.MONTH, since, null, null);
        long expected = sql("SELECT 'n', COUNT(*) FROM articles WHERE published >= '2021-01-01' AND published < '2025-08-01'").get("n")[0];
        assertThat(t.rows().stream().mapToLong(Stats.Row::articles).sum()).isEqualTo(expected).isPositive();
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.key()).isBetween("2021-01", "2025-07"));
    }

    @Test
    void theCommandWritesTheSameFiguresAsCsvWithAByteOrderMarkForExcel() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("stats", "--db", dbPath(), "--by", "official", "--format", "csv", "--excel");
        assertThat(code).isZero();
        String csv = out.toString();
        assertThat(csv).startsWith("\uFEFFkey,label,articles,citations,mentions\r\n");
        Stats.Table t = new Stats(reader).compute(Stats.By.OFFICIAL, ArticleFilter.NONE, null, null);
        assertThat(csv.split("\r\n")).hasSize(t.rows().size() + 1);
        Stats.Row first = t.rows().get(0);
        assertThat(csv.split("\r\n")[1]).isEqualTo(first.key() + "," + first.label() + "," + first.articles() + ","
                + first.citations() + "," + first.mentions());
    }

    static String dbPath() {
        return db.describe().startsWith("jdbc:") ? db.describe() : db.toString();
    }

    @Test
    void parquetHoldsEveryTableWithItsRowsAndTheReadmeExampleReproducesStats() throws Exception {
        Path dir = tmp.resolve("parquet");
        Map<String, Long> written = new ParquetExport(new TableExport(reader, ArticleFilter.NONE)).write(dir);
        assertThat(written.keySet()).containsExactlyElementsOf(TableExport.tableNames());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (String table : TableExport.tableNames()) {
                Path f = dir.resolve(table + ".parquet");
                assertThat(f).exists();
                long storeRows = TableExport.FLAT.contains(table) ? written.get(table)
                        : sql("SELECT 'n', COUNT(*) FROM " + table).get("n")[0];
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM read_parquet('" + f + "')")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isEqualTo(storeRows).isEqualTo(written.get(table));
                }
            }
            // the flat officials table: its columns and types, and one row per (article, official, title)
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + dir.resolve("officials_flat.parquet") + "')")) {
                while (rs.next()) {
                    cols.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(cols).containsExactly("name VARCHAR", "title VARCHAR", "article_date DATE", "site VARCHAR",
                    "place VARCHAR", "honorific VARCHAR", "article_id VARCHAR", "official_key VARCHAR");
            long flat = sql("SELECT 'n', COUNT(*) FROM article_officials ao LEFT JOIN official_titles t"
                    + " ON t.article_id = ao.article_id AND t.official_ord = ao.ord").get("n")[0];
            assertThat(written.get("officials_flat")).isEqualTo(flat);
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + dir.resolve("articles.parquet") + "')")) {
                Map<String, String> types = new HashMap<>();
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
                assertThat(types).containsEntry("id", "VARCHAR").containsEntry("has_locations", "BIGINT").doesNotContainKey("seq");
            }
            // the README example: citing articles per document, as `stats --by document` counts them
            String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
            String example = "SELECT document, COUNT(DISTINCT article_id) AS articles FROM 'vnextract-export/citations_flat.parquet'"
                    + " GROUP BY document ORDER BY articles DESC, document LIMIT 5";
            assertThat(readme).contains(example);
            Map<String, Long> duckFigures = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery(example.replace("vnextract-export/", dir + "/"))) {
                while (rs.next()) {
                    duckFigures.put(rs.getString(1), rs.getLong(2));
                }
            }
            Stats.Table docs = new Stats(reader).compute(Stats.By.DOCUMENT, ArticleFilter.NONE, null, null);
            assertThat(duckFigures).isNotEmpty();
            for (Map.Entry<String, Long> e : duckFigures.entrySet()) {
                long stats = docs.rows().stream().filter(r -> r.label().equals(e.getKey())).mapToLong(Stats.Row::articles).sum();
                assertThat(stats).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(duckFigures.values().iterator().next()).isEqualTo(docs.rows().get(0).articles());
        }
    }
}
