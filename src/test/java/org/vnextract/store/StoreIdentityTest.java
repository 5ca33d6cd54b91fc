package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;

/**
 * Identity across the archive (issue 17), on both databases: a local symbol is scoped by its place,
 * a state document written with and without its year is one, a name is a person only with a
 * compatible place, relations and the cascade follow the scoped keys, and keys people see are readable.
 * Places come the ways a record gives them: the document's own place, the issuer's words, the
 * article's place and the outlet.
 */
class StoreIdentityTest {
    @TempDir
    Path tmp;

    private TestStores.Handle handle;

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
        try (RecordStore s = RecordStore.open(db, 2, ModelSource.bundled())) {
            for (ArticleRecord r : records) {
                s.write(r);
            }
            s.commit();
        }
    }

    static ArticleRecord.Document doc(String id, String issuer, String date, ArticleRecord.ProvinceRef place) {
        return TestStores.doc(id, issuer, date, place);
    }

    static ArticleRecord.Official official(String name, String... titles) {
        return TestStores.official(name, titles);
    }

    static ArticleRecord.Relation rel(String from, String type, String to) {
        return TestStores.rel(from, type, to);
    }

    static ArticleRecord record(String id, String site, String published, ArticleRecord.Place place,
                                List<ArticleRecord.Document> docs, List<ArticleRecord.Official> officials,
                                List<ArticleRecord.Relation> relations) {
        return TestStores.record(id, site, published, place, docs, officials, relations);
    }

    static final ArticleRecord.ProvinceRef GIA_LAI = new ArticleRecord.ProvinceRef("Gia Lai", "64");

    private static Set<String> citing(StoreReader r, StoreReader.DocumentInfo d) {
        return r.citations(d.key(), 100, 0).stream().map(StoreReader.Citation::articleId).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theSameLocalSymbolFromTwoProvincesIsTwoDocumentsEachCitedByItsOwnArticles(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(
                // Gia Lai: by the document's own place (from a national paper), by the issuer's words, by the outlet
                record("gl-1", "nhandan.vn", "2021-05-04", null,
                        List.of(doc("02-NQ/TU", "Ban Chấp hành Đảng bộ tỉnh", "2021-04-20", GIA_LAI)), List.of(), List.of()),
                record("gl-2", null, "2021-06-01", null,
                        List.of(doc("02-NQ/TU", "Ban Thường vụ Tỉnh ủy Gia Lai", null, null)), List.of(), List.of()),
                record("gl-3", "baogialai.com.vn", "2021-07-01", null,
                        List.of(doc("2-NQ/TU", "Tỉnh ủy", null, null)), List.of(), List.of()),
                // Nghệ An, by the article's place and by the outlet
                record("na-1", null, "2016-03-02", new ArticleRecord.Place("Nghệ An", "40", null),
                        List.of(doc("02-NQ/TU", null, "2016-02-10", null)), List.of(), List.of()),
                record("na-2", "baonghean.vn", "2016-04-02", null,
                        List.of(doc("02-NQ/TU", null, null, null)), List.of(), List.of()),
                // nothing tells the place: its own, unscoped document
                record("x-1", "baomoi.com", "2020-01-01", null,
                        List.of(doc("02-NQ/TU", null, null, null)), List.of(), List.of())));
        try (StoreReader r = StoreReader.open(db, 2)) {
            StoreReader.DocumentLookup l = r.lookupDocument("02-NQ/TU");
            assertThat(l.ambiguous()).isTrue();
            assertThat(l.matches()).extracting(StoreReader.DocumentInfo::place)
                    .containsExactlyInAnyOrder("Gia Lai", "Nghệ An", null);
            assertThat(l.matches()).extracting(StoreReader.DocumentInfo::level).containsOnly("province");
            StoreReader.DocumentInfo gl = r.lookupDocument("02-NQ/TU@Gia Lai").matches().get(0);
            StoreReader.DocumentInfo na = r.lookupDocument("02-NQ/TU@nghe an").matches().get(0);
            assertThat(citing(r, gl)).containsExactlyInAnyOrder("gl-1", "gl-2", "gl-3");
            assertThat(citing(r, na)).containsExactlyInAnyOrder("na-1", "na-2");
            assertThat(gl.date()).isEqualTo("2021-04-20");
            assertThat(na.date()).isEqualTo("2016-02-10");
            assertThat(gl.label()).isEqualTo("02-NQ/TU@Gia Lai");
            assertThat(r.lookupDocument("02-NQ/TU@?").matches()).singleElement()
                    .satisfies(d -> assertThat(citing(r, d)).containsExactly("x-1"));
            // a central symbol has one global scope wherever it is cited
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theArticlesPlaceCodeAndTheIssuersWrittenFormNameOneProvince(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(
                // the article's place by its GSO code only (46: Thừa Thiên Huế, since January 2025 the city of Huế)
                record("h-1", null, "2022-02-01", new ArticleRecord.Place(null, "46", null),
                        List.of(doc("05-NQ/TU", null, "2022-01-15", null)), List.of(), List.of()),
                // the issuer's words, written another way
                record("h-2", null, "2022-03-01", null,
                        List.of(doc("05-NQ/TU", "Tỉnh ủy Thừa Thiên - Huế", null, null)), List.of(), List.of()),
                // TP.HCM in the issuer's words, the city's code in another article's place
                record("c-1", null, "2022-04-01", null,
                        List.of(doc("05-NQ/TU", "Thành ủy TP.HCM", null, null)), List.of(), List.of()),
                record("c-2", null, "2022-05-01", new ArticleRecord.Place("Hồ Chí Minh", "79", null),
                        List.of(doc("05-NQ/TU", null, null, null)), List.of(), List.of())));
        load(db, List.of(
                // a provincial People's Committee's letter, its department after UBND: local, scoped by the article
                record("u-1", null, "2017-02-03", new ArticleRecord.Place("Quảng Bình", "44", null),
                        List.of(doc("146/UBND-KTTH", null, "2017-02-02", null)), List.of(), List.of()),
                record("u-2", null, "2017-02-04", new ArticleRecord.Place("Nghệ An", "40", null),
                        List.of(doc("146/UBND-KTTH", null, null, null)), List.of(), List.of())));
        try (StoreReader r = StoreReader.open(db, 2)) {
            assertThat(r.lookupDocument("146/UBND-KTTH").matches()).extracting(StoreReader.DocumentInfo::level,
                    StoreReader.DocumentInfo::place).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("province", "Quảng Bình"),
                    org.assertj.core.groups.Tuple.tuple("province", "Nghệ An"));
            StoreReader.DocumentLookup l = r.lookupDocument("05-NQ/TU");
            assertThat(l.matches()).extracting(StoreReader.DocumentInfo::place)
                    .containsExactlyInAnyOrder("Huế", "Hồ Chí Minh");
            assertThat(citing(r, r.lookupDocument("05-NQ/TU@Huế").matches().get(0)))
                    .containsExactlyInAnyOrder("h-1", "h-2");
            assertThat(citing(r, r.lookupDocument("05-NQ/TU@ho chi minh").matches().get(0)))
                    .containsExactlyInAnyOrder("c-1", "c-2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aStateDocumentWrittenWithAndWithoutItsYearIsOne(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(
                // one article, two spellings
                record("s-1", null, "2020-10-01", null,
                        List.of(doc("116/NĐ-CP", "Chính phủ", null, null), doc("116/2020/NĐ-CP", "Chính phủ", "2020-09-25", null)),
                        List.of(), List.of()),
                // another article, without the year and without a date: the issuer agrees, one candidate
                record("s-2", null, "2021-01-05", null, List.of(doc("116/NĐ-CP", "Chính phủ", null, null)), List.of(), List.of()),
                // the year of its date disagrees: another document
                record("s-3", null, "2018-01-05", null, List.of(doc("116/NĐ-CP", null, "2017-10-20", null)), List.of(), List.of()),
                // "16-CT" and "16/CT-TTg", the date agrees
                record("c-1", null, "2020-04-01", null, List.of(doc("16/CT-TTg", "Thủ tướng Chính phủ", "2020-03-31", null)),
                        List.of(), List.of()),
                record("c-2", null, "2020-04-02", null, List.of(doc("16-CT", null, "2020-03-31", null)), List.of(), List.of())));
        // loaded in the other order, the short form still finds the full one
        load(db, List.of(record("s-4", null, "2021-02-05", null, List.of(doc("116/NĐ-CP", "Chính phủ", "2020-09-25", null)),
                List.of(), List.of())));
        try (StoreReader r = StoreReader.open(db, 2)) {
            StoreReader.DocumentInfo full = r.lookupDocument("116/2020/NĐ-CP").matches().get(0);
            assertThat(full.id()).isEqualTo("116/2020/NĐ-CP");
            assertThat(citing(r, full)).containsExactlyInAnyOrder("s-1", "s-2", "s-4");
            assertThat(full.articleCount()).isEqualTo(3);
            // the short form that stayed alone is the one whose date disagrees
            assertThat(r.lookupDocument("116/NĐ-CP").matches()).singleElement()
                    .satisfies(d -> assertThat(citing(r, d)).containsExactly("s-3"));
            StoreReader.DocumentInfo ct = r.lookupDocument("16/CT-TTg").matches().get(0);
            assertThat(citing(r, ct)).containsExactlyInAnyOrder("c-1", "c-2");
            assertThat(ct.level()).isEqualTo("central");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void oneNameInTwoProvincesIsTwoPeopleAndASpellingVariantWithEvidenceIsOne(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(
                record("p-1", "baogialai.com.vn", "2021-01-10", null, List.of(),
                        List.of(official("Nguyễn Văn Hùng", "Bí thư Tỉnh ủy")), List.of()),
                record("p-2", null, "2022-03-10", null, List.of(),
                        List.of(official("Nguyễn Văn Hùng", "Phó Bí thư Tỉnh ủy Gia Lai")), List.of()),
                record("p-3", "baonghean.vn", "2016-05-10", null, List.of(),
                        List.of(official("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh")), List.of()),
                // a typo, the same title and place: the same person
                record("p-4", "baogialai.com.vn", "2021-02-10", null, List.of(),
                        List.of(official("Nguyễn Văn Hùnh", "Bí thư Tỉnh ủy")), List.of()),
                // one letter and a tone mark away (Hưng is another name), or another title: no evidence
                record("p-5", "baogialai.com.vn", "2021-03-10", null, List.of(),
                        List.of(official("Nguyễn Văn Hưng", "Bí thư Tỉnh ủy"), official("Nguyễn Văn Hùg", "Giám đốc Sở Y tế")),
                        List.of()),
                // tone-mark placement: one person
                record("p-6", "baogialai.com.vn", "2021-04-10", null, List.of(),
                        List.of(official("Trần Thị Thủy", "Phó Chủ tịch UBND tỉnh")), List.of()),
                record("p-7", "baogialai.com.vn", "2021-05-10", null, List.of(),
                        List.of(official("Trần Thị Thuỷ", "Phó Chủ tịch UBND tỉnh")), List.of()),
                // a central title in a provincial article: one person across provinces
                record("p-8", "baogialai.com.vn", "2024-09-01", null, List.of(),
                        List.of(official("Tô Lâm", "Tổng Bí thư")), List.of()),
                record("p-9", "baonghean.vn", "2024-10-01", null, List.of(),
                        List.of(official("Tô Lâm", "Tổng Bí thư", "Chủ tịch nước")), List.of())));
        try (StoreReader r = StoreReader.open(db, 2)) {
            StoreReader.OfficialLookup l = r.lookupOfficial("Nguyễn Văn Hùng", 10);
            assertThat(l.exact()).isTrue();
            assertThat(l.matches()).extracting(StoreReader.OfficialInfo::place).containsExactlyInAnyOrder("Gia Lai", "Nghệ An");
            StoreReader.OfficialInfo gl = l.matches().stream().filter(o -> "Gia Lai".equals(o.place())).findFirst().orElseThrow();
            assertThat(gl.key()).isEqualTo("Nguyễn Văn Hùng · Gia Lai");
            assertThat(gl.articleCount()).as("p-1, p-2 and the typo p-4").isEqualTo(3);
            StoreReader.OfficialView v = r.official(gl.key(), 20, 0).orElseThrow();
            assertThat(v.titles()).anySatisfy(t -> {
                assertThat(t.title()).isEqualTo("Bí thư Tỉnh ủy");
                assertThat(t.dates()).containsExactly("2021-01-10", "2021-02-10");
            });
            assertThat(r.lookupOfficial("Nguyễn Văn Hưng", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.articleCount()).isEqualTo(1));
            assertThat(r.lookupOfficial("Nguyễn Văn Hùg", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.articleCount()).isEqualTo(1));
            assertThat(r.lookupOfficial("tran thi thuy", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.articleCount()).isEqualTo(2));
            assertThat(r.lookupOfficial("Tô Lâm", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.articleCount()).isEqualTo(2));
            // typed the way people type: lower case, another tone-mark placement, with the place
            assertThat(r.lookupOfficial("nguyễn văn hùng · gia lai", 5).matches()).singleElement()
                    .satisfies(o -> assertThat(o.key()).isEqualTo(gl.key()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void relationsFollowScopedKeysAndTheCascadeHasLevelsAndATimeline(String kind) throws Exception {
        Database db = db(kind);
        load(db, TestStores.cascade());
        try (StoreReader r = StoreReader.open(db, 2)) {
            StoreReader.DocumentInfo kl = r.lookupDocument("21-KL/TW").matches().get(0);
            StoreReader.Cascade c = r.cascade(kl.key()).orElseThrow();
            assertThat(c.implementers()).extracting(n -> n.document().label())
                    .containsExactlyInAnyOrder("70-KH/TU@Gia Lai", "70-KH/TU@Nghệ An");
            StoreReader.CascadeNode gl = c.implementers().stream()
                    .filter(n -> n.document().label().equals("70-KH/TU@Gia Lai")).findFirst().orElseThrow();
            assertThat(gl.implementers()).singleElement().satisfies(n -> {
                assertThat(n.document().level()).isEqualTo("district");
                assertThat(n.document().place()).isEqualTo("Chư Prông, Gia Lai");
            });
            StoreReader.CascadeNode na = c.implementers().stream()
                    .filter(n -> n.document().label().equals("70-KH/TU@Nghệ An")).findFirst().orElseThrow();
            assertThat(na.implementers()).singleElement()
                    .satisfies(n -> assertThat(n.document().level()).isEqualTo("commune"));
            assertThat(c.implementersByLevel()).containsEntry("province", 2).containsEntry("district", 1)
                    .containsEntry("commune", 1);
            assertThat(c.amendedBy()).extracting(StoreReader.DocumentInfo::id).containsExactly("15-QĐ/TW");
            assertThat(c.timeline()).extracting(StoreReader.MonthCount::month, StoreReader.MonthCount::articles)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2022-01", 1), org.assertj.core.groups.Tuple.tuple("2022-03", 1),
                            org.assertj.core.groups.Tuple.tuple("2022-05", 1));
            StoreReader.DocumentInfo kh = r.lookupDocument("70-KH/TU@Gia Lai").matches().get(0);
            assertThat(r.cascade(kh.key()).orElseThrow().implementsDocuments()).extracting(StoreReader.DocumentInfo::id)
                    .containsExactly("21-KL/TW");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void csvKeysAreReadableNfcWithoutFoldedForms(String kind) throws Exception {
        Database db = db(kind);
        load(db, List.of(record("r-1", "baogialai.com.vn", "2021-01-10", null,
                List.of(doc("02-NQ/TU", null, null, null)),
                List.of(official("Nguyễn Quang Dương", "Phó trưởng Ban Tổ chức Trung ương")), List.of())));
        try (StoreReader r = StoreReader.open(db, 1)) {
            new Exporter(r).csv(tmp.resolve("csv"));
            new TableExport(r, ArticleFilter.NONE).csv(tmp.resolve("tables"), false); // what `export --format csv` writes
        }
        for (String t : List.of("officials", "documents", "official_titles")) {
            String header = Files.readAllLines(tmp.resolve("tables/" + t + ".csv")).get(0);
            assertThat(header).as(t).doesNotContain("name_key").doesNotContain("title_key").doesNotContain("loose_key")
                    .doesNotContain("number_key");
        }
        List<String> all = new ArrayList<>();
        for (String t : List.of("officials", "article_officials", "official_titles", "documents", "article_documents")) {
            String csv = Files.readString(tmp.resolve("csv/" + t + ".csv"));
            assertThat(csv).as(t).isEqualTo(Normalizer.normalize(csv, Normalizer.Form.NFC));
            all.add(csv);
        }
        String joined = String.join("\n", all);
        assertThat(joined).contains("Nguyễn Quang Dương · Trung ương").contains("02-NQ/TU@Gia Lai")
                .doesNotContain("nguyêñ").doesNotContain(org.vnextract.text.Fold.fold("Nguyễn Quang Dương"));
    }
}
