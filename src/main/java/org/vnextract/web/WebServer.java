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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vnextract.internal.Validate;
import org.vnextract.record.RecordJson;
import org.vnextract.store.StoreReader;

/**
 * The web page and JSON API of {@code vnextract serve}, on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}): no dependency to add, and nothing here needs more than GET.
 * Slow clients cannot starve the others: each exchange runs on a thread of its own up to a cap,
 * with a deadline for its request head and one for its response ({@link ConnectionPool},
 * {@link Limits}); the database work is bounded by the reader's pool of connections. Pages are rendered on the server (no script at all, and a
 * Content-Security-Policy that forbids any), every value is escaped ({@link Html}), the store is
 * read through read-only connections with parameterised SQL, lists are capped at
 * {@link StoreReader#MAX_PAGE} rows, and queries at {@link #MAX_QUERY} characters.
 *
 * <p>Routes: the document page {@code /documents/{id}} here; every other page, the CSV downloads
 * and the JSON API under {@code /api/} (with totals and paging, described by
 * {@code /api/openapi.json}) in {@link Desk}. Lists take one filter ({@code since, until, site,
 * province}: {@link Params#filter()}); {@code /provinces?after=1} and {@code /api/provinces?after=1}
 * count the articles per province after the July 2025 reform.
 *
 * <p>Thread-safe: requests run concurrently, each on its own thread; the reader is thread-safe.
 */
public final class WebServer implements AutoCloseable {
    /** The query cap of the store ({@link StoreReader#MAX_QUERY}), the same as the CLI's. */
    public static final int MAX_QUERY = StoreReader.MAX_QUERY;
    public static final int DEFAULT_PAGE = 20;

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    private final StoreReader reader;
    private final HttpServer server;
    private final ConnectionPool pool;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper recordJson = new RecordJson().mapper();
    private final Template layout = new Template(Html.resource("layout.html"));
    private final byte[] css = Html.resource("static/style.css").getBytes(StandardCharsets.UTF_8);

    private final Desk desk;

    /**
     * How many exchanges may be in flight and how long each phase may take (see {@link ConnectionPool}).
     *
     * @param maxConnections exchanges read or answered at once, each on its own thread; more are refused
     * @param headTimeout    the request line and headers must arrive within this time of their first byte
     * @param writeTimeout   the response must be taken by the client within this time
     */
    public record Limits(int maxConnections, Duration headTimeout, Duration writeTimeout) {
        /** 256 exchanges, 10 s for a head, 30 s for a response. */
        public static final Limits DEFAULT = new Limits(256, Duration.ofSeconds(10), Duration.ofSeconds(30));

        public Limits {
            Validate.positive(maxConnections, "maxConnections");
            Validate.isTrue(headTimeout != null && headTimeout.toMillis() > 0, "headTimeout", "must be positive");
            Validate.isTrue(writeTimeout != null && writeTimeout.toMillis() > 0, "writeTimeout", "must be positive");
        }
    }

    /**
     * Connections open at all, idle keep-alive ones and ones that have sent nothing yet included:
     * the JDK server's own cap ({@code jdk.httpserver.maxConnections}), which closes a connection
     * over it as soon as it is accepted. JVM-wide, so one constant, set unless the user set it.
     */
    static final int MAX_OPEN_CONNECTIONS = 1024;

    private WebServer(StoreReader reader, HttpServer server, ConnectionPool pool) {
        this.desk = new Desk(reader, this::page);
        this.reader = reader;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts serving on the address (port 0: any free port), with {@link Limits#DEFAULT}.
     * @param threads database connections of {@code reader} the requests share (threads kept ready)
     */
    public static WebServer start(StoreReader reader, InetSocketAddress address, int threads) throws IOException {
        return start(reader, address, threads, Limits.DEFAULT);
    }

    /** Starts serving on the address (port 0: any free port) with the given limits. */
    public static WebServer start(StoreReader reader, InetSocketAddress address, int threads, Limits limits) throws IOException {
        Validate.notNull(reader, "reader");
        Validate.notNull(address, "address");
        Validate.positive(threads, "threads");
        Validate.notNull(limits, "limits");
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and every response waits ~40 ms. The server reads these once, when its first
        // instance is made, so they are set before that (and left alone if the user set them).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (System.getProperty("jdk.httpserver.maxConnections") == null) {
            System.setProperty("jdk.httpserver.maxConnections", String.valueOf(MAX_OPEN_CONNECTIONS));
        }
        HttpServer s = HttpServer.create(address, 1024);
        ConnectionPool pool = new ConnectionPool(limits, threads);
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
        pool.close();
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
        if (!pool.enter(ConnectionPool.Phase.HANDLE)) {
            ex.close(); // its head took longer than the deadline: the connection is already closed
            return;
        }
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
            if (!pool.enter(ConnectionPool.Phase.WRITE)) {
                return;
            }
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
        // the home page, search, lists, official and article pages, CSV downloads and the API (issue 18)
        String id = null;
        for (String prefix : Desk.ID_PREFIXES) {
            if (path.startsWith(prefix)) {
                id = segment(path, prefix);
                break;
            }
        }
        try {
            Reply d = desk.route(path, id, new Params(q));
            if (d != null) {
                return new Response(d.status(), d.type(), d.body());
            }
        } catch (HttpError e) {
            throw new Refused(e.status, e.getMessage());
        }
        if (path.equals("/static/style.css")) {
            return new Response(200, "text/css; charset=utf-8", css);
        }
        if (path.startsWith("/documents/")) {
            return Response.html(200, documentPage(segment(path, "/documents/"), q));
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
        Optional<String> problem = StoreReader.queryProblem(s);
        if (problem.isPresent()) {
            throw new Refused(400, problem.get());
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

    private Response jsonError(int status, String message) {
        try {
            return new Response(status, "application/json; charset=utf-8",
                    json.writeValueAsBytes(Map.of("error", message, "status", status)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- pages

    private String page(String title, String query, String body) {
        return layout.render(Map.of("title", Html.escape(title), "q", Html.escape(query), "body", body));
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

    private static String title(String t, String id) {
        return Desk.title(t, null, id);
    }

    private static String meta(String published, String site) {
        return Desk.meta(published, site);
    }

    private String documentPage(String id, Map<String, String> q) throws Refused {
        StoreReader.DocumentLookup l = reader.lookupDocument(id);
        if (l.matches().isEmpty()) {
            throw new Refused(404, "Không có văn bản " + id + " trong cơ sở dữ liệu.");
        }
        if (l.ambiguous()) {
            try {
                return desk.searchFor(id);
            } catch (HttpError e) {
                throw new Refused(e.status, e.getMessage());
            }
        }
        StoreReader.DocumentInfo d = l.matches().get(0);
        Html h = new Html();
        h.raw("<h1 class=\"document-id\">").text(d.label()).raw("</h1><dl class=\"facts\">");
        fact(h, "Cấp ban hành", LEVEL_NAMES.getOrDefault(d.level() == null ? "unknown" : d.level(), d.level()));
        if (!"central".equals(d.level())) {
            fact(h, "Địa bàn", d.place() == null ? "chưa rõ" : d.place());
        }
        fact(h, "Loại", d.typeName() != null ? d.typeName() + " (" + d.type() + ")" : d.type());
        fact(h, "Số", d.number());
        fact(h, "Cơ quan ban hành", d.issuer() != null ? d.issuer() : d.issuerCode());
        fact(h, "Ngày ban hành", VnDate.format(d.date()));
        fact(h, "Trích yếu", d.subject());
        fact(h, "Số bài trích dẫn", String.valueOf(d.articleCount()));
        h.raw("</dl>");
        java.util.Optional<StoreReader.Cascade> cascade = reader.cascade(d.key());
        cascade.ifPresent(c -> cascade(h, c));
        desk.citationTimeline(h, d.key(), cascade.map(c -> TimelineSvg.render(c.timeline())).orElse(""));
        h.raw("<h2>Các bài trích dẫn (mới nhất trước)</h2><div class=\"summary\">");
        Desk.csvLinks(h, "/export/citations.csv?doc=" + Html.url(d.label()), null);
        h.raw("</div><ol class=\"results citations\">");
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
        return page(d.label(), d.label(), h.toString());
    }

    private static final Map<String, String> LEVEL_NAMES = Map.of("central", "Trung ương", "province", "Cấp tỉnh",
            "district", "Cấp huyện", "commune", "Cấp xã", "unknown", "Chưa rõ cấp");

    /** A document's page: by its label (its id, with "@place" for a local one), which names it alone. */
    static String documentHref(StoreReader.DocumentInfo d) {
        return "/documents/" + Html.url(d.label());
    }

    /** The cascade sections of a document page: what it implements, its implementers by level as a tree, amendments. */
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
            List<String> levels = new java.util.ArrayList<>();
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
        h.link(documentHref(d), d.label()).raw(" ");
        List<String> parts = new java.util.ArrayList<>();
        parts.add(LEVEL_NAMES.getOrDefault(level, level));
        for (String s : new String[] {d.issuer() != null ? d.issuer() : d.issuerCode(),
                "central".equals(d.level()) ? null : d.place(), d.date() == null ? null : "ngày " + VnDate.format(d.date())}) {
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

}
