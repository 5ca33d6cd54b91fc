package org.vnextract.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.record.RecordJson;
import org.vnextract.store.ArticleFilter;
import org.vnextract.store.ArticleSearch;
import org.vnextract.store.Browse;
import org.vnextract.store.CsvWriter;
import org.vnextract.store.OfficialTimeline;
import org.vnextract.store.Page;
import org.vnextract.store.Stats;
import org.vnextract.store.StoreReader;

/**
 * The journalist's desk and the researcher's table (issue 18): the home page to browse, search
 * with a total, filters, sort and paging, the lists of documents, officials and provinces, the
 * official's positions over time, the article with every entity linked, a CSV download of every
 * list, and the JSON API with totals and paging, described by {@code /api/openapi.json}.
 * {@link WebServer} hands it every request first; {@link #route} answers null for a path it does
 * not serve. Every value from the store or the request is escaped ({@link Html}); the store is only read.
 *
 * <p>Thread-safe: no mutable state; the reader is thread-safe.
 */
final class Desk {
    /** The API's routes, exactly as {@code openapi.json} lists them (a test holds the two equal). */
    static final List<String> API_ROUTES = List.of("/api/search", "/api/documents", "/api/documents/{id}", "/api/officials",
            "/api/officials/{key}", "/api/provinces", "/api/articles/{id}", "/api/stats", "/api/openapi.json");

    /** The most rows a CSV download holds (100 pages of the largest page). */
    static final int CSV_MAX_ROWS = 10_000;

    /** The page frame: title, the query shown in the header's search box, and the body. */
    interface Layout {
        String page(String title, String query, String body);
    }

    private final StoreReader reader;
    private final Layout layout;
    private final ArticleSearch search;
    private final Browse browse;
    private final OfficialTimeline timeline;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper recordJson = new RecordJson().mapper();
    private final byte[] openApi = Html.resource("openapi.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Desk(StoreReader reader, Layout layout) {
        this.reader = Validate.notNull(reader, "reader");
        this.layout = Validate.notNull(layout, "layout");
        this.search = new ArticleSearch(reader);
        this.browse = new Browse(reader);
        this.timeline = new OfficialTimeline(reader);
    }

    /** The reply for a path this class serves, or null when the path is someone else's. */
    Reply route(String path, String id, Params p) throws HttpError {
        switch (path) {
            case "/":
                return Reply.html(home());
            case "/search":
                return Reply.html(searchPage(p));
            case "/documents":
                return Reply.html(documentsPage(p));
            case "/officials":
                return Reply.html(officialsPage(p));
            case "/provinces":
                return Reply.html(provincesPage(p));
            case "/export/search.csv":
                return Reply.csv(searchCsv(p));
            case "/export/documents.csv":
                return Reply.csv(documentsCsv(p));
            case "/export/officials.csv":
                return Reply.csv(officialsCsv(p));
            case "/export/provinces.csv":
                return Reply.csv(provincesCsv(p));
            case "/export/citations.csv":
                return Reply.csv(citationsCsv(p));
            case "/export/official-articles.csv":
                return Reply.csv(officialArticlesCsv(p));
            case "/api/search":
                return Reply.json(write(apiSearch(p)));
            case "/api/documents":
                return Reply.json(write(listJson(browse.documents(p.filter(), p.page(), p.size()))));
            case "/api/officials":
                return Reply.json(write(listJson(browse.officials(p.q(), p.filter(), p.page(), p.size()))));
            case "/api/provinces":
                return Reply.json(write(listJson(browse.provinces(p.filter(), p.after(), p.page(), p.size()))));
            case "/api/stats":
                return Reply.json(write(apiStats(p)));
            case "/api/openapi.json":
                return Reply.json(openApi);
            default:
                break;
        }
        if (id == null) {
            return null;
        }
        if (path.startsWith("/officials/")) {
            String key = officialKey(id);
            return Reply.html(key != null ? officialPage(key, p) : namesakesPage(id));
        }
        if (path.startsWith("/articles/")) {
            return Reply.html(articlePage(id, p));
        }
        if (path.startsWith("/api/documents/")) {
            return Reply.json(write(apiDocument(id, p)));
        }
        if (path.startsWith("/api/officials/")) {
            String key = officialKey(id);
            if (key == null) {
                StoreReader.OfficialLookup l = reader.lookupOfficial(id, StoreReader.MAX_PAGE);
                if (l.matches().isEmpty()) {
                    throw new HttpError(404, "no official " + id);
                }
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("query", id);
                o.put("ambiguous", true);
                o.put("matches", l.matches());
                return Reply.json(write(o));
            }
            return Reply.json(write(apiOfficial(key, p)));
        }
        if (path.startsWith("/api/articles/")) {
            var rec = reader.record(id).orElseThrow(() -> new HttpError(404, "no article " + id));
            try {
                return Reply.json(recordJson.writeValueAsBytes(rec));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** The paths whose rest is an id ("/officials/{key}"): the prefix of each. */
    static final List<String> ID_PREFIXES = List.of("/officials/", "/articles/", "/api/documents/", "/api/officials/", "/api/articles/");

    // ---------------------------------------------------------------- JSON

    private byte[] write(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> listJson(Page<?> p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("total", p.total());
        o.put("page", p.page());
        o.put("size", p.size());
        o.put("pages", p.pages());
        o.put("results", p.items());
        return o;
    }

    private Map<String, Object> apiSearch(Params p) throws HttpError {
        Page<StoreReader.SearchHit> found = search.find(new ArticleSearch.Query(p.q(), p.filter(), p.sort(), p.page(), p.size()));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("query", p.q());
        o.putAll(listJson(found));
        List<Map<String, Object>> results = new ArrayList<>();
        for (StoreReader.SearchHit h : found.items()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("articleId", h.articleId());
            r.put("title", h.title());
            r.put("published", h.published());
            r.put("date", VnDate.format(h.published()));
            r.put("site", h.site());
            r.put("snippet", h.snippet());
            r.put("highlights", h.highlights());
            results.add(r);
        }
        o.put("results", results);
        return o;
    }

    private Map<String, Object> apiDocument(String id, Params p) throws HttpError {
        StoreReader.DocumentLookup l = reader.lookupDocument(id);
        if (l.matches().isEmpty()) {
            throw new HttpError(404, "no document " + id);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("query", id);
        o.put("ambiguous", l.ambiguous());
        o.put("matches", l.matches());
        if (l.matches().size() == 1) {
            o.put("document", l.matches().get(0));
            o.put("cascade", reader.cascade(l.matches().get(0).key()).orElse(null));
            Page<StoreReader.Citation> c = browse.citations(l.matches().get(0).key(), p.page(), p.size());
            o.put("total", c.total());
            o.put("page", c.page());
            o.put("size", c.size());
            o.put("pages", c.pages());
            o.put("citations", c.items());
        }
        return o;
    }

    private Map<String, Object> apiOfficial(String key, Params p) throws HttpError {
        OfficialTimeline.View v = timeline.of(key).orElseThrow(() -> new HttpError(404, "no official " + key));
        int page = p.page();
        int size = p.size();
        StoreReader.OfficialView articles = reader.official(key, size, (page - 1) * size).orElseThrow();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("official", v.official());
        o.put("positions", v.positions());
        long total = browse.officialArticles(key);
        o.put("total", total);
        o.put("page", page);
        o.put("size", size);
        o.put("pages", Math.max(1, (total + size - 1) / size));
        o.put("articles", articles.articles());
        return o;
    }

    private Map<String, Object> apiStats(Params p) throws HttpError {
        String by = p.get("by") == null ? "month" : p.get("by");
        Stats.By group;
        try {
            group = Stats.By.valueOf(by.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "by must be month, province, outlet, document or official");
        }
        String doc = null;
        if (p.get("document") != null) {
            StoreReader.DocumentLookup l = reader.lookupDocument(p.text("document"));
            if (l.matches().size() != 1) {
                throw new HttpError(404, "document " + p.get("document") + " names " + l.matches().size() + " documents");
            }
            doc = l.matches().get(0).key();
        }
        String off = p.get("official");
        Stats.Table t = new Stats(reader).compute(group, p.filter(), doc, off);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("by", group.label());
        o.put("total", t.rows().size());
        o.put("rows", t.rows());
        return o;
    }

    // ---------------------------------------------------------------- shared bits of pages

    private static final java.util.regex.Pattern HEX_ID = java.util.regex.Pattern.compile("[0-9a-f]{12,64}");

    /** A title a person can read: the stored one, unless empty or an id; else the text's opening words. */
    static String title(String title, String text, String id) {
        if (title != null && !title.isBlank() && !HEX_ID.matcher(title.strip()).matches()) {
            return title.strip();
        }
        if (text != null && !text.isBlank()) {
            String s = text.strip();
            int nl = s.indexOf('\n');
            s = nl > 0 ? s.substring(0, nl) : s;
            if (s.codePointCount(0, s.length()) > 90) {
                int cut = s.offsetByCodePoints(0, 90);
                int space = s.lastIndexOf(' ', cut);
                s = s.substring(0, space > 40 ? space : cut) + "…";
            }
            return s;
        }
        return "Bài không có tiêu đề (" + id + ")";
    }

    /**
     * "20/5/2016 · baomoi.com"; an unknown date says so, an unknown outlet is left out (a list where
     * no article has one would otherwise repeat "không rõ nguồn" on every line).
     */
    static String meta(String published, String site) {
        String d = VnDate.format(published);
        return (d == null ? "không rõ ngày" : d) + (site == null || site.isBlank() ? "" : " · " + site);
    }

    /** The two download links of a list: CSV, and CSV with a byte-order mark for Excel ({@code excel=1}). */
    static void csvLinks(Html h, String path, Params p) {
        String plain = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        String file = plain.substring(plain.lastIndexOf('/') + 1);
        String href = p == null ? path : p.link(path, "page", null);
        h.raw("<span class=\"downloads\">Tải về: ");
        h.link(href, "CSV", "csv", file);
        h.raw(" · ");
        h.link(href + (href.indexOf('?') < 0 ? "?" : "&") + "excel=1", "CSV cho Excel", "csv-excel", file.replace(".csv", "-excel.csv"));
        h.raw("</span>");
    }

    /** The search page for a query (the document page sends an ambiguous symbol here). */
    String searchFor(String q) throws HttpError {
        return searchPage(new Params(Map.of("q", q)));
    }

    private void hitItem(Html h, StoreReader.SearchHit s, String query) {
        h.raw("<li class=\"hit\">");
        h.link("/articles/" + Html.url(s.articleId()) + (query.isEmpty() ? "" : "?q=" + Html.url(query)),
                title(s.title(), s.snippet(), s.articleId()), "title", null);
        h.el("div", "meta", meta(s.published(), s.site()));
        int[][] marks = s.highlights().toArray(new int[0][]);
        String[] cls = new String[marks.length];
        java.util.Arrays.fill(cls, "hl");
        h.raw("<p class=\"snippet\">").marked(s.snippet(), marks, cls, null).raw("</p></li>");
    }

    private static String describe(StoreReader.DocumentInfo d) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {d.typeName(), d.issuer(), d.date() == null ? null : "ngày " + VnDate.format(d.date()), d.subject()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join(" · ", parts);
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    // ---------------------------------------------------------------- home

    private String home() {
        Browse.Summary s = browse.summary();
        Html h = new Html();
        h.raw("<section class=\"intro\"><h1>Văn bản, cán bộ và sự kiện trong báo chí</h1><p class=\"lede\">");
        h.text(count(s.articles()) + " bài báo · " + count(s.documents()) + " văn bản được trích dẫn · " + count(s.officials()) + " cán bộ");
        if (s.first() != null) {
            h.text(" · từ " + VnDate.format(s.first()) + " đến " + VnDate.format(s.last()));
        }
        h.raw("</p><p class=\"hint\">Gõ số hiệu văn bản (<code>21-KL/TW</code>, <code>kết luận 21</code>), tên cán bộ"
                + " hoặc một cụm từ (<code>chỉnh đốn Đảng</code>) vào ô tìm kiếm.</p></section><div class=\"columns\">");
        h.raw("<section id=\"top-documents\" class=\"panel\"><h2>Văn bản được trích dẫn nhiều nhất</h2><ol class=\"ranked\">");
        for (StoreReader.DocumentInfo d : browse.documents(ArticleFilter.NONE, 1, 10).items()) {
            h.raw("<li>").link("/documents/" + Html.url(d.label()), d.label(), "doc-id", null).raw(" ")
                    .el("span", "count", d.articleCount() + " bài");
            String what = describe(d);
            if (!what.isEmpty()) {
                h.el("div", "meta", what);
            }
            h.raw("</li>");
        }
        h.raw("</ol><a class=\"more\" href=\"/documents\">Tất cả văn bản →</a></section>");
        h.raw("<section id=\"recent\" class=\"panel\"><h2>Bài mới nhất</h2><ol class=\"plain\">");
        for (StoreReader.SearchHit a : search.find(new ArticleSearch.Query("", null, ArticleSearch.Sort.NEWEST, 1, 8)).items()) {
            h.raw("<li>").link("/articles/" + Html.url(a.articleId()), title(a.title(), a.snippet(), a.articleId()), "title", null)
                    .el("div", "meta", meta(a.published(), a.site())).raw("</li>");
        }
        h.raw("</ol><a class=\"more\" href=\"/search?sort=newest\">Tất cả bài viết →</a></section>");
        h.raw("<section id=\"top-officials\" class=\"panel\"><h2>Cán bộ được nhắc đến nhiều nhất</h2><ol class=\"ranked\">");
        for (StoreReader.OfficialInfo o : browse.officials("", ArticleFilter.NONE, 1, 10).items()) {
            h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name(), null, null).raw(" ")
                    .el("span", "count", o.articleCount() + " bài").raw("</li>");
        }
        h.raw("</ol><a class=\"more\" href=\"/officials\">Tất cả cán bộ →</a></section>");
        h.raw("<section id=\"provinces\" class=\"panel\"><h2>Tỉnh, thành</h2><ul class=\"chips\">");
        for (Browse.ProvinceCount pc : browse.provinces(ArticleFilter.NONE, false, 1, 24).items()) {
            h.raw("<li>").link("/search?province=" + Html.url(pc.name()) + "&sort=newest", pc.name(), null, null).raw(" ")
                    .el("span", "count", String.valueOf(pc.articles())).raw("</li>");
        }
        h.raw("</ul><a class=\"more\" href=\"/provinces\">Tất cả tỉnh, thành →</a></section></div>");
        return layout.page("Trang chủ", "", h.toString());
    }

    // ---------------------------------------------------------------- search

    private String searchPage(Params p) throws HttpError {
        String q = p.q();
        ArticleFilter f = p.filter();
        ArticleSearch.Sort sort = p.sort();
        Page<StoreReader.SearchHit> found = search.find(new ArticleSearch.Query(q, f, sort, p.page(), p.size()));
        Html h = new Html();
        if (q.isEmpty()) {
            h.raw("<h1>Bài viết").text(f.province() == null ? "" : " · " + f.province()).raw("</h1>");
        } else {
            h.raw("<h1>Kết quả cho “").text(q).raw("”</h1>");
        }
        filters(h, p, f, sort);
        if (!q.isEmpty() && p.page() == 1) {
            matchingDocumentsAndOfficials(h, q);
        }
        h.raw("<section id=\"articles\"><div class=\"summary\"><strong class=\"total\">").text(Paging.summary(found, "bài"))
                .raw("</strong>");
        if (found.total() > 0) {
            csvLinks(h, "/export/search.csv", p);
        }
        h.raw("</div>");
        if (found.total() == 0) {
            h.el("p", "notice", q.isEmpty() ? "Không có bài nào khớp bộ lọc." : "Không tìm thấy bài nào chứa cụm từ này"
                    + (f.isEmpty() ? "." : " với bộ lọc đã chọn."));
        }
        h.raw("<ol class=\"results\" start=\"").text(String.valueOf(found.offset() + 1)).raw("\">");
        for (StoreReader.SearchHit s : found.items()) {
            hitItem(h, s, q);
        }
        h.raw("</ol>");
        Paging.render(h, "/search", p, found);
        h.raw("</section>");
        return layout.page(q.isEmpty() ? "Bài viết" : q, q, h.toString());
    }

    private void filters(Html h, Params p, ArticleFilter f, ArticleSearch.Sort sort) throws HttpError {
        h.raw("<form class=\"filters\" action=\"/search\" method=\"get\"><input type=\"hidden\" name=\"q\" value=\"")
                .text(p.q()).raw("\">");
        h.raw("<label>Từ ngày <input type=\"date\" name=\"since\" value=\"").text(f.since() == null ? "" : f.since().toString())
                .raw("\"></label>");
        h.raw("<label>Đến ngày <input type=\"date\" name=\"until\" value=\"").text(f.until() == null ? "" : f.until().toString())
                .raw("\"></label>");
        Set<String> sites = new LinkedHashSet<>();
        for (Browse.SiteCount s : browse.sites()) {
            sites.add(s.site());
        }
        if (f.site() != null) {
            sites.add(f.site());
        }
        // a store whose articles have no outlet (text files) gets no outlet choice that offers nothing
        if (!sites.isEmpty()) {
            h.raw("<label>Nguồn <select name=\"site\"><option value=\"\">Tất cả</option>");
        }
        for (String s : sites) {
            h.raw("<option value=\"").text(s).raw(s.equals(f.site()) ? "\" selected>" : "\">").text(s).raw("</option>");
        }
        if (!sites.isEmpty()) {
            h.raw("</select></label>");
        }
        h.raw("<label>Tỉnh, thành <select name=\"province\"><option value=\"\">Tất cả</option>");
        Set<String> provinces = new java.util.TreeSet<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi")));
        for (Browse.ProvinceCount pc : browse.provinces(ArticleFilter.NONE, false, 1, 100).items()) {
            provinces.add(pc.name());
        }
        if (f.province() != null) {
            provinces.add(f.province());
        }
        for (String s : provinces) {
            h.raw("<option value=\"").text(s).raw(s.equals(f.province()) ? "\" selected>" : "\">").text(s).raw("</option>");
        }
        h.raw("</select></label><label>Sắp xếp <select name=\"sort\">");
        for (String[] o : new String[][] {{"relevance", "Phù hợp nhất"}, {"newest", "Mới nhất"}, {"oldest", "Cũ nhất"}}) {
            boolean sel = o[0].equals(sort.name().toLowerCase(java.util.Locale.ROOT));
            h.raw("<option value=\"" + o[0] + "\"" + (sel ? " selected" : "") + ">" + o[1] + "</option>");
        }
        h.raw("</select></label><button type=\"submit\">Lọc</button>");
        if (!f.isEmpty()) {
            h.link(p.q().isEmpty() ? "/search" : "/search?q=" + Html.url(p.q()), "Bỏ lọc", "clear", null);
        }
        h.raw("</form>");
    }

    private void matchingDocumentsAndOfficials(Html h, String q) {
        StoreReader.DocumentLookup docs = reader.lookupDocument(q);
        if (!docs.matches().isEmpty()) {
            h.raw("<section id=\"documents\"><h2>Văn bản</h2>");
            if (docs.ambiguous()) {
                h.el("p", "notice", "Số hiệu rút gọn này ứng với " + docs.matches().size() + " văn bản; chọn một.");
            }
            h.raw("<ul class=\"results compact\">");
            for (StoreReader.DocumentInfo d : docs.matches()) {
                h.raw("<li>").link("/documents/" + Html.url(d.label()), d.label(), "doc-id", null).raw(" ")
                        .el("span", "meta", describe(d) + (describe(d).isEmpty() ? "" : " · ") + d.articleCount() + " bài").raw("</li>");
            }
            h.raw("</ul></section>");
        }
        if (docs.parts().number() == null) {
            List<StoreReader.OfficialInfo> off = reader.searchOfficials(q, 10);
            if (!off.isEmpty()) {
                h.raw("<section id=\"officials\"><h2>Cán bộ</h2><ul class=\"results compact\">");
                for (StoreReader.OfficialInfo o : off) {
                    h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name(), null, null).raw(" ")
                            .el("span", "meta", o.articleCount() + " bài").raw("</li>");
                }
                h.raw("</ul></section>");
            }
        }
    }

    // ---------------------------------------------------------------- lists

    private String documentsPage(Params p) throws HttpError {
        Page<StoreReader.DocumentInfo> docs = browse.documents(p.filter(), p.page(), p.size());
        Html h = new Html().raw("<h1>Văn bản được trích dẫn</h1><div class=\"summary\"><strong class=\"total\">")
                .text(Paging.summary(docs, "văn bản")).raw("</strong>");
        csvLinks(h, "/export/documents.csv", p);
        h.raw("</div><ol class=\"results\" start=\"").text(String.valueOf(docs.offset() + 1)).raw("\">");
        for (StoreReader.DocumentInfo d : docs.items()) {
            h.raw("<li>").link("/documents/" + Html.url(d.label()), d.label(), "doc-id", null).raw(" ")
                    .el("span", "count", d.articleCount() + " bài");
            if (!describe(d).isEmpty()) {
                h.el("div", "meta", describe(d));
            }
            h.raw("</li>");
        }
        h.raw("</ol>");
        Paging.render(h, "/documents", p, docs);
        return layout.page("Văn bản", "", h.toString());
    }

    private String officialsPage(Params p) throws HttpError {
        Page<StoreReader.OfficialInfo> off = browse.officials(p.q(), p.filter(), p.page(), p.size());
        Html h = new Html().raw("<h1>Cán bộ</h1>");
        h.raw("<form class=\"filters\" action=\"/officials\" method=\"get\"><label>Tên <input type=\"search\" name=\"q\" value=\"")
                .text(p.q()).raw("\" placeholder=\"Nguyễn Văn A\"></label><button type=\"submit\">Lọc</button></form>");
        h.raw("<div class=\"summary\"><strong class=\"total\">").text(Paging.summary(off, "cán bộ")).raw("</strong>");
        csvLinks(h, "/export/officials.csv", p);
        h.raw("</div><ol class=\"results\" start=\"").text(String.valueOf(off.offset() + 1)).raw("\">");
        for (StoreReader.OfficialInfo o : off.items()) {
            h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name(), null, null).raw(" ")
                    .el("span", "count", o.articleCount() + " bài").raw("</li>");
        }
        h.raw("</ol>");
        Paging.render(h, "/officials", p, off);
        return layout.page("Cán bộ", "", h.toString());
    }

    private String provincesPage(Params p) throws HttpError {
        Page<Browse.ProvinceCount> pcs = browse.provinces(p.filter(), p.after(), p.page(), p.size());
        boolean after = p.after();
        Html h = new Html().raw("<h1>Tỉnh, thành").text(after ? " (sau 1/7/2025)" : "").raw("</h1>");
        h.raw("<p class=\"notice\">").text(after ? "Địa bàn của bài theo 34 tỉnh, thành sau sáp nhập 1/7/2025. "
                : "Địa bàn của bài theo tỉnh, thành vào thời điểm đăng. ")
                .link(p.link("/provinces", "after", after ? null : "1"), after ? "Xem theo tỉnh trước sáp nhập" : "Xem theo tỉnh sau 1/7/2025",
                        null, null).raw("</p>");
        h.raw("<div class=\"summary\"><strong class=\"total\">").text(Paging.summary(pcs, "tỉnh, thành")).raw("</strong>");
        csvLinks(h, "/export/provinces.csv", p);
        h.raw("</div><ol class=\"results\" start=\"").text(String.valueOf(pcs.offset() + 1)).raw("\">");
        for (Browse.ProvinceCount pc : pcs.items()) {
            h.raw("<li>").link("/search?province=" + Html.url(pc.name()) + "&sort=newest", pc.name(), null, null).raw(" ")
                    .el("span", "count", pc.articles() + " bài").raw("</li>");
        }
        h.raw("</ol>");
        Paging.render(h, "/provinces", p, pcs);
        return layout.page("Tỉnh, thành", "", h.toString());
    }

    // ---------------------------------------------------------------- official

    /**
     * The store key an official's path names: the key itself ("Nguyễn Văn Hùng · Gia Lai"), else the
     * one person a name typed in any case or tone-mark placement names ("/officials/nguyễn văn hùng");
     * null when the name is no one's or several people's.
     */
    private String officialKey(String typed) throws HttpError {
        if (timeline.of(typed).isPresent()) {
            return typed;
        }
        if (StoreReader.queryProblem(typed).isPresent()) {
            throw new HttpError(400, StoreReader.queryProblem(typed).get());
        }
        StoreReader.OfficialLookup l = reader.lookupOfficial(typed, StoreReader.MAX_PAGE);
        return l.exact() && l.matches().size() == 1 ? l.matches().get(0).key() : null;
    }

    /** The people a typed name may be (namesakes in several places, or close names), each with its place. */
    private String namesakesPage(String typed) throws HttpError {
        StoreReader.OfficialLookup l = reader.lookupOfficial(typed, StoreReader.MAX_PAGE);
        if (l.matches().isEmpty()) {
            throw new HttpError(404, "Không có cán bộ này trong cơ sở dữ liệu.");
        }
        Html h = new Html().raw("<h1>").text(typed).raw("</h1><p class=\"lede\">")
                .text(l.exact() ? "Nhiều người mang tên này:" : "Không có ai đúng tên này; có phải:").raw("</p><ul class=\"results namesakes\">");
        for (StoreReader.OfficialInfo o : l.matches()) {
            h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name(), null, null).raw(" ")
                    .el("span", "meta", (o.place() == null ? "chưa rõ địa bàn" : o.place()) + " · " + count(o.articleCount()))
                    .raw("</li>");
        }
        h.raw("</ul>");
        return layout.page(typed, typed, h.toString());
    }

    private String officialPage(String key, Params p) throws HttpError {
        OfficialTimeline.View v = timeline.of(key).orElseThrow(() -> new HttpError(404, "Không có cán bộ này trong cơ sở dữ liệu."));
        int page = p.page();
        int size = p.size();
        long total = browse.officialArticles(key);
        StoreReader.OfficialView o = reader.official(key, size, (page - 1) * size).orElseThrow();
        Page<StoreReader.OfficialArticle> arts = new Page<>(total, page, size, o.articles());
        String name = v.official().name();
        Html h = new Html().raw("<h1>").text(name).raw("</h1><p class=\"lede\">").text(count(total) + " bài nhắc đến · ")
                .link("/search?q=" + Html.url("\"" + name + "\""), "tìm tên trong nội dung bài", null, null).raw("</p>");
        h.raw("<section id=\"positions\"><h2>Chức danh theo thời gian</h2>");
        if (v.positions().isEmpty()) {
            h.el("p", "meta", "Chưa bài nào ghi chức danh của người này.");
        }
        if (v.positions().stream().anyMatch(t -> t.first() == null)) {
            h.el("p", "hint", "—: các bài ghi chức danh này không có ngày đăng.");
        }
        h.raw("<ol class=\"timeline\">");
        for (OfficialTimeline.Position t : v.positions()) {
            String when = t.first() == null ? "—" : t.first().equals(t.last()) ? VnDate.format(t.first())
                    : VnDate.format(t.first()) + " – " + VnDate.format(t.last());
            h.raw("<li><span class=\"when\"").raw(t.first() == null ? " title=\"các bài ghi chức danh này không có ngày đăng\"" : "")
                    .raw(">").text(when).raw("</span><span class=\"what\">").text(t.title()).raw("</span>")
                    .el("span", "count", t.articles() + " bài").raw("</li>");
        }
        h.raw("</ol></section><section id=\"official-articles\"><h2>Các bài nhắc đến (mới nhất trước)</h2><div class=\"summary\">"
                + "<strong class=\"total\">").text(Paging.summary(arts, "bài")).raw("</strong>");
        csvLinks(h, "/export/official-articles.csv?key=" + Html.url(key), p);
        h.raw("</div><ol class=\"results\" start=\"").text(String.valueOf(arts.offset() + 1)).raw("\">");
        for (StoreReader.OfficialArticle a : o.articles()) {
            h.raw("<li>").link("/articles/" + Html.url(a.articleId()), title(a.title(), null, a.articleId()), "title", null)
                    .el("div", "meta", meta(a.published(), a.site()));
            if (!a.titles().isEmpty()) {
                h.el("div", "titles", String.join("; ", a.titles()));
            }
            h.raw("</li>");
        }
        h.raw("</ol>");
        Paging.render(h, "/officials/" + Html.url(key), p, arts);
        h.raw("</section>");
        return layout.page(name, "", h.toString());
    }

    // ---------------------------------------------------------------- article

    private static final List<String> PRIORITY = List.of("search", "document", "official", "date", "count", "period",
            "organization", "location");

    private String articlePage(String id, Params p) throws HttpError {
        StoreReader.ArticleView a = reader.article(id).orElseThrow(() -> new HttpError(404, "Không có bài " + id + "."));
        String focus = p.get("doc");
        String searched = p.q();
        List<StoreReader.EntitySpan> spans = new ArrayList<>();
        if (!searched.isEmpty()) {
            for (int[] m : StoreReader.matches(a.text(), searched)) {
                spans.add(new StoreReader.EntitySpan("search", m[0], m[1], searched, null));
            }
        }
        spans.addAll(a.entities());
        // overlapping mentions: the searched words first, then the more specific kind; the other is not marked
        spans.sort(Comparator.comparingInt((StoreReader.EntitySpan s) -> PRIORITY.indexOf(s.kind()))
                .thenComparingInt(StoreReader.EntitySpan::start));
        List<StoreReader.EntitySpan> kept = new ArrayList<>();
        for (StoreReader.EntitySpan s : spans) {
            boolean free = true;
            for (StoreReader.EntitySpan k : kept) {
                if (s.start() < k.end() && k.start() < s.end()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(StoreReader.EntitySpan::start));
        String text = a.text();
        int[][] marks = new int[kept.size()][];
        String[] cls = new String[kept.size()];
        String[] ids = new String[kept.size()];
        String[] hrefs = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            StoreReader.EntitySpan s = kept.get(i);
            marks[i] = new int[] {s.start(), s.end()};
            boolean hl = focus != null && s.kind().equals("document") && focus.equals(s.ref());
            cls[i] = s.kind().equals("search") ? "search hl" : "e-" + s.kind() + (hl ? " hl" : "");
            ids[i] = s.kind().equals("document") ? "m-" + text.codePointCount(0, Math.min(s.start(), text.length())) : null;
            hrefs[i] = entityHref(s, text);
        }
        Html h = new Html().raw("<article class=\"article\"><h1>").text(title(a.title(), text, a.id())).raw("</h1>");
        h.raw("<p class=\"byline\">");
        String when = VnDate.withTime(a.published());
        h.el("span", when == null ? "date unknown" : "date", when == null ? "Không rõ ngày đăng" : when);
        h.el("span", a.site() == null ? "site unknown" : "site", a.site() == null ? "Không rõ nguồn" : a.site());
        if (a.authors() != null && !a.authors().isEmpty()) {
            h.el("span", "authors", String.join(", ", a.authors()));
        }
        h.raw("</p>");
        if (a.uri() != null && (a.uri().startsWith("http://") || a.uri().startsWith("https://"))) {
            h.raw("<p class=\"source\">Nguồn: ").link(a.uri(), a.uri()).raw("</p>");
        }
        h.raw("<div class=\"article-body\"><aside class=\"article-side\">");
        inThisArticle(h, a);
        h.raw("<p class=\"legend\">Chú giải: <mark class=\"e-document\">văn bản</mark><mark class=\"e-official\">cán bộ</mark>"
                + "<mark class=\"e-date\">ngày</mark><mark class=\"e-count\">số liệu</mark><mark class=\"e-period\">giai đoạn</mark>"
                + "<mark class=\"e-organization\">tổ chức</mark><mark class=\"e-location\">địa danh</mark>"
                + " · bấm vào một mục để xem trang của nó</p></aside>");
        h.raw("<div class=\"article-text\">").markedLinks(text, marks, cls, ids, hrefs).raw("</div></div></article>");
        return layout.page(title(a.title(), text, a.id()), "", h.toString());
    }

    /** The page an entity mention leads to: its document or official, its province, or the articles mentioning it. */
    private static String entityHref(StoreReader.EntitySpan s, String text) {
        String written = text.substring(Math.max(0, Math.min(s.start(), text.length())), Math.max(0, Math.min(s.end(), text.length())));
        return switch (s.kind()) {
            case "document" -> "/documents/" + Html.url(s.label());
            case "official" -> s.ref() == null ? null : "/officials/" + Html.url(s.ref());
            case "location" -> placeHref(s.label());
            case "search" -> null;
            case "organization" -> "/search?q=" + Html.url("\"" + s.label() + "\"");
            default -> "/search?q=" + Html.url("\"" + written + "\"");
        };
    }

    /**
     * A document's citations over time: articles citing it per month (per year when they span more
     * than two years), oldest first, as bars; the citing articles without a date last, as "—".
     */
    void citationTimeline(Html h, String docKey) {
        citationTimeline(h, docKey, "");
    }

    /** The timeline section, with {@code svg} (the server-drawn month chart, or "") under its heading. */
    void citationTimeline(Html h, String docKey, String svg) {
        Stats.Table t = new Stats(reader).compute(Stats.By.MONTH, ArticleFilter.NONE, docKey, null);
        Map<String, Long> byPeriod = new LinkedHashMap<>();
        long undated = 0;
        List<Stats.Row> dated = t.rows().stream().filter(r -> r.key() != null && r.key().length() == 7).toList();
        boolean years = dated.size() > 1
                && Integer.parseInt(dated.get(dated.size() - 1).key().substring(0, 4)) - Integer.parseInt(dated.get(0).key().substring(0, 4)) > 2;
        for (Stats.Row r : t.rows()) {
            if (r.key() == null || r.key().length() != 7) {
                undated += r.articles();
            } else {
                String label = years ? r.key().substring(0, 4)
                        : Integer.parseInt(r.key().substring(5)) + "/" + r.key().substring(0, 4);
                byPeriod.merge(label, r.articles(), Long::sum);
            }
        }
        if (undated > 0) {
            byPeriod.put("—", undated);
        }
        long max = byPeriod.values().stream().mapToLong(Long::longValue).max().orElse(1);
        h.raw("<section id=\"timeline\"><h2>Trích dẫn theo thời gian").text(years ? " (theo năm)" : " (theo tháng)").raw("</h2>");
        h.raw(svg);
        h.raw("<ol class=\"bars\">");
        for (Map.Entry<String, Long> e : byPeriod.entrySet()) {
            // a progress element, not a styled span: the Content-Security-Policy allows no inline style
            h.raw("<li><span class=\"when\">").text(e.getKey()).raw("</span><progress class=\"bar\" max=\"").text(String.valueOf(max))
                    .raw("\" value=\"").text(String.valueOf(e.getValue())).raw("\">").text(e.getValue() + "/" + max).raw("</progress>")
                    .el("span", "count", e.getValue() + " bài").raw("</li>");
        }
        h.raw("</ol>");
        if (undated > 0) {
            h.el("p", "hint", "—: bài không có ngày đăng.");
        }
        h.raw("</section>");
    }

    /**
     * A place's link: the articles that name it, newest first (a commune or a district is no article's
     * place, so the province filter would find nothing for it).
     */
    static String placeHref(String name) {
        return "/search?q=" + Html.url("\"" + name + "\"") + "&sort=newest";
    }

    /** The article's documents, officials and places as lists of links, beside the text (above it on a phone). */
    private static void inThisArticle(Html h, StoreReader.ArticleView a) {
        Map<String, String> docs = new LinkedHashMap<>();
        Map<String, String> officials = new LinkedHashMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        for (StoreReader.EntitySpan s : a.entities()) {
            switch (s.kind()) {
                case "document" -> docs.putIfAbsent(s.label(), "/documents/" + Html.url(s.label()));
                case "official" -> {
                    if (s.ref() != null) {
                        officials.putIfAbsent(s.label(), "/officials/" + Html.url(s.ref()));
                    }
                }
                case "location" -> places.putIfAbsent(s.label(), placeHref(s.label()));
                default -> { }
            }
        }
        if (docs.isEmpty() && officials.isEmpty() && places.isEmpty()) {
            return;
        }
        h.raw("<dl class=\"in-article\">");
        for (Object[] group : new Object[][] {{"Văn bản", docs, "doc-id"}, {"Cán bộ", officials, null}, {"Địa danh", places, null}}) {
            @SuppressWarnings("unchecked")
            Map<String, String> m = (Map<String, String>) group[1];
            if (m.isEmpty()) {
                continue;
            }
            h.el("dt", null, (String) group[0]).raw("<dd>");
            boolean first = true;
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (!first) {
                    h.raw(" · ");
                }
                h.link(e.getValue(), e.getKey(), (String) group[2], null);
                first = false;
            }
            h.raw("</dd>");
        }
        h.raw("</dl>");
    }

    // ---------------------------------------------------------------- CSV downloads

    /** Rows of a list, page after page, up to {@link #CSV_MAX_ROWS}. */
    private interface Pager<T> {
        Page<T> page(int n) throws HttpError;
    }

    private static <T> List<T> all(Pager<T> pager) throws HttpError {
        List<T> out = new ArrayList<>();
        for (int n = 1; out.size() < CSV_MAX_ROWS; n++) {
            Page<T> p = pager.page(n);
            out.addAll(p.items());
            if (!p.hasNext() || p.items().isEmpty()) {
                break;
            }
        }
        return out.size() > CSV_MAX_ROWS ? out.subList(0, CSV_MAX_ROWS) : out;
    }

    private String searchCsv(Params p) throws HttpError {
        String q = p.q();
        ArticleFilter f = p.filter();
        ArticleSearch.Sort sort = p.sort();
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("article_id", "date", "published", "site", "title", "snippet", "page");
        for (StoreReader.SearchHit s : all(n -> search.find(new ArticleSearch.Query(q, f, sort, n, StoreReader.MAX_PAGE)))) {
            csv.row(s.articleId(), VnDate.format(s.published()), s.published(), s.site(), title(s.title(), s.snippet(), s.articleId()),
                    s.snippet(), "/articles/" + Html.url(s.articleId()));
        }
        return w.toString();
    }

    private String documentsCsv(Params p) throws HttpError {
        ArticleFilter f = p.filter();
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("document", "type", "type_name", "number", "issuer", "issued", "subject", "articles", "doc_key");
        for (StoreReader.DocumentInfo d : all(n -> browse.documents(f, n, StoreReader.MAX_PAGE))) {
            csv.row(d.id(), d.type(), d.typeName(), d.number(), d.issuer() != null ? d.issuer() : d.issuerCode(), d.date(),
                    d.subject(), d.articleCount(), d.key());
        }
        return w.toString();
    }

    private String officialsCsv(Params p) throws HttpError {
        ArticleFilter f = p.filter();
        String q = p.q();
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("name", "articles", "official_key");
        for (StoreReader.OfficialInfo o : all(n -> browse.officials(q, f, n, StoreReader.MAX_PAGE))) {
            csv.row(o.name(), o.articleCount(), o.key());
        }
        return w.toString();
    }

    private String provincesCsv(Params p) throws HttpError {
        ArticleFilter f = p.filter();
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("province", "code", "articles");
        for (Browse.ProvinceCount pc : all(n -> browse.provinces(f, p.after(), n, StoreReader.MAX_PAGE))) {
            csv.row(pc.name(), pc.code(), pc.articles());
        }
        return w.toString();
    }

    private String citationsCsv(Params p) throws HttpError {
        String id = p.text("doc");
        StoreReader.DocumentLookup l = reader.lookupDocument(id);
        if (l.matches().size() != 1) {
            throw new HttpError(404, l.matches().isEmpty() ? "no document " + id : id + " names " + l.matches().size() + " documents");
        }
        String key = l.matches().get(0).key();
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("document", "article_id", "date", "published", "site", "title", "written", "sentence");
        for (StoreReader.Citation c : all(n -> browse.citations(key, n, StoreReader.MAX_PAGE))) {
            for (StoreReader.MentionSentence m : c.mentions()) {
                csv.row(l.matches().get(0).id(), c.articleId(), VnDate.format(c.published()), c.published(), c.site(),
                        title(c.title(), null, c.articleId()), m.text(), m.sentence());
            }
        }
        return w.toString();
    }

    private String officialArticlesCsv(Params p) throws HttpError {
        String key = p.text("key");
        if (timeline.of(key).isEmpty()) {
            throw new HttpError(404, "no official " + key);
        }
        long total = browse.officialArticles(key);
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, p.excel());
        csv.row("article_id", "date", "published", "site", "title", "titles");
        for (StoreReader.OfficialArticle a : all(n -> new Page<>(total, n, StoreReader.MAX_PAGE,
                reader.official(key, StoreReader.MAX_PAGE, (n - 1) * StoreReader.MAX_PAGE).orElseThrow().articles()))) {
            csv.row(a.articleId(), VnDate.format(a.published()), a.published(), a.site(), title(a.title(), null, a.articleId()),
                    String.join("; ", a.titles()));
        }
        return w.toString();
    }
}
