package org.vnextract.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.vnextract.internal.Validate;
import org.vnextract.record.RecordJson;
import org.vnextract.store.StoreReader;

/**
 * The web page and JSON API of {@code vnextract serve}, on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): no dependency to add, a fixed pool of worker threads, and
 * nothing here needs more than GET. Pages are rendered on the server (no script at all, and a
 * Content-Security-Policy that forbids any), every value is escaped ({@link Html}), the store is
 * read through read-only connections with parameterised SQL, lists are capped at
 * {@link StoreReader#MAX_PAGE} rows, and queries at {@link #MAX_QUERY} characters.
 *
 * <p>Routes: {@code /} and {@code /search?q=} (documents, officials and text at once),
 * {@code /documents/{id}}, {@code /officials?q=}, {@code /officials/{key}}, {@code /articles/{id}};
 * JSON under {@code /api/}: {@code documents/{id}}, {@code officials?q=}, {@code officials/{key}},
 * {@code search?q=}, {@code articles/{id}} (the stored record).
 *
 * <p>Thread-safe: requests run concurrently on the pool; the reader is thread-safe.
 */
public final class WebServer implements AutoCloseable {
    public static final int MAX_QUERY = 200;
    public static final int DEFAULT_PAGE = 20;

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    private final StoreReader reader;
    private final HttpServer server;
    private final ExecutorService pool;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper recordJson = new RecordJson().mapper();
    private final String layout = Html.resource("layout.html");
    private final byte[] css = Html.resource("static/style.css").getBytes(StandardCharsets.UTF_8);

    private WebServer(StoreReader reader, HttpServer server, ExecutorService pool) {
        this.reader = reader;
        this.server = server;
        this.pool = pool;
    }

    /** Starts serving on the address (port 0: any free port) with {@code threads} worker threads. */
    public static WebServer start(StoreReader reader, InetSocketAddress address, int threads) throws IOException {
        Validate.notNull(reader, "reader");
        Validate.notNull(address, "address");
        Validate.positive(threads, "threads");
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and every response waits ~40 ms. The server reads this once, when its first
        // instance is made, so it is set before that (and left alone if the user set it).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer s = HttpServer.create(address, 1024);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vnextract-web-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        WebServer w = new WebServer(reader, s, pool);
        s.createContext("/", w::handle);
        s.setExecutor(pool);
        s.start();
        return w;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Response(int status, String type, byte[] body) {
        static Response html(int status, String page) {
            return new Response(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request the server refuses with a status and a message for the user. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void handle(HttpExchange ex) {
        Response r;
        String path = ex.getRequestURI().getRawPath();
        boolean api = path.startsWith("/api/");
        try {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                throw new Refused(405, "only GET and HEAD are served");
            }
            r = route(path, params(ex.getRequestURI().getRawQuery()));
        } catch (Refused e) {
            r = api ? jsonError(e.status, e.getMessage()) : Response.html(e.status, page("Lỗi " + e.status, "",
                    new Html().el("p", "notice", e.getMessage()).toString()));
        } catch (RuntimeException e) {
            System.err.println("vnextract serve: " + path + ": " + e);
            r = api ? jsonError(500, "internal error") : Response.html(500, page("Lỗi", "",
                    new Html().el("p", "notice", "Lỗi máy chủ (internal error).").toString()));
        }
        try {
            var h = ex.getResponseHeaders();
            h.set("Content-Type", r.type());
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Content-Security-Policy", CSP);
            h.set("Cache-Control", "no-store");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            ex.close();
        }
    }

    private Response route(String path, Map<String, String> q) throws Refused {
        if (path.equals("/")) {
            return Response.html(200, page("Tìm kiếm", "", home()));
        }
        if (path.equals("/static/style.css")) {
            return new Response(200, "text/css; charset=utf-8", css);
        }
        if (path.equals("/search")) {
            return Response.html(200, searchPage(query(q)));
        }
        if (path.startsWith("/documents/")) {
            return Response.html(200, documentPage(segment(path, "/documents/"), q));
        }
        if (path.equals("/officials")) {
            return Response.html(200, officialsPage(query(q)));
        }
        if (path.startsWith("/officials/")) {
            return Response.html(200, officialPage(segment(path, "/officials/"), q));
        }
        if (path.startsWith("/articles/")) {
            return Response.html(200, articlePage(segment(path, "/articles/"), q));
        }
        if (path.startsWith("/api/documents/")) {
            return apiDocument(segment(path, "/api/documents/"), q);
        }
        if (path.equals("/api/officials")) {
            return jsonOk(Map.of("query", query(q), "officials", reader.searchOfficials(query(q), limit(q))));
        }
        if (path.startsWith("/api/officials/")) {
            String key = segment(path, "/api/officials/");
            var found = reader.official(key, limit(q), offset(q));
            if (found.isEmpty()) {
                // a typed name: the one person of that name, or the namesakes (each with the place that tells them apart)
                StoreReader.OfficialLookup l = reader.lookupOfficial(key, 50);
                if (l.exact() && l.matches().size() == 1) {
                    found = reader.official(l.matches().get(0).key(), limit(q), offset(q));
                } else if (l.exact() && !l.matches().isEmpty()) {
                    return jsonOk(Map.of("query", key, "ambiguous", true, "matches", l.matches()));
                }
            }
            return jsonOk(found.orElseThrow(() -> new Refused(404, "no official " + key)));
        }
        if (path.equals("/api/search")) {
            String query = query(q);
            return jsonOk(Map.of("query", query, "limit", limit(q), "offset", offset(q),
                    "hits", reader.search(query, limit(q), offset(q))));
        }
        if (path.startsWith("/api/articles/")) {
            String id = segment(path, "/api/articles/");
            var rec = reader.record(id).orElseThrow(() -> new Refused(404, "no article " + id));
            try {
                return new Response(200, "application/json; charset=utf-8", recordJson.writeValueAsBytes(rec));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (path.equals("/health")) {
            return new Response(200, "text/plain; charset=utf-8", "ok\n".getBytes(StandardCharsets.UTF_8));
        }
        throw new Refused(404, "no such page: " + path);
    }

    // ---------------------------------------------------------------- request parsing

    private static Map<String, String> params(String raw) throws Refused {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > 4 * MAX_QUERY * 3) {
            throw new Refused(414, "query string too long");
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            String k = decode(eq < 0 ? kv : kv.substring(0, eq), true);
            String v = eq < 0 ? "" : decode(kv.substring(eq + 1), true);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String decode(String s, boolean form) throws Refused {
        try {
            return URLDecoder.decode(form ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "malformed percent-encoding");
        }
    }

    /** The rest of the path after a prefix, decoded (it may hold slashes: /documents/21-KL/TW). */
    private static String segment(String path, String prefix) throws Refused {
        String s = decode(path.substring(prefix.length()), false);
        if (s.isBlank()) {
            throw new Refused(404, "missing id");
        }
        if (s.length() > MAX_QUERY) {
            throw new Refused(414, "id too long");
        }
        return s;
    }

    private static String query(Map<String, String> q) throws Refused {
        String s = q.getOrDefault("q", "").strip();
        if (s.length() > MAX_QUERY) {
            throw new Refused(400, "query longer than " + MAX_QUERY + " characters");
        }
        return s;
    }

    private static int intParam(Map<String, String> q, String name, int dflt) throws Refused {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Refused(400, name + " must be a number");
        }
    }

    private static int limit(Map<String, String> q) throws Refused {
        return Math.max(1, Math.min(intParam(q, "limit", DEFAULT_PAGE), StoreReader.MAX_PAGE));
    }

    private static int offset(Map<String, String> q) throws Refused {
        int page = Math.max(1, Math.min(intParam(q, "page", 1), 10_000));
        return (page - 1) * limit(q);
    }

    // ---------------------------------------------------------------- JSON

    private Response jsonOk(Object o) {
        try {
            return new Response(200, "application/json; charset=utf-8", json.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response jsonError(int status, String message) {
        try {
            return new Response(status, "application/json; charset=utf-8",
                    json.writeValueAsBytes(Map.of("error", message, "status", status)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response apiDocument(String id, Map<String, String> q) throws Refused {
        StoreReader.DocumentLookup l = reader.lookupDocument(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", id);
        out.put("ambiguous", l.ambiguous());
        out.put("matches", l.matches());
        if (l.matches().isEmpty()) {
            throw new Refused(404, "no document " + id);
        }
        if (l.matches().size() == 1) {
            out.put("document", l.matches().get(0));
            out.put("limit", limit(q));
            out.put("offset", offset(q));
            out.put("citations", reader.citations(l.matches().get(0).key(), limit(q), offset(q)));
            out.put("cascade", reader.cascade(l.matches().get(0).key()).orElse(null));
        }
        return jsonOk(out);
    }

    // ---------------------------------------------------------------- pages

    private String page(String title, String query, String body) {
        return layout.replace("{{title}}", Html.escape(title)).replace("{{q}}", Html.escape(query)).replace("{{body}}", body);
    }

    private static String home() {
        return new Html().raw("<h1>Tìm văn bản, cán bộ và nội dung</h1>")
                .raw("<p>Gõ số hiệu văn bản (<code>21-KL/TW</code>, <code>21 KL TW</code>, <code>kết luận 21</code>),"
                        + " tên cán bộ (<code>Châu Ngọc Tuấn</code>) hoặc một cụm từ (<code>chỉnh đốn Đảng</code>).</p>")
                .toString();
    }

    private String searchPage(String query) {
        Html h = new Html();
        if (query.isEmpty()) {
            return page("Tìm kiếm", "", home());
        }
        h.raw("<h1>Kết quả cho “").text(query).raw("”</h1>");
        StoreReader.DocumentLookup docs = reader.lookupDocument(query);
        if (!docs.matches().isEmpty()) {
            h.raw("<section id=\"documents\"><h2>Văn bản</h2>");
            if (docs.ambiguous()) {
                h.el("p", "notice", "Số hiệu rút gọn này ứng với " + docs.matches().size()
                        + " văn bản; chọn một (this short form is ambiguous).");
            }
            h.raw("<ul class=\"results\">");
            for (StoreReader.DocumentInfo d : docs.matches()) {
                h.raw("<li class=\"candidate\">").link(documentHref(d), d.id()).raw(" ");
                h.el("span", "scope", scope(d)).raw(" ");
                h.el("span", "meta", describe(d) + " · " + d.articleCount() + " bài");
                h.raw("</li>");
            }
            h.raw("</ul></section>");
        }
        if (docs.parts().number() == null) {
            List<StoreReader.OfficialInfo> off = reader.searchOfficials(query, 10);
            if (!off.isEmpty()) {
                h.raw("<section id=\"officials\"><h2>Cán bộ</h2><ul class=\"results\">");
                for (StoreReader.OfficialInfo o : off) {
                    h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name() + (o.place() == null ? "" : " · " + o.place()))
                            .raw(" ")
                            .el("span", "meta", o.articleCount() + " bài").raw("</li>");
                }
                h.raw("</ul></section>");
            }
        }
        List<StoreReader.SearchHit> hits = reader.search(query, DEFAULT_PAGE, 0);
        h.raw("<section id=\"articles\"><h2>Bài viết</h2>");
        if (hits.isEmpty()) {
            h.el("p", null, "Không tìm thấy bài nào chứa cụm từ này.");
        }
        h.raw("<ol class=\"results\">");
        for (StoreReader.SearchHit s : hits) {
            h.raw("<li>").link("/articles/" + Html.url(s.articleId()) + "?q=" + Html.url(query), title(s.title(), s.articleId()));
            h.raw(" ").el("span", "meta", meta(s.published(), s.site())).raw("<br>");
            int[][] marks = s.highlights().toArray(new int[0][]);
            String[] cls = new String[marks.length];
            java.util.Arrays.fill(cls, "hl");
            h.raw("<span class=\"snippet\">").marked(s.snippet(), marks, cls, null).raw("</span></li>");
        }
        h.raw("</ol></section>");
        return page(query, query, h.toString());
    }

    private static String describe(StoreReader.DocumentInfo d) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {d.typeName(), d.issuer(), d.date() == null ? null : "ngày " + d.date(), d.subject()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        return String.join(" · ", parts);
    }

    /** The page of a document: its readable label ("02-NQ/TU@Gia Lai"), which names it alone. */
    static String documentHref(StoreReader.DocumentInfo d) {
        return "/documents/" + Html.url(d.label()).replace("%2F", "/");
    }

    private static final Map<String, String> LEVEL_NAMES = Map.of("central", "Trung ương", "province", "Cấp tỉnh",
            "district", "Cấp huyện", "commune", "Cấp xã", "unknown", "Chưa rõ cấp");

    /** The scope that tells a document from others with its symbol: level and place. */
    static String scope(StoreReader.DocumentInfo d) {
        String level = LEVEL_NAMES.getOrDefault(d.level() == null ? "unknown" : d.level(), d.level());
        if ("central".equals(d.level())) {
            return level;
        }
        return level + " · " + (d.place() == null ? "địa bàn chưa rõ" : d.place());
    }

    private static String title(String t, String id) {
        return t == null || t.isBlank() ? "(bài " + id + ")" : t;
    }

    private static String meta(String published, String site) {
        List<String> p = new ArrayList<>();
        if (published != null) {
            p.add(published);
        }
        if (site != null) {
            p.add(site);
        }
        return String.join(" · ", p);
    }

    private String documentPage(String id, Map<String, String> q) throws Refused {
        StoreReader.DocumentLookup l = reader.lookupDocument(id);
        if (l.matches().isEmpty()) {
            throw new Refused(404, "Không có văn bản " + id + " trong cơ sở dữ liệu.");
        }
        if (l.ambiguous()) {
            return searchPage(id);
        }
        StoreReader.DocumentInfo d = l.matches().get(0);
        Html h = new Html();
        h.raw("<h1 class=\"document-id\">").text(d.id()).raw("</h1><dl class=\"facts\">");
        fact(h, "Loại", d.typeName() != null ? d.typeName() + " (" + d.type() + ")" : d.type());
        fact(h, "Số", d.number());
        fact(h, "Cơ quan ban hành", d.issuer() != null ? d.issuer() : d.issuerCode());
        fact(h, "Cấp ban hành", LEVEL_NAMES.getOrDefault(d.level() == null ? "unknown" : d.level(), d.level()));
        fact(h, "Địa bàn", "central".equals(d.level()) ? null : d.place() == null ? "chưa rõ" : d.place());
        fact(h, "Ngày ban hành", d.date());
        fact(h, "Trích yếu", d.subject());
        fact(h, "Số bài trích dẫn", String.valueOf(d.articleCount()));
        h.raw("</dl>");
        reader.cascade(d.key()).ifPresent(c -> cascade(h, c));
        h.raw("<h2>Các bài trích dẫn (mới nhất trước)</h2><ol class=\"results citations\">");
        int limit = limit(q);
        int offset = offset(q);
        List<StoreReader.Citation> cites = reader.citations(d.key(), limit, offset);
        for (StoreReader.Citation c : cites) {
            int first = c.mentions().isEmpty() ? -1 : c.mentions().get(0).offset();
            String href = "/articles/" + Html.url(c.articleId()) + "?doc=" + Html.url(d.key()) + (first >= 0 ? "#m-" + first : "");
            h.raw("<li class=\"citation\">").link(href, title(c.title(), c.articleId()));
            h.raw(" ").el("span", "meta", meta(c.published(), c.site()));
            for (StoreReader.MentionSentence m : c.mentions()) {
                h.raw("<blockquote>").marked(m.sentence(), new int[][] {{m.start(), m.end()}}, new String[] {"hl"}, null)
                        .raw("</blockquote>");
            }
            h.raw("</li>");
        }
        h.raw("</ol>");
        pager(h, documentHref(d), "", offset, limit, cites.size());
        return page(d.id(), d.id(), h.toString());
    }

    /** The cascade sections of a document page. */
    private static void cascade(Html h, StoreReader.Cascade c) {
        if (!c.implementsDocuments().isEmpty()) {
            h.raw("<section id=\"implements\"><h2>Văn bản này thực hiện</h2><ul class=\"results\">");
            for (StoreReader.DocumentInfo d : c.implementsDocuments()) {
                docItem(h, d);
                h.raw("</li>");
            }
            h.raw("</ul></section>");
        }
        h.raw("<section id=\"cascade\"><h2>Các văn bản triển khai thực hiện</h2>");
        if (c.implementers().isEmpty()) {
            h.el("p", "meta", "Chưa có bài nào nêu văn bản triển khai thực hiện văn bản này.");
        } else {
            List<String> levels = new ArrayList<>();
            for (Map.Entry<String, Integer> e : c.implementersByLevel().entrySet()) {
                levels.add(LEVEL_NAMES.getOrDefault(e.getKey(), e.getKey()) + ": " + e.getValue());
            }
            h.el("p", "levels", String.join(" · ", levels));
            tree(h, c.implementers());
        }
        h.raw("</section>");
        if (!c.amendedBy().isEmpty() || !c.amends().isEmpty()) {
            h.raw("<section id=\"amendments\"><h2>Sửa đổi, bổ sung, thay thế</h2>");
            if (!c.amendedBy().isEmpty()) {
                h.el("h3", null, "Được sửa đổi, bổ sung hoặc thay thế bởi").raw("<ul class=\"results amended-by\">");
                for (StoreReader.DocumentInfo d : c.amendedBy()) {
                    docItem(h, d);
                    h.raw("</li>");
                }
                h.raw("</ul>");
            }
            if (!c.amends().isEmpty()) {
                h.el("h3", null, "Sửa đổi, bổ sung hoặc thay thế").raw("<ul class=\"results amends\">");
                for (StoreReader.DocumentInfo d : c.amends()) {
                    docItem(h, d);
                    h.raw("</li>");
                }
                h.raw("</ul>");
            }
            h.raw("</section>");
        }
        h.raw("<section id=\"timeline\"><h2>Số bài trích dẫn theo tháng</h2>");
        if (c.timeline().isEmpty()) {
            h.el("p", "meta", "Không bài trích dẫn nào có ngày đăng.");
        } else {
            h.raw(TimelineSvg.render(c.timeline()));
        }
        if (c.undated() > 0) {
            h.el("p", "meta", c.undated() + " bài không có ngày đăng.");
        }
        h.raw("</section>");
    }

    private static void tree(Html h, List<StoreReader.CascadeNode> nodes) {
        h.raw("<ul class=\"tree\">");
        for (StoreReader.CascadeNode n : nodes) {
            docItem(h, n.document());
            if (!n.implementers().isEmpty()) {
                tree(h, n.implementers());
            }
            h.raw("</li>");
        }
        h.raw("</ul>");
    }

    /** An open {@code <li>} naming a document with its level, issuer, place and date (the caller closes it). */
    private static void docItem(Html h, StoreReader.DocumentInfo d) {
        String level = d.level() == null ? "unknown" : d.level();
        h.raw("<li class=\"node level-").text(level).raw("\" data-level=\"").text(level).raw("\">");
        h.link(documentHref(d), d.id()).raw(" ");
        List<String> parts = new ArrayList<>();
        parts.add(LEVEL_NAMES.getOrDefault(level, level));
        for (String s : new String[] {d.issuer() != null ? d.issuer() : d.issuerCode(),
                "central".equals(d.level()) ? null : d.place(), d.date() == null ? null : "ngày " + d.date()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        h.el("span", "meta", String.join(" · ", parts));
    }

    private static void pager(Html h, String base, String extra, int offset, int limit, int got) {
        int page = offset / limit + 1;
        if (page == 1 && got < limit) {
            return;
        }
        h.raw("<nav class=\"pages\">");
        if (page > 1) {
            h.link(base + "?page=" + (page - 1) + "&limit=" + limit + extra, "← trước");
        }
        if (got == limit) {
            h.link(base + "?page=" + (page + 1) + "&limit=" + limit + extra, "sau →");
        }
        h.raw("</nav>");
    }

    private static void fact(Html h, String label, String value) {
        if (value != null && !value.isBlank()) {
            h.el("dt", null, label).el("dd", null, value);
        }
    }

    private String officialsPage(String query) {
        Html h = new Html().raw("<h1>Cán bộ</h1><ul class=\"results\">");
        for (StoreReader.OfficialInfo o : query.isEmpty() ? List.<StoreReader.OfficialInfo>of() : reader.searchOfficials(query, 50)) {
            h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name() + (o.place() == null ? "" : " · " + o.place())).raw(" ")
                    .el("span", "meta", o.articleCount() + " bài").raw("</li>");
        }
        h.raw("</ul>");
        return page("Cán bộ", query, h.toString());
    }

    private String officialPage(String key, Map<String, String> q) throws Refused {
        int limit = limit(q);
        int offset = offset(q);
        Optional<StoreReader.OfficialView> v = reader.official(key, limit, offset);
        if (v.isEmpty()) {
            // a name as people type it ("/officials/nguyễn quang dương"): one person, or the namesakes to choose from
            StoreReader.OfficialLookup l = reader.lookupOfficial(key, 50);
            if (l.exact() && l.matches().size() == 1) {
                v = reader.official(l.matches().get(0).key(), limit, offset);
            } else if (l.exact() && l.matches().size() > 1) {
                Html h = new Html().raw("<h1>").text(key).raw("</h1>");
                h.el("p", "notice", "Có " + l.matches().size() + " người mang tên này; chọn một (several people have this name).");
                h.raw("<ul class=\"results namesakes\">");
                for (StoreReader.OfficialInfo o : l.matches()) {
                    h.raw("<li>").link("/officials/" + Html.url(o.key()), o.name() + (o.place() == null ? "" : " · " + o.place()))
                            .raw(" ").el("span", "meta", o.articleCount() + " bài").raw("</li>");
                }
                h.raw("</ul>");
                return page(key, key, h.toString());
            }
        }
        if (v.isEmpty()) {
            throw new Refused(404, "Không có cán bộ này trong cơ sở dữ liệu.");
        }
        StoreReader.OfficialView o = v.get();
        Html h = new Html().raw("<h1>").text(o.official().name()).raw("</h1>");
        if (o.official().place() != null) {
            h.el("p", "meta", o.official().place());
        }
        h.raw("<h2>Chức danh theo thời gian</h2><ul class=\"titles\">");
        for (StoreReader.TitleSpan t : o.titles()) {
            String when = t.first() == null ? "" : t.first().equals(t.last()) ? t.first() : t.first() + " – " + t.last();
            h.raw("<li>").text(t.title()).raw(" ").el("span", "meta", when + " · " + t.articles() + " bài").raw("</li>");
        }
        h.raw("</ul><h2>Các bài nhắc đến</h2><ol class=\"results\">");
        for (StoreReader.OfficialArticle a : o.articles()) {
            h.raw("<li>").link("/articles/" + Html.url(a.articleId()), title(a.title(), a.articleId())).raw(" ")
                    .el("span", "meta", meta(a.published(), a.site()));
            if (!a.titles().isEmpty()) {
                h.raw("<br>").el("span", "meta", String.join("; ", a.titles()));
            }
            h.raw("</li>");
        }
        h.raw("</ol>");
        pager(h, "/officials/" + Html.url(o.official().key()), "", offset, limit, o.articles().size());
        return page(o.official().name(), o.official().name(), h.toString());
    }

    private static final List<String> PRIORITY = List.of("search", "document", "official", "date", "count", "period",
            "organization", "location");

    private String articlePage(String id, Map<String, String> q) throws Refused {
        StoreReader.ArticleView a = reader.article(id).orElseThrow(() -> new Refused(404, "Không có bài " + id + "."));
        String focus = q.get("doc");
        String searched = query(q);
        // overlapping mentions: the searched words first, then the more specific kind; the other is not marked
        List<StoreReader.EntitySpan> spans = new ArrayList<>();
        if (!searched.isEmpty()) {
            for (int[] m : StoreReader.matches(a.text(), searched)) {
                spans.add(new StoreReader.EntitySpan("search", m[0], m[1], searched, null));
            }
        }
        spans.addAll(a.entities());
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
        int[][] marks = new int[kept.size()][];
        String[] cls = new String[kept.size()];
        String[] ids = new String[kept.size()];
        String text = a.text();
        for (int i = 0; i < kept.size(); i++) {
            StoreReader.EntitySpan s = kept.get(i);
            marks[i] = new int[] {s.start(), s.end()};
            boolean hl = focus != null && s.kind().equals("document") && focus.equals(s.ref());
            cls[i] = s.kind().equals("search") ? "search hl" : "e-" + s.kind() + (hl ? " hl" : "");
            ids[i] = s.kind().equals("document") ? "m-" + text.codePointCount(0, Math.min(s.start(), text.length())) : null;
        }
        Html h = new Html().raw("<article><h1>").text(title(a.title(), a.id())).raw("</h1>");
        h.el("p", "meta", meta(a.published(), a.site()) + (a.authors() == null || a.authors().isEmpty() ? ""
                : " · " + String.join(", ", a.authors())));
        if (a.uri() != null && (a.uri().startsWith("http://") || a.uri().startsWith("https://"))) {
            h.raw("<p class=\"meta\">Nguồn: ").link(a.uri(), a.uri()).raw("</p>");
        }
        h.raw("<p class=\"legend\"><mark class=\"e-document\">văn bản</mark><mark class=\"e-official\">cán bộ</mark>"
                + "<mark class=\"e-date\">ngày</mark><mark class=\"e-count\">số liệu</mark><mark class=\"e-period\">giai đoạn</mark>"
                + "<mark class=\"e-organization\">tổ chức</mark><mark class=\"e-location\">địa danh</mark></p>");
        h.raw("<div class=\"article-text\">").marked(text, marks, cls, ids).raw("</div></article>");
        return page(title(a.title(), a.id()), "", h.toString());
    }
}
