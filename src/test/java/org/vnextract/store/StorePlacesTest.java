package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;

/**
 * Places in the store (issue 16), against both databases: the article's place and the province
 * covering it after July 2025 survive a round trip, and search, export and the per-province counts
 * filter and group by either, ignoring case and diacritics.
 */
class StorePlacesTest {
    static List<ArticleRecord> seeds;

    @TempDir
    Path tmp;

    private TestStores.Handle handle;

    @BeforeAll
    static void extractSeeds() throws Exception {
        seeds = TestStores.seeds();
    }

    @AfterEach
    void drop() throws Exception {
        if (handle != null) {
            handle.cleanup().close();
        }
    }

    /** A seed record moved to another place (name, code, after-reform name and code). */
    static ArticleRecord placed(ArticleRecord r, String id, String name, String code, String after, String afterCode) {
        ArticleRecord moved = new ArticleRecord(r.schema(), id, r.source(), r.article(), r.officials(), r.documents(),
                r.dates(), r.counts(), r.periods(), r.relations(), r.organizations(), r.locations(), r.provenance());
        return moved.withPlace(new ArticleRecord.Place(name, code, new ArticleRecord.ProvinceRef(after, afterCode)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void placesRoundTripFilterAndGroup(String kind) throws Exception {
        handle = TestStores.open(kind, tmp);
        ArticleRecord base = seeds.get(0);
        List<ArticleRecord> records = new ArrayList<>();
        records.add(placed(base, "gl1", "Gia Lai", "64", "Gia Lai", "52"));
        records.add(placed(base, "gl2", "Gia Lai", "64", "Gia Lai", "52"));
        records.add(placed(base, "bd1", "Bình Định", "52", "Gia Lai", "52"));
        records.add(placed(base, "qn1", "Quảng Ngãi", "51", "Quảng Ngãi", "51"));
        records.add(new ArticleRecord(base.schema(), "none", base.source(), base.article(), base.officials(),
                base.documents(), base.dates(), base.counts(), base.periods(), base.relations(), base.organizations(), base.locations(),
                base.provenance()));
        try (RecordStore s = RecordStore.open(handle.db(), 3, ModelSource.bundled())) {
            for (ArticleRecord r : records) {
                s.write(r);
            }
            s.commit();
        }
        try (StoreReader r = StoreReader.open(handle.db(), 1)) {
            assertThat(r.record("bd1").orElseThrow().place()).isEqualTo(records.get(2).place());
            assertThat(r.record("none").orElseThrow().place()).isNull();
            TableExport gia = new TableExport(r, new ArticleFilter(null, null, null, "gia lai"));
            assertThat(ids(gia)).containsExactly("bd1", "gl1", "gl2"); // Bình Định is in Gia Lai after 2025
            assertThat(ids(new TableExport(r, new ArticleFilter(null, null, null, "Bình Định")))).containsExactly("bd1");
            assertThat(ids(new TableExport(r, new ArticleFilter(null, null, null, "Tỉnh Quang Ngai")))).containsExactly("qn1");
            assertThat(ids(new TableExport(r, ArticleFilter.NONE))).hasSize(5);
            Browse browse = new Browse(r);
            assertThat(browse.provinces(ArticleFilter.NONE, false, 1, 100).items())
                    .extracting(Browse.ProvinceCount::name, Browse.ProvinceCount::code, Browse.ProvinceCount::articles)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Gia Lai", "64", 2L),
                            org.assertj.core.groups.Tuple.tuple("Bình Định", "52", 1L),
                            org.assertj.core.groups.Tuple.tuple("Quảng Ngãi", "51", 1L));
            assertThat(browse.provinces(ArticleFilter.NONE, true, 1, 100).items())
                    .extracting(Browse.ProvinceCount::name, Browse.ProvinceCount::articles)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Gia Lai", 3L),
                            org.assertj.core.groups.Tuple.tuple("Quảng Ngãi", 1L));
            assertThat(browse.provinces(new ArticleFilter(null, null, null, "Bình Định"), true, 1, 100).items())
                    .extracting(Browse.ProvinceCount::name, Browse.ProvinceCount::articles)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Gia Lai", 1L));
            String word = base.article().text().split("\\s+")[0];
            List<StoreReader.SearchHit> all = r.search(word, 100, 0);
            List<StoreReader.SearchHit> gl = new ArticleSearch(r).find(new ArticleSearch.Query(word,
                    new ArticleFilter(null, null, null, "Gia Lai"), ArticleSearch.Sort.RELEVANCE, 1, 100)).items();
            assertThat(all).hasSize(5);
            assertThat(gl).extracting(StoreReader.SearchHit::articleId).containsExactlyInAnyOrder("gl1", "gl2", "bd1");
        }
    }

    /** The ids of the articles an export keeps, from its JSON Lines. */
    private static List<String> ids(TableExport ex) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ex.jsonl(out);
        List<String> ids = new java.util.ArrayList<>();
        for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText());
            }
        }
        return ids;
    }
}
