package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/** The store against both databases: the same code and the same expectations. */
class StoreTest {
    static List<ArticleRecord> seeds;

    @TempDir
    Path tmp;

    private TestStores.Handle handle;

    @BeforeAll
    static void extractSeeds() throws Exception {
        seeds = TestStores.seeds();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
    }

    @AfterEach
    void drop() throws Exception {
        if (handle != null) {
            handle.cleanup().close();
        }
    }

    private Database db(String kind) throws SQLException {
        handle = TestStores.open(kind, tmp);
        return handle.db();
    }

    private static void load(Database db, List<ArticleRecord> records) throws Exception {
        try (RecordStore s = RecordStore.open(db, 3, ModelSource.bundled())) {
            for (ArticleRecord r : records) {
                s.write(r);
            }
            s.commit();
        }
    }

    private static Map<String, Long> rowCounts(Database db) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.openReadOnly(); Statement s = c.createStatement()) {
            for (String[] t : Exporter.TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t[0])) {
                    rs.next();
                    out.put(t[0], rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static List<ArticleRecord> all() {
        List<ArticleRecord> l = new ArrayList<>(seeds);
        l.add(TestStores.full("full-1", "21-KL/TW", "Châu Ngọc Tuấn"));
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void recordsComeBackExactlyAsLoaded(String kind) throws Exception {
        Database db = db(kind);
        load(db, all());
        RecordJson json = new RecordJson();
        try (StoreReader r = StoreReader.open(db, 2)) {
            for (ArticleRecord rec : all()) {
                assertThat(r.record(rec.id())).as(rec.id()).isPresent();
                assertThat(json.toLine(r.record(rec.id()).get())).isEqualTo(json.toLine(rec));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(new Exporter(r).jsonl(out)).isEqualTo(all().size());
            assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(all().size());
            long rows = new Exporter(r).csv(tmp.resolve("csv"));
            assertThat(rows).isPositive();
            String docs = Files.readString(tmp.resolve("csv/documents.csv"));
            assertThat(docs.lines().findFirst().orElseThrow()).startsWith("doc_key,id,type");
            assertThat(docs).contains("21-KL/TW");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void loadingTwiceLeavesOneCopy(String kind) throws Exception {
        Database db = db(kind);
        load(db, all());
        Map<String, Long> once = rowCounts(db);
        load(db, all());
        assertThat(rowCounts(db)).isEqualTo(once);
        assertThat(once.get("articles")).isEqualTo(all().size());
        assertThat(once.get("schema_version")).isEqualTo((long) Migrations.bundled(db.dialect()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReplacedRecordTakesItsDocumentsAndOfficialsWithIt(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(TestStores.full("a", "99-KL/TW", "Châu Ngọc Tuấn"), TestStores.full("b", "99-KL/TW", "Hồ Văn Niên")));
        load(db, List.of(TestStores.full("a", "98-KL/TW", "Hồ Văn Niên")));
        try (StoreReader r = StoreReader.open(db, 1)) {
            assertThat(r.lookupDocument("99-KL/TW").matches()).singleElement()
                    .satisfies(d -> assertThat(d.articleCount()).isEqualTo(1));
            assertThat(r.lookupDocument("98-KL/TW").matches()).hasSize(1);
            assertThat(r.lookupOfficial("Châu Ngọc Tuấn", 5).exact()).isFalse();
            assertThat(r.lookupOfficial("Hồ Văn Niên", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.articleCount()).isEqualTo(2));
        }
        load(db, List.of(TestStores.full("b", "98-KL/TW", "Hồ Văn Niên")));
        try (StoreReader r = StoreReader.open(db, 1)) {
            assertThat(r.lookupDocument("99-KL/TW").matches()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailedBatchIsRolledBackAndEarlierBatchesStay(String kind) throws Exception {
        Database db = db(kind);
        ArticleRecord good = TestStores.full("good", "21-KL/TW", "Châu Ngọc Tuấn");
        ArticleRecord ok2 = TestStores.full("ok2", "22-KL/TW", "Châu Ngọc Tuấn");
        // an author that is null violates NOT NULL: the whole second batch must go
        ArticleRecord f = TestStores.full("bad", "23-KL/TW", "Châu Ngọc Tuấn");
        List<String> nullAuthor = new ArrayList<>();
        nullAuthor.add(null);
        ArticleRecord bad = new ArticleRecord(f.schema(), f.id(), f.source(), new ArticleRecord.Article(f.article().title(),
                null, null, nullAuthor, null, f.article().text()), f.officials(), f.documents(), f.dates(), f.counts(),
                f.periods(), f.relations(), f.organizations(), f.locations(), f.provenance());
        try (RecordStore s = RecordStore.open(db, 2, ModelSource.bundled())) {
            s.write(good);
            s.write(TestStores.full("good2", "21-KL/TW", "Châu Ngọc Tuấn"));
            assertThat(s.stored()).isEqualTo(2);
            s.write(ok2);
            assertThatThrownBy(() -> s.write(bad)).isInstanceOf(IOException.class).hasMessageContaining("rolled back");
        }
        try (StoreReader r = StoreReader.open(db, 1)) {
            assertThat(r.record("good")).isPresent();
            assertThat(r.record("ok2")).isEmpty();
            assertThat(r.record("bad")).isEmpty();
            assertThat(r.lookupDocument("22-KL/TW").matches()).isEmpty();
            assertThat(r.lookupDocument("21-KL/TW").matches().get(0).articleCount()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void documentLookupAcceptsWhatPeopleType(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(TestStores.full("a", "21-KL/TW", "Châu Ngọc Tuấn"), TestStores.full("b", "02-NQ/TU", "Châu Ngọc Tuấn")));
        try (StoreReader r = StoreReader.open(db, 1)) {
            for (String q : List.of("21-KL/TW", "21 KL TW", "kết luận 21", "KL21/TW", "Kết luận số 21-KL/TW", "21-kl/tw",
                    "ket luan 21")) {
                StoreReader.DocumentLookup l = r.lookupDocument(q);
                assertThat(l.matches()).as(q).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo("21-KL/TW"));
                assertThat(l.ambiguous()).as(q).isFalse();
            }
            assertThat(r.lookupDocument("2-NQ/TU").matches()).as("leading zeros do not matter").hasSize(1);
            assertThat(r.lookupDocument("21-KL/TU").matches()).isEmpty();
            assertThat(r.lookupDocument("chỉnh đốn Đảng").matches()).isEmpty();
            StoreReader.DocumentLookup cites = r.lookupDocument("21-KL/TW");
            List<StoreReader.Citation> c = r.citations(cites.matches().get(0).key(), 10, 0);
            assertThat(c).singleElement().satisfies(ct -> {
                assertThat(ct.mentions()).hasSize(2);
                for (StoreReader.MentionSentence m : ct.mentions()) {
                    assertThat(m.sentence().substring(m.start(), m.end())).isEqualTo("21-KL/TW");
                }
                assertThat(ct.mentions().get(1).sentence()).startsWith("Ngày 28-6-2021").endsWith("chỉnh đốn Đảng.");
            });
        }
        load(db, List.of(TestStores.full("c", "21-KL/TU", "Châu Ngọc Tuấn")));
        try (StoreReader r = StoreReader.open(db, 1)) {
            assertThat(r.lookupDocument("kết luận 21").ambiguous()).isTrue();
            assertThat(r.lookupDocument("kết luận 21").matches()).extracting(StoreReader.DocumentInfo::id)
                    .containsExactlyInAnyOrder("21-KL/TW", "21-KL/TU");
            assertThat(r.lookupDocument("21-KL/TW").ambiguous()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void officialsAndTextAreFoundWhateverTheToneMarkPlacement(String kind) throws Exception {
        Database db = db(kind);
        load(db, all());
        try (StoreReader r = StoreReader.open(db, 1)) {
            for (String q : List.of("Châu Ngọc Tuấn", "châu ngọc tuấn", "CHÂU NGỌC TUẤN", "chau ngoc tuan")) {
                StoreReader.OfficialLookup l = r.lookupOfficial(q, 5);
                assertThat(l.exact()).as(q).isTrue();
                assertThat(l.matches()).as(q).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("Châu Ngọc Tuấn"));
            }
            StoreReader.OfficialView v = r.official(r.lookupOfficial("Châu Ngọc Tuấn", 1).matches().get(0).key(), 10, 0)
                    .orElseThrow();
            assertThat(v.titles()).extracting(StoreReader.TitleSpan::title).contains("Phó Bí thư Thường trực Tỉnh ủy");
            assertThat(r.searchOfficials("Tuấn", 10)).extracting(StoreReader.OfficialInfo::name).contains("Châu Ngọc Tuấn");

            // "hoà" and "hòa" are one word; "Đảng" is not "đang"
            load(db, List.of(TestStores.full("hoa", "31-KL/TW", "Nguyễn Thị Hoà")));
            assertThat(r.lookupOfficial("Nguyễn Thị Hòa", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.name()).isEqualTo("Nguyễn Thị Hoà"));
            List<StoreReader.SearchHit> hits = r.search("chỉnh đốn Đảng", 50, 0);
            assertThat(hits).extracting(StoreReader.SearchHit::articleId).contains("full-1", "hoa");
            for (StoreReader.SearchHit h : hits) {
                assertThat(h.highlights()).as(h.articleId()).isNotEmpty();
                int[] first = h.highlights().get(0);
                assertThat(SearchText.looseText(h.snippet().substring(first[0], first[1]))).isEqualTo("chinh don dang");
            }
            assertThat(r.search("chinh don dang", 50, 0)).hasSizeGreaterThanOrEqualTo(hits.size());
            assertThat(r.search("chỉnh đốn đang", 50, 0)).as("đang is not Đảng").isEmpty();
            assertThat(r.search("\"chỉnh đốn\" Chư Prông", 50, 0)).extracting(StoreReader.SearchHit::articleId).contains("full-1");
            assertThat(r.search("\" OR * NEAR(", 5, 0)).as("query syntax is not passed through").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theReaderCannotWrite(String kind) throws Exception {
        Database db = db(kind);
        load(db, all());
        try (Connection c = db.openReadOnly(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM articles")).isInstanceOf(SQLException.class);
        }
        assertThat(rowCounts(db).get("articles")).isEqualTo(all().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void migrationsAreRecordedAndAnEditedOneIsRefused(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of());
        try (Connection c = db.openWritable()) {
            assertThat(Migrations.currentVersion(c)).isEqualTo(Migrations.latest(db.dialect()));
            assertThat(Migrations.migrate(c, db.dialect())).as("nothing left to apply").isZero();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
            }
            c.commit();
            assertThatThrownBy(() -> Migrations.migrate(c, db.dialect())).hasMessageContaining("was changed after");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO schema_version VALUES (999, 'future', 'x', 'now')");
            }
            c.commit();
            assertThatThrownBy(() -> StoreReader.open(db, 1)).hasMessageContaining("999");
        }
    }

    /**
     * The store's own correctness, whatever the extractors find: looking up each document id of the
     * loaded records returns exactly the articles whose records cite it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void lookupReturnsExactlyTheArticlesWhoseRecordsCiteTheDocument(String kind) throws Exception {
        Database db = db(kind);
        load(db, all());
        Map<String, Set<String>> expected = new TreeMap<>();
        for (ArticleRecord rec : all()) {
            for (ArticleRecord.Document d : rec.documents()) {
                expected.computeIfAbsent(d.id(), k -> new TreeSet<>()).add(rec.id());
            }
        }
        assertThat(expected).containsKey("21-KL/TW");
        try (StoreReader r = StoreReader.open(db, 1)) {
            for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
                // a local symbol may be several documents (one per place that scopes it): together they
                // are cited by exactly the articles citing the symbol; a short form ("116/NĐ-CP") may also
                // name the full symbols it can stand for, so its candidates are cited by more
                StoreReader.DocumentLookup l = r.lookupDocument(e.getKey());
                assertThat(l.matches()).as(e.getKey()).isNotEmpty();
                Set<String> got = new TreeSet<>();
                for (StoreReader.DocumentInfo d : l.matches()) {
                    for (StoreReader.Citation c : r.citations(d.key(), 100, 0)) {
                        got.add(c.articleId());
                    }
                }
                DocumentKey.Parts p = new DocumentKey(ModelSource.bundled()).parseSymbol(e.getKey());
                boolean shortForm = p.issuer().isEmpty() || (p.year().isEmpty() && e.getKey().contains("/")
                        && e.getKey().indexOf('/') < e.getKey().lastIndexOf('-'));
                if (shortForm) {
                    assertThat(got).as(e.getKey()).containsAll(e.getValue());
                } else {
                    assertThat(got).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
    }
}
