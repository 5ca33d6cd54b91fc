package org.vnextract.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vnextract.testenv.Needs;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.record.ArticleRecord;

/**
 * The databases the store tests run against: a SQLite file in a temporary directory, and a
 * PostgreSQL schema of its own (created here, dropped after) in the server named by
 * {@code VNEXTRACT_TEST_PG} (set by {@code .ci/services.sh}); without it the PostgreSQL cases are
 * skipped with a message saying so. Also the records the tests load: real ones, made by the
 * pipeline from the seed corpus, and one hand-made record that fills every field of RECORD.md.
 */
public final class TestStores {
    public static final String PG_ENV = "VNEXTRACT_TEST_PG";

    private TestStores() {}

    /** A store of the given kind ("sqlite" or "postgresql") and how to throw it away. */
    public record Handle(Database db, AutoCloseable cleanup) {}

    public static String pgUrl() {
        String u = System.getenv(PG_ENV);
        if (u == null || u.isBlank()) {
            u = System.getProperty(PG_ENV);
        }
        return u == null || u.isBlank() ? null : u;
    }

    public static Handle open(String kind, Path tmp) throws SQLException {
        if (kind.equals("sqlite")) {
            return new Handle(Database.of(tmp.resolve("test-" + UUID.randomUUID() + ".db").toString()), () -> {});
        }
        String url = pgUrl();
        Needs.service(url != null, "a PostgreSQL server, and none is configured (set " + PG_ENV
                + "=jdbc:postgresql://HOST:PORT/DB?user=…&password=…; `source .ci/services.sh` starts one and sets it)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Database db = Database.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return new Handle(db, () -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    /** The seed corpus through the standard pipeline, as `extract` would write it. */
    public static List<ArticleRecord> seeds() throws Exception {
        Vnextract vx = Vnextract.builder().build();
        List<ArticleRecord> out = new ArrayList<>();
        Path seeds = Path.of("corpus/seeds");
        try (Sources s = Sources.open(List.of(seeds.toString()), IngestLimits.defaults(), System.in)) {
            while (s.hasNext()) {
                IngestResult r = s.next();
                if (r instanceof RawDocument d) {
                    out.add(vx.process(d));
                }
            }
        }
        return out;
    }

    static ArticleRecord.Mention m(String text, String needle, int from) {
        int at = text.indexOf(needle, from);
        if (at < 0) {
            throw new IllegalArgumentException(needle);
        }
        int s = text.codePointCount(0, at);
        return new ArticleRecord.Mention(s, s + needle.codePointCount(0, needle.length()), needle);
    }

    /**
     * A record with every field of RECORD.md set, an emoji before the mentions (so code-point and
     * char offsets differ), decimals, a null published date and the three optional lists.
     */
    public static ArticleRecord full(String id, String docId, String officialName) {
        String text = "Tiêu đề 😀 về " + docId + "\nNgày 28-6-2021, đồng chí " + officialName
                + ", Phó Bí thư Thường trực Tỉnh ủy, dự hội nghị triển khai Kết luận số " + docId
                + " về chỉnh đốn Đảng. Có 4.595 đảng viên và 5,8 tỷ đồng trong nhiệm kỳ 2020-2025 tại huyện Chư Prông"
                + " của Ban Thường vụ Huyện ủy Chư Prông.";
        return new ArticleRecord(ArticleRecord.SCHEMA, id,
                new ArticleRecord.Source("file:///corpus/" + id + ".txt", "baogialai.com.vn", "text"),
                new ArticleRecord.Article("Tiêu đề 😀 về " + docId, null, null, List.of("Dương Đức Nhuận"), "Chính trị", text),
                List.of(new ArticleRecord.Official(officialName, List.of("Phó Bí thư Thường trực Tỉnh ủy"), "đồng chí",
                        List.of(m(text, officialName, 0)))),
                List.of(new ArticleRecord.Document(docId, "KL", "Kết luận", docId.substring(0, docId.indexOf('-')), "TW",
                        "Ban Chấp hành Trung ương Đảng", "2021-10-25", "về đẩy mạnh xây dựng, chỉnh đốn Đảng", true,
                        List.of(m(text, docId, 0), m(text, docId, text.indexOf('\n'))))),
                List.of(new ArticleRecord.DateEntry("2021-06-28", "day", "28-6-2021", List.of(m(text, "Ngày 28-6-2021", 0)))),
                List.of(new ArticleRecord.Count(new BigDecimal("4595"), "đảng viên", null, null, null, "4.595 đảng viên",
                                m(text, "4.595 đảng viên", 0).start(), m(text, "4.595 đảng viên", 0).end()),
                        new ArticleRecord.Count(new BigDecimal("5800000000"), "đồng", null, null, "hơn", "5,8 tỷ đồng",
                                m(text, "5,8 tỷ đồng", 0).start(), m(text, "5,8 tỷ đồng", 0).end())),
                List.of(new ArticleRecord.Period("nhiệm kỳ 2020-2025", "nhiệm kỳ", "2020", "2025",
                        List.of(m(text, "nhiệm kỳ 2020-2025", 0)))),
                List.of(),
                List.of(new ArticleRecord.Organization("Ban Thường vụ Huyện ủy Chư Prông",
                        List.of(m(text, "Ban Thường vụ Huyện ủy Chư Prông", 0)))),
                List.of(new ArticleRecord.Location("Chư Prông", "huyện", List.of(m(text, "Chư Prông", 0)))),
                new ArticleRecord.Provenance("vnextract test", Map.of("wordsegmenter", "none"), List.of("a warning")));
    }

    // ---------------------------------------------------------------- hand-made records for identity and the cascade

    public static ArticleRecord.Document doc(String id, String issuer, String date, ArticleRecord.ProvinceRef place) {
        return new ArticleRecord.Document(id, null, null, null, null, issuer, date, null, true, place, List.of());
    }

    public static ArticleRecord.Official official(String name, String... titles) {
        return new ArticleRecord.Official(name, List.of(titles), null, List.of());
    }

    public static ArticleRecord.Relation rel(String from, String type, String to) {
        return new ArticleRecord.Relation(from, type, to, List.of());
    }

    public static ArticleRecord record(String id, String site, String published, ArticleRecord.Place place,
                                List<ArticleRecord.Document> docs, List<ArticleRecord.Official> officials,
                                List<ArticleRecord.Relation> relations) {
        return new ArticleRecord(ArticleRecord.SCHEMA, id, new ArticleRecord.Source(null, site, "text"),
                new ArticleRecord.Article("Bài " + id, null, published, List.of(), null, "Bài " + id + "."),
                officials, docs, List.of(), List.of(), null, relations, null, null, place,
                new ArticleRecord.Provenance("test", Map.of(), List.of()));
    }

    /**
     * A small cascade: 21-KL/TW implemented by Gia Lai's and Nghệ An's 70-KH/TU (the same symbol, two
     * provinces, told apart by their outlets), themselves implemented by a district's 74-KH/HU and a
     * commune's 12-KH/ĐU; 15-QĐ/TW amends 21-KL/TW; four articles over three months.
     */
    public static List<ArticleRecord> cascade() {
        return List.of(
                record("k-1", "baogialai.com.vn", "2022-01-10", null,
                        List.of(doc("21-KL/TW", "Ban Chấp hành Trung ương", "2021-10-25", null),
                                doc("70-KH/TU", "Ban Thường vụ Tỉnh ủy", "2022-01-05", null)),
                        List.of(), List.of(rel("70-KH/TU", "implements", "21-KL/TW"))),
                record("k-2", "baogialai.com.vn", "2022-03-10", null,
                        List.of(doc("70-KH/TU", null, null, null), doc("74-KH/HU", "Ban Thường vụ Huyện ủy Chư Prông", null, null)),
                        List.of(), List.of(rel("74-KH/HU", "implements", "70-KH/TU"))),
                record("k-3", "baonghean.vn", "2022-03-20", null,
                        List.of(doc("21-KL/TW", null, null, null), doc("70-KH/TU", null, null, null),
                                doc("12-KH/ĐU", "Đảng ủy xã Nghi Phong", null, null)),
                        List.of(), List.of(rel("70-KH/TU", "implements", "21-KL/TW"), rel("12-KH/ĐU", "implements", "70-KH/TU"))),
                record("k-4", null, "2022-05-01", null,
                        List.of(doc("15-QĐ/TW", null, null, null), doc("21-KL/TW", null, null, null)),
                        List.of(), List.of(rel("15-QĐ/TW", "amends", "21-KL/TW"))));
    }
}
