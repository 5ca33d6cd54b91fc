package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnextract.store.DevStore;
import org.vnextract.store.StoreReader;

/**
 * The API and search page of issue 18 over the dev corpus, as extracted: paging through every hit
 * of a search, the search page's link to page 2, filters, and the OpenAPI description held equal
 * to the routes the server answers.
 */
class DeskApiTest {
    static StoreReader reader;
    static WebServer server;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        reader = StoreReader.open(DevStore.database(), 4);
        server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 4);
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

    static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json.readTree(r.body());
    }

    @Test
    void searchPagesThroughEveryHitAndThePagesHoldTotalDistinctArticles() throws Exception {
        String q = Html.url("Đảng");
        JsonNode first = getJson("/api/search?q=" + q);
        long total = first.path("total").asLong();
        // the same search without paging (one call of up to 100 rows) finds as many articles
        assertThat(total).isEqualTo(reader.search("Đảng", StoreReader.MAX_PAGE, 0).size()).isGreaterThan(20);
        assertThat(first.path("page").asInt()).isEqualTo(1);
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (int page = 1; ; page++) {
            JsonNode n = getJson("/api/search?q=" + q + "&page=" + page);
            assertThat(n.path("page").asInt()).isEqualTo(page);
            assertThat(n.path("total").asLong()).isEqualTo(total);
            JsonNode results = n.path("results");
            if (results.isEmpty()) {
                break;
            }
            assertThat(results.size()).isLessThanOrEqualTo(WebServer.DEFAULT_PAGE);
            for (JsonNode r : results) {
                assertThat(r.path("articleId").asText()).isNotEmpty();
                seen.add(r.path("articleId").asText());
            }
            pages++;
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(pages).isEqualTo((int) ((total + 19) / 20));
    }

    @Test
    void theSearchPageLinksToPage2AndPage2HoldsTheNextArticles() throws Exception {
        String page1 = get("/search?q=" + Html.url("Đảng")).body();
        Matcher m = Pattern.compile("<a rel=\"next\" class=\"next\" href=\"([^\"]+)\"").matcher(page1);
        assertThat(m.find()).as("a link to the next page").isTrue();
        String href = m.group(1).replace("&amp;", "&");
        assertThat(href).contains("page=2");
        String page2 = get(href).body();
        Set<String> one = articleLinks(page1);
        Set<String> two = articleLinks(page2);
        assertThat(one).hasSize(20);
        assertThat(two).isNotEmpty().doesNotContainAnyElementsOf(one);
        assertThat(page2).contains("rel=\"prev\"").contains("Trang 2 / ");
    }

    private static Set<String> articleLinks(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<li class=\"hit\"><a class=\"title\" href=\"/articles/([^\"?]+)").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void filtersNarrowTheTotal() throws Exception {
        long all = getJson("/api/search?q=" + Html.url("Đảng")).path("total").asLong();
        JsonNode since = getJson("/api/search?q=" + Html.url("Đảng") + "&since=2020-01-01&size=100");
        assertThat(since.path("total").asLong()).isLessThan(all).isEqualTo(since.path("results").size());
        for (JsonNode r : since.path("results")) {
            assertThat(r.path("published").asText()).isGreaterThanOrEqualTo("2020-01-01");
        }
        JsonNode oldest = getJson("/api/search?q=" + Html.url("Đảng") + "&sort=oldest&size=100");
        List<String> dates = new ArrayList<>();
        oldest.path("results").forEach(r -> {
            if (!r.path("published").isNull()) {
                dates.add(r.path("published").asText());
            }
        });
        assertThat(dates).isNotEmpty().isSorted();
        assertThat(get("/api/search?q=x&since=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=x&sort=sideways").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?q=x&since=2020-01-02&until=2020-01-01").statusCode()).isEqualTo(400);
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteAnswers() throws Exception {
        JsonNode doc = getJson("/api/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        doc.path("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(Desk.API_ROUTES);
        String docId = getJson("/api/documents").path("results").get(0).path("id").asText();
        String officialKey = getJson("/api/officials").path("results").get(0).path("key").asText();
        String articleId = getJson("/api/search?q=").path("results").get(0).path("articleId").asText();
        Set<String> undocumented = new LinkedHashSet<>();
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String route = it.next();
            String path = route.replace("{id}", route.contains("documents") ? docId : articleId).replace("{key}", Html.url(officialKey));
            JsonNode n = getJson(path);
            JsonNode get = doc.path("paths").path(route).path("get");
            assertThat(get.path("responses").has("200")).as(route).isTrue();
            // every documented required property is in the answer
            JsonNode schema = get.path("responses").path("200").path("content").path("application/json").path("schema");
            for (JsonNode req : schema.path("required")) {
                assertThat(n.has(req.asText())).as(route + " has " + req.asText()).isTrue();
            }
            // and every property in the answer is documented, down through the schemas it refers to
            undocumented(doc, schema, n, route, undocumented);
            // every documented query parameter is accepted
            for (JsonNode p : get.path("parameters")) {
                if (p.path("in").asText().equals("query")) {
                    String value = p.path("schema").path("default").isMissingNode() ? "" : p.path("schema").path("default").asText();
                    assertThat(get(path + (path.contains("?") ? "&" : "?") + p.path("name").asText() + "=" + Html.url(value))
                            .statusCode()).as(route + " ?" + p.path("name").asText()).isEqualTo(200);
                }
            }
        }
        assertThat(undocumented).as("answer properties that openapi.json does not document").isEmpty();
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    }

    /**
     * Adds to {@code out} each object property of {@code value} that {@code schema} (an OpenAPI
     * schema, {@code $ref}, {@code allOf} and array items followed) does not document.
     */
    private static void undocumented(JsonNode api, JsonNode schema, JsonNode value, String where, Set<String> out) {
        JsonNode s = resolve(api, schema);
        if (value == null || value.isNull() || s.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                undocumented(api, s.path("items"), item, where + "[]", out);
            }
        } else if (value.isObject() && s.has("properties")) {
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!s.path("properties").has(name)) {
                    out.add(where + "." + name);
                } else {
                    undocumented(api, s.path("properties").path(name), value.get(name), where + "." + name, out);
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 8; depth++) {
            if (s.has("$ref")) {
                s = api.at(s.path("$ref").asText().substring(1));
            } else if (s.has("allOf") && s.path("allOf").size() == 1) {
                s = s.path("allOf").get(0);
            } else {
                return s;
            }
        }
        throw new AssertionError("schema references nest deeper than 8: " + schema);
    }

    @Test
    void everyListEndpointHasATotalAndPages() throws Exception {
        for (String list : List.of("/api/documents", "/api/officials", "/api/provinces")) {
            JsonNode a = getJson(list + "?size=2");
            long total = a.path("total").asLong();
            assertThat(total).as(list).isGreaterThan(2);
            Set<String> seen = new HashSet<>();
            for (int page = 1; page <= (total + 1) / 2; page++) {
                for (JsonNode r : getJson(list + "?size=2&page=" + page).path("results")) {
                    assertThat(seen.add(r.path("key").asText())).as(list + " repeats " + r).isTrue();
                }
            }
            assertThat(seen).as(list).hasSize((int) total);
        }
        // after the July 2025 reform: at most the 34 provinces, each with its code, the same articles counted
        JsonNode before = getJson("/api/provinces?size=100");
        JsonNode after = getJson("/api/provinces?after=1&size=100");
        assertThat(after.path("total").asLong()).isPositive().isLessThanOrEqualTo(Math.min(34, before.path("total").asLong()));
        long sumBefore = 0;
        long sumAfter = 0;
        for (JsonNode r : before.path("results")) {
            sumBefore += r.path("articles").asLong();
        }
        for (JsonNode r : after.path("results")) {
            sumAfter += r.path("articles").asLong();
            assertThat(r.path("code").asText()).as(r.toString()).isNotBlank();
        }
        assertThat(sumAfter).isEqualTo(sumBefore);
    }
}
