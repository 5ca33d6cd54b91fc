package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.record.ArticleRecord;
import org.vnextract.store.Database;
import org.vnextract.store.RecordStore;
import org.vnextract.store.StoreReader;
import org.vnextract.store.TestStores;

/** The web server over a SQLite store holding the seed corpus, a full record and a hostile one. */
class WebServerTest {
    @TempDir
    static Path tmp;

    static StoreReader reader;
    static WebServer server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper json = new ObjectMapper();

    static final String EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @BeforeAll
    static void start() throws Exception {
        Database db = Database.of(tmp.resolve("web.db").toString());
        try (RecordStore s = RecordStore.open(db)) {
            for (ArticleRecord r : TestStores.seeds()) {
                s.write(r);
            }
            s.write(TestStores.full("full-1", "21-KL/TW", "Châu Ngọc Tuấn"));
            s.write(hostile());
            // enough citations of one document to hit the page-size cap
            for (int i = 0; i < 105; i++) {
                s.write(TestStores.full("many-" + i, "77-KH/TU", "Hồ Văn Niên"));
            }
            s.commit();
        }
        reader = StoreReader.open(db, 4);
        server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 8);
    }

    static ArticleRecord hostile() {
        ArticleRecord f = TestStores.full("evil\"<id>", "66-KL/TW", "Đỗ \"<b>Văn</b>\" Tâm");
        String text = f.article().text() + "\n" + EVIL;
        return new ArticleRecord(f.schema(), f.id(), new ArticleRecord.Source("javascript:alert(1)", EVIL, "text"),
                new ArticleRecord.Article(EVIL, EVIL, "2024-01-01", List.of(EVIL), EVIL, text), f.officials(),
                f.documents(), f.dates(), f.counts(), f.periods(), f.relations(), f.organizations(), f.locations(), f.provenance());
    }

    @AfterAll
    static void stop() {
        server.close();
        reader.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void articleTextAndMetadataAreEscaped() throws Exception {
        HttpResponse<String> r = get("/articles/" + Html.url("evil\"<id>"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Văn</b>")
                .doesNotContain("href=\"javascript:")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> s = get("/search?q=" + Html.url(EVIL));
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(s.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        HttpResponse<String> d = get("/documents/66-KL/TW");
        assertThat(d.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("66-KL/TW");
    }

    /** Regression (issue 14, item 9): "{{body}}" in a query was replaced by the page body in the title and the search box. */
    @Test
    void templatePlaceholdersInAQueryAreNotExpanded() throws Exception {
        String q = "{{body}} {{q}} {{title}}";
        HttpResponse<String> r = get("/search?q=" + Html.url(q));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>" + q + " · vnextract</title>").contains("value=\"" + q + "\"")
                .containsOnlyOnce("<main>").containsOnlyOnce("<title>").containsOnlyOnce("<footer>");
        HttpResponse<String> o = get("/officials?q=" + Html.url("{{body}}"));
        assertThat(o.body()).contains("value=\"{{body}}\"").containsOnlyOnce("<main>");
    }

    @Test
    void articlePageMarksEntitiesByTypeAndTheFocusedDocument() throws Exception {
        String key = reader.lookupDocument("21-KL/TW").matches().get(0).key();
        String body = get("/articles/full-1?doc=" + Html.url(key)).body();
        assertThat(body).contains("<mark class=\"e-document hl\"").contains("class=\"e-official\"")
                .contains("class=\"e-date\"").contains("class=\"e-count\"").contains(">21-KL/TW</mark>");
    }

    @Test
    void articleFromASearchMarksTheSearchedWords() throws Exception {
        String body = get("/articles/full-1?q=" + Html.url("chinh don dang")).body();
        assertThat(body).contains("<mark class=\"search hl\">chỉnh đốn Đảng</mark>");
        String results = get("/search?q=" + Html.url("chỉnh đốn Đảng")).body();
        assertThat(results).contains("/articles/full-1?q=");
    }

    @Test
    void documentApiGivesTheDocumentAndItsCitationsNewestFirst() throws Exception {
        for (String path : List.of("/api/documents/21-KL%2FTW", "/api/documents/21-KL/TW", "/api/documents/" + Html.url("kết luận 21"))) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode n = json.readTree(r.body());
            assertThat(n.path("document").path("id").asText()).isEqualTo("21-KL/TW");
            List<String> dates = new ArrayList<>();
            for (JsonNode c : n.path("citations")) {
                assertThat(c.path("mentions").size()).isPositive();
                dates.add(c.path("published").isNull() ? "" : c.path("published").asText());
            }
            assertThat(dates).isNotEmpty();
            List<String> nonNull = dates.stream().filter(s -> !s.isEmpty()).toList();
            assertThat(nonNull).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        assertThat(get("/api/documents/404-KL/TW").statusCode()).isEqualTo(404);
    }

    @Test
    void listsAreCappedAndBadParametersRefused() throws Exception {
        JsonNode n = json.readTree(get("/api/documents/77-KH/TU?limit=100000").body());
        assertThat(n.path("citations").size()).isEqualTo(StoreReader.MAX_PAGE);
        assertThat(n.path("size").asInt()).isEqualTo(StoreReader.MAX_PAGE);
        assertThat(n.path("total").asInt()).isEqualTo(105);
        JsonNode p2 = json.readTree(get("/api/documents/77-KH/TU?limit=100&page=2").body());
        assertThat(p2.path("citations").size()).isEqualTo(105 - StoreReader.MAX_PAGE);
        assertThat(get("/api/search?q=x&limit=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=" + "a".repeat(WebServer.MAX_QUERY + 1)).statusCode()).isEqualTo(400);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void officialsAndTextSearchApis() throws Exception {
        JsonNode o = json.readTree(get("/api/officials?q=" + Html.url("tuấn")).body());
        List<String> names = new ArrayList<>();
        o.path("results").forEach(x -> names.add(x.path("name").asText()));
        assertThat(o.path("total").asInt()).isEqualTo(o.path("results").size());
        assertThat(names).contains("Châu Ngọc Tuấn");
        JsonNode s = json.readTree(get("/api/search?q=" + Html.url("chỉnh đốn Đảng")).body());
        assertThat(s.path("results").size()).isPositive();
        assertThat(s.path("total").asInt()).isGreaterThanOrEqualTo(s.path("results").size());
        JsonNode h = s.path("results").get(0);
        assertThat(h.path("articleId").asText()).isNotEmpty();
        String snippet = h.path("snippet").asText();
        JsonNode hl = h.path("highlights").get(0);
        assertThat(snippet.substring(hl.get(0).asInt(), hl.get(1).asInt()).toLowerCase()).isEqualTo("chỉnh đốn đảng");
        String key = reader.lookupOfficial("Châu Ngọc Tuấn", 1).matches().get(0).key();
        JsonNode v = json.readTree(get("/api/officials/" + Html.url(key)).body());
        assertThat(v.path("positions").get(0).path("title").asText()).isEqualTo("Phó Bí thư Thường trực Tỉnh ủy");
        assertThat(v.path("total").asInt()).isEqualTo(v.path("articles").size());
        JsonNode rec = json.readTree(get("/api/articles/full-1").body());
        assertThat(rec.path("schema").asText()).isEqualTo(ArticleRecord.SCHEMA);
    }

    /** 200 clients at once on a document page: every one answered 200. Latencies are printed, not asserted. */
    @Test
    void twoHundredConcurrentRequestsOfADocumentPage() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/documents/21-KL/TW");
        LoadClient.Result r = LoadClient.run(uri, 200, 1);
        System.out.println("serve load (200 concurrent GET /documents/21-KL/TW): " + r.summary());
        assertThat(r.errors()).as(String.valueOf(r.errorSamples())).isZero();
        assertThat(r.requests()).isEqualTo(200);
    }
}
