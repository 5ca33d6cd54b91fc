package org.vnextract.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import org.vnextract.text.Fold;

/**
 * The queries of {@code lookup}, {@code search}, {@code export} and the web server, over read-only
 * connections. Every statement is parameterised; the few SQL fragments chosen at run time (the
 * search column) come from a fixed set, never from input. Every list has a page-size cap
 * ({@link #MAX_PAGE}).
 *
 * <p>Thread-safe: each call borrows its own connection from a fixed pool.
 */
public final class StoreReader implements AutoCloseable {
    /** The most rows any one call returns. */
    public static final int MAX_PAGE = 100;

    /**
     * The longest query, in characters after trimming, that look-up and search take: a name, a
     * document symbol or search words. Longer ones are refused before any SQL is built (a 60 KB
     * name made SQLite's LIKE fail with "pattern too complex", 14,000 quoted phrases took 72 s).
     * The CLI and the web refuse them the same way, through {@link #queryProblem}.
     */
    public static final int MAX_QUERY = 200;

    /**
     * A document across the archive. {@code level} is its issuer's level (central, province, district,
     * commune; null when the symbol has no issuer), {@code place} the place that scopes a local
     * document's symbol (null for a central one, or when nothing tells), {@code label} its readable
     * key ("02-NQ/TU@Gia Lai"; a central document's id).
     */
    public record DocumentInfo(String key, String id, String type, String typeName, String number, String issuerCode,
                               String issuer, String date, String subject, int articleCount, String level, String place,
                               String label) {}

    /** A document that implements another, with the documents that implement it in turn. */
    public record CascadeNode(DocumentInfo document, List<CascadeNode> implementers) {}

    /** How many citing articles were published in a month ("2022-03"). */
    public record MonthCount(String month, int articles) {}

    /**
     * A document's place among the others: what it implements; what implements it, as a tree (each
     * implementer with its own implementers), and how many implementers there are at each issuing
     * level; what amends it and what it amends; the citing articles per month ({@code undated}:
     * citing articles without a publication date).
     */
    public record Cascade(DocumentInfo document, List<DocumentInfo> implementsDocuments, List<CascadeNode> implementers,
                          Map<String, Integer> implementersByLevel, List<DocumentInfo> amendedBy, List<DocumentInfo> amends,
                          List<MonthCount> timeline, int undated) {}

    /** The issuing levels from the top down; a document without a level comes last. */
    public static final List<String> LEVELS = List.of("central", "province", "district", "commune");
    /** The deepest implementer tree, and the most documents in it. */
    static final int CASCADE_DEPTH = 6;
    static final int CASCADE_NODES = 500;

    /** The documents a typed symbol names: one, several (ambiguous) or none. */
    public record DocumentLookup(String query, DocumentKey.Parts parts, List<DocumentInfo> matches) {
        public boolean ambiguous() {
            return matches.size() > 1;
        }
    }

    /**
     * One citation: the mention as written, and its sentence with the mention at char offsets
     * {@code [start, end)} of the sentence; {@code offset} is the mention's code-point offset in the article.
     */
    public record MentionSentence(String text, String sentence, int start, int end, int offset) {}

    public record Citation(String articleId, String title, String published, String site, String uri,
                           List<MentionSentence> mentions) {}

    /** A person across articles: the readable key, the name, the place that tells them from namesakes (or null). */
    public record OfficialInfo(String key, String name, int articleCount, String place) {}

    /**
     * A position the official held: the title, the publication dates of the first and last article
     * stating it, and the dates of every article stating it (oldest first, at most {@link #MAX_PAGE}).
     */
    public record TitleSpan(String title, String first, String last, int articles, List<String> dates) {}

    public record OfficialArticle(String articleId, String title, String published, String site, List<String> titles) {}

    public record OfficialView(OfficialInfo official, List<TitleSpan> titles, List<OfficialArticle> articles) {}

    /** The officials a typed name finds; {@code exact} is false when they are only partial matches. */
    public record OfficialLookup(String query, List<OfficialInfo> matches, boolean exact) {}

    /** A text-search result; {@code highlights} are char ranges {start, end} of the snippet. */
    public record SearchHit(String articleId, String title, String published, String site, String snippet,
                            List<int[]> highlights) {}

    /** An entity's mention in an article: char offsets into the text, its kind, label and key. */
    public record EntitySpan(String kind, int start, int end, String label, String ref) {}

    public record ArticleView(String id, String title, String published, String site, String uri, List<String> authors,
                              String text, List<EntitySpan> entities) {}

    private final Database db;
    private final ReadPool pool;
    private final DocumentKey keys;
    private final ObjectMapper json = new RecordJson().mapper();

    private StoreReader(Database db, ReadPool pool, DocumentKey keys) {
        this.db = db;
        this.pool = pool;
        this.keys = keys;
    }

    /**
     * Opens {@code connections} read-only connections and checks the schema is this program's.
     *
     * @throws SQLException when there is no database, or its schema is older or newer
     */
    public static StoreReader open(Database db, int connections) throws SQLException {
        Validate.notNull(db, "db");
        Validate.positive(connections, "connections");
        ReadPool pool = new ReadPool(db, connections, 30_000);
        try {
            int have = pool.with(Migrations::currentVersion);
            int want = Migrations.latest(db.dialect());
            if (have == 0) {
                throw new SQLException(db.describe() + " is not a vnextract database yet (run `vnextract load` into it first)");
            }
            if (have != want) {
                throw new SQLException(db.describe() + " has schema version " + have + ", this vnextract uses " + want
                        + (have < want ? " (run `vnextract load` with no files to migrate it)" : " (use a newer vnextract)"));
            }
            return new StoreReader(db, pool, new DocumentKey(ModelSource.bundled()));
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Database database() {
        return db;
    }

    /** Runs a query on a pooled connection; a database failure becomes a {@link StoreException}. */
    private <T> T q(ReadPool.Work<T> work) {
        try {
            return pool.with(work);
        } catch (SQLException e) {
            throw new StoreException(db.describe() + ": " + e.getMessage(), e);
        }
    }

    static int cap(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }

    /**
     * Why {@code query} cannot be looked up or searched, or empty when it can: the one check the
     * CLI (a usage error) and the web (400) apply before calling this class.
     */
    public static Optional<String> queryProblem(String query) {
        Validate.notNull(query, "query");
        int n = query.strip().length();
        if (n > MAX_QUERY) {
            return Optional.of("query longer than " + MAX_QUERY + " characters (" + n + ")");
        }
        return Optional.empty();
    }

    /** A query over the cap here is a caller that skipped {@link #queryProblem}: a programmer error. */
    private static void checkQuery(String query, String param) {
        Validate.notNull(query, param);
        Optional<String> problem = queryProblem(query);
        Validate.isTrue(problem.isEmpty(), param, problem.orElse(""));
    }

    // ---------------------------------------------------------------- documents

    /** The documents a typed symbol names ("21-KL/TW", "21 KL TW", "kết luận 21", "KL21/TW"). */
    public DocumentLookup lookupDocument(String query) {
        checkQuery(query, "query");
        // "02-NQ/TU@Gia Lai": the symbol, and the place that scopes it (a document's label)
        int at = query.indexOf('@');
        String scope = at < 0 ? null : query.substring(at + 1).strip();
        String symbolPart = at < 0 ? query : query.substring(0, at);
        DocumentLookup all = lookupSymbol(query, symbolPart);
        if (scope == null) {
            return all;
        }
        String sk = scope.equals(Scopes.UNSCOPED) ? Scopes.UNSCOPED : Scopes.placeKey(scope);
        List<DocumentInfo> scoped = all.matches().stream().filter(d -> d.place() == null
                ? sk.equals(Scopes.UNSCOPED) && d.key().endsWith("@" + Scopes.UNSCOPED)
                : Scopes.placeKey(d.place()).equals(sk) || d.key().endsWith("@" + sk) || d.key().endsWith("/" + sk)).toList();
        return new DocumentLookup(query, all.parts(), scoped);
    }

    private DocumentLookup lookupSymbol(String query, String symbol) {
        DocumentKey.Parts p = keys.parseQuery(symbol);
        if (p.number() == null || (p.type().isEmpty() && p.issuer().isEmpty())) {
            return new DocumentLookup(query, p, List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT " + DOC_COLUMNS + " FROM documents WHERE number_key = ? AND type_loose = ?");
        List<String> args = new ArrayList<>(List.of(p.number(), p.typeLoose()));
        if (!p.issuer().isEmpty()) {
            sql.append(" AND issuer_loose = ?");
            args.add(p.issuerLoose());
        }
        if (!p.year().isEmpty()) {
            sql.append(" AND year_key = ?");
            args.add(p.year());
        }
        sql.append(" ORDER BY article_count DESC, doc_key LIMIT ").append(MAX_PAGE);
        List<DocumentInfo> found = q(c -> documents(c, sql.toString(), args));
        // what was typed with Đ narrows what matched without it ("ĐA" is not "DA")
        List<DocumentInfo> narrowed = new ArrayList<>();
        for (DocumentInfo d : found) {
            DocumentKey.Parts dp = keys.parseSymbol(d.id());
            boolean typeOk = p.type().equals(p.typeLoose()) || p.type().equals(dp.type());
            boolean issuerOk = p.issuer().equals(p.issuerLoose()) || p.issuer().equals(dp.issuer());
            if (typeOk && issuerOk) {
                narrowed.add(d);
            }
        }
        List<DocumentInfo> matches = narrowed.isEmpty() ? found : narrowed;
        // a full symbol that names one document exactly is not ambiguous because longer symbols extend it
        if (matches.size() > 1 && p.complete()) {
            List<DocumentInfo> exact = matches.stream().filter(d -> d.key().equals(p.key())).toList();
            if (exact.isEmpty()) {
                // one scoped document of this exact symbol: the others only extend it
                List<DocumentInfo> scoped = matches.stream().filter(d -> d.key().startsWith(p.key() + "@")).toList();
                exact = scoped.size() == 1 ? scoped : exact;
            }
            if (exact.size() == 1) {
                matches = exact;
            }
        }
        return new DocumentLookup(query, p, matches);
    }

    private static final String DOC_COLUMNS =
            "doc_key, id, type, type_name, number, issuer_code, issuer, issued, subject, article_count, level, place, label";

    private static List<DocumentInfo> documents(Connection c, String sql, List<String> args) throws SQLException {
        List<DocumentInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DocumentInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                            rs.getString(11), rs.getString(12), rs.getString(13) == null ? rs.getString(2) : rs.getString(13)));
                }
            }
        }
        return out;
    }

    public Optional<DocumentInfo> document(String key) {
        Validate.notNull(key, "key");
        return q(c -> documents(c, "SELECT " + DOC_COLUMNS + " FROM documents WHERE doc_key = ?", List.of(key)))
                .stream().findFirst();
    }

    /** The articles citing a document, newest first, each with the sentence of every mention. */
    public List<Citation> citations(String key, int limit, int offset) {
        Validate.notNull(key, "key");
        int lim = cap(limit);
        int off = Math.max(0, offset);
        return q(c -> {
            Map<String, Citation> byArticle = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.title, a.published, a.site, a.uri FROM articles a"
                    + " WHERE a.id IN (SELECT article_id FROM article_documents WHERE doc_key = ?)"
                    + " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?")) {
                ps.setString(1, key);
                ps.setInt(2, lim);
                ps.setInt(3, off);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byArticle.put(rs.getString(1), new Citation(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), new ArrayList<>()));
                    }
                }
            }
            if (byArticle.isEmpty()) {
                return new ArrayList<Citation>();
            }
            // one query for the mentions of the whole page (ids bound as parameters, at most MAX_PAGE)
            String marks = String.join(", ", java.util.Collections.nCopies(byArticle.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT d.article_id, m.text, m.sentence, m.start_cp, m.end_cp,"
                    + " m.sentence_start_cp FROM article_documents d JOIN document_mentions m ON m.article_id = d.article_id"
                    + " AND m.doc_ord = d.ord WHERE d.doc_key = ? AND d.article_id IN (" + marks + ") ORDER BY d.article_id, m.start_cp")) {
                int i = 1;
                ps.setString(i++, key);
                for (String id : byArticle.keySet()) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String sentence = rs.getString(3);
                        int s0 = rs.getInt(6);
                        int a = cpToChar(sentence, rs.getInt(4) - s0);
                        int b = Math.max(a, cpToChar(sentence, rs.getInt(5) - s0));
                        byArticle.get(rs.getString(1)).mentions()
                                .add(new MentionSentence(rs.getString(2), sentence, a, b, rs.getInt(4)));
                    }
                }
            }
            return new ArrayList<>(byArticle.values());
        });
    }

    // ---------------------------------------------------------------- the cascade

    /**
     * A document's cascade across the archive (relations as articles state them, keyed by the
     * documents' scoped keys): what it implements, the tree of what implements it (at most
     * {@link #CASCADE_DEPTH} deep and {@link #CASCADE_NODES} documents; a document met twice is shown
     * once), what amends it, what it amends, and its citing articles by month.
     */
    public Optional<Cascade> cascade(String key) {
        Validate.notNull(key, "key");
        return q(c -> {
            List<DocumentInfo> self = documents(c, "SELECT " + DOC_COLUMNS + " FROM documents WHERE doc_key = ?", List.of(key));
            if (self.isEmpty()) {
                return Optional.<Cascade>empty();
            }
            List<DocumentInfo> implementsDocs = related(c, "from_key", "to_key", key, "implements");
            List<DocumentInfo> amendedBy = related(c, "to_key", "from_key", key, "amends");
            List<DocumentInfo> amends = related(c, "from_key", "to_key", key, "amends");
            java.util.Set<String> seen = new java.util.HashSet<>(List.of(key));
            int[] budget = {CASCADE_NODES};
            List<CascadeNode> tree = implementers(c, key, 1, seen, budget);
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            for (String l : LEVELS) {
                byLevel.put(l, 0);
            }
            count(tree, byLevel);
            byLevel.values().removeIf(n -> n == 0);
            List<MonthCount> months = new ArrayList<>();
            int undated = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT m, COUNT(*) FROM (SELECT DISTINCT a.id, substr(a.published, 1, 7) AS m"
                    + " FROM articles a JOIN article_documents d ON d.article_id = a.id WHERE d.doc_key = ?) x GROUP BY m ORDER BY m")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String m = rs.getString(1);
                        if (m == null || !m.matches("\\d{4}-\\d{2}")) {
                            undated += rs.getInt(2);
                        } else {
                            months.add(new MonthCount(m, rs.getInt(2)));
                        }
                    }
                }
            }
            return Optional.of(new Cascade(self.get(0), implementsDocs, tree, byLevel, amendedBy, amends, months, undated));
        });
    }

    /**
     * The directive graph of the whole archive in figures: articles, documents (by issuing level),
     * relations as stated ({@code statements}: one per article and relation) and as distinct pairs
     * ({@code relations}), by type; the articles stating any; and the documents with the most direct
     * implementers ({@code level}: only documents of that issuing level, or all when null), each with its
     * whole implementer tree counted by level ({@link #cascade}).
     */
    public record Graph(int articles, int documents, Map<String, Integer> documentsByLevel,
                        Map<String, Integer> statements, Map<String, Integer> relations, int articlesWithRelations,
                        List<Implemented> mostImplemented) {}

    /** A document, its distinct direct implementers, the articles stating them, and its whole tree by level. */
    public record Implemented(DocumentInfo document, int directImplementers, int articles, Map<String, Integer> implementersByLevel) {}

    /** The archive's directive graph in figures, with the {@code top} most implemented documents (of {@code level}, or any). */
    public Graph graph(int top, String level) {
        int lim = cap(top);
        Graph g = q(c -> {
            int articles = scalar(c, "SELECT COUNT(*) FROM articles");
            int documents = scalar(c, "SELECT COUNT(*) FROM documents");
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            for (String l : LEVELS) {
                byLevel.put(l, 0);
            }
            groups(c, "SELECT level, COUNT(*) FROM documents GROUP BY level", byLevel);
            byLevel.values().removeIf(n -> n == 0);
            Map<String, Integer> statements = new LinkedHashMap<>();
            groups(c, "SELECT type, COUNT(*) FROM article_relations GROUP BY type ORDER BY type DESC", statements);
            Map<String, Integer> relations = new LinkedHashMap<>();
            groups(c, "SELECT type, COUNT(*) FROM (SELECT DISTINCT from_key, type, to_key FROM article_relations) x"
                    + " GROUP BY type ORDER BY type DESC", relations);
            int withRelations = scalar(c, "SELECT COUNT(DISTINCT article_id) FROM article_relations");
            List<Implemented> most = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.to_key, COUNT(DISTINCT r.from_key), COUNT(DISTINCT r.article_id)"
                    + " FROM article_relations r JOIN documents d ON d.doc_key = r.to_key"
                    + " WHERE r.type = 'implements' AND r.from_key <> r.to_key AND (? IS NULL OR d.level = ?)"
                    + " GROUP BY r.to_key ORDER BY 2 DESC, 3 DESC, r.to_key LIMIT ?")) {
                ps.setString(1, level);
                ps.setString(2, level);
                ps.setInt(3, lim);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        most.add(new Implemented(new DocumentInfo(rs.getString(1), null, null, null, null, null, null, null,
                                null, 0, null, null, null), rs.getInt(2), rs.getInt(3), Map.of()));
                    }
                }
            }
            return new Graph(articles, documents, byLevel, statements, relations, withRelations, most);
        });
        List<Implemented> most = new ArrayList<>();
        for (Implemented i : g.mostImplemented()) {
            cascade(i.document().key()).ifPresent(cs -> most.add(new Implemented(cs.document(), i.directImplementers(),
                    i.articles(), cs.implementersByLevel())));
        }
        return new Graph(g.articles(), g.documents(), g.documentsByLevel(), g.statements(), g.relations(),
                g.articlesWithRelations(), most);
    }

    private static int scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Adds each row's (key or "unknown", count) to {@code into}. */
    private static void groups(Connection c, String sql, Map<String, Integer> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.merge(rs.getString(1) == null ? "unknown" : rs.getString(1), rs.getInt(2), Integer::sum);
            }
        }
    }

    /** The documents at the {@code other} end of relations of a type whose {@code end} is the key. */
    private static List<DocumentInfo> related(Connection c, String end, String other, String key, String type) throws SQLException {
        return sortByLevel(documents(c, "SELECT " + DOC_COLUMNS + " FROM documents WHERE doc_key IN (SELECT " + other
                + " FROM article_relations WHERE " + end + " = ? AND type = ?) AND doc_key <> ? LIMIT " + MAX_PAGE,
                List.of(key, type, key)));
    }

    private static List<CascadeNode> implementers(Connection c, String key, int depth, java.util.Set<String> seen, int[] budget)
            throws SQLException {
        List<CascadeNode> out = new ArrayList<>();
        if (depth > CASCADE_DEPTH) {
            return out;
        }
        for (DocumentInfo d : related(c, "to_key", "from_key", key, "implements")) {
            if (budget[0] <= 0 || !seen.add(d.key())) {
                continue;
            }
            budget[0]--;
            out.add(new CascadeNode(d, new ArrayList<>()));
        }
        for (CascadeNode n : out) {
            n.implementers().addAll(implementers(c, n.document().key(), depth + 1, seen, budget));
        }
        return out;
    }

    private static void count(List<CascadeNode> nodes, Map<String, Integer> byLevel) {
        for (CascadeNode n : nodes) {
            byLevel.merge(n.document().level() == null ? "unknown" : n.document().level(), 1, Integer::sum);
            count(n.implementers(), byLevel);
        }
    }

    /** Central first, then province, district, commune, then unknown; within a level by date, then id. */
    static List<DocumentInfo> sortByLevel(List<DocumentInfo> l) {
        List<DocumentInfo> out = new ArrayList<>(l);
        out.sort(Comparator.comparingInt((DocumentInfo d) -> {
            int i = d.level() == null ? -1 : LEVELS.indexOf(d.level());
            return i < 0 ? LEVELS.size() : i;
        }).thenComparing(DocumentInfo::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DocumentInfo::label, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    static int cpToChar(String s, int cp) {
        if (cp <= 0) {
            return 0;
        }
        int n = s.codePointCount(0, s.length());
        return cp >= n ? s.length() : s.offsetByCodePoints(0, cp);
    }

    // ---------------------------------------------------------------- officials

    /** An official by name, ignoring case and tone-mark placement; partial matches when none is exact. */
    public OfficialLookup lookupOfficial(String name, int limit) {
        checkQuery(name, "name");
        String typed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).strip();
        List<OfficialInfo> exact = q(c -> officials(c, "SELECT " + OFFICIAL_COLUMNS + " FROM officials WHERE official_key = ?",
                typed, 1));
        // "Nguyễn Văn Hùng · Gia Lai" typed in another case or spelling: the name and the place
        int dot = typed.indexOf('·');
        String bare = dot < 0 ? typed : typed.substring(0, dot).strip();
        String place = dot < 0 ? null : typed.substring(dot + 1).strip();
        String key = RecordStore.officialKey(bare);
        if (exact.isEmpty()) {
            exact = q(c -> officials(c, "SELECT " + OFFICIAL_COLUMNS + " FROM officials WHERE name_key = ?"
                    + " ORDER BY article_count DESC, official_key", key, MAX_PAGE));
        }
        if (exact.isEmpty() && !SearchText.hasDiacritics(bare)) {
            exact = q(c -> officials(c, "SELECT " + OFFICIAL_COLUMNS + " FROM officials WHERE loose_key = ?"
                    + " ORDER BY article_count DESC, official_key", SearchText.looseText(bare), MAX_PAGE));
        }
        if (place != null && exact.size() > 1) {
            String pk = Scopes.placeKey(place);
            List<OfficialInfo> at = exact.stream().filter(o -> Scopes.placeKey(o.place()).equals(pk)).toList();
            exact = at.isEmpty() ? exact : at;
        }
        if (!exact.isEmpty()) {
            return new OfficialLookup(name, exact, true);
        }
        return new OfficialLookup(name, searchOfficials(name, limit), false);
    }

    /** Officials whose name contains the query (diacritics matter only when the query has them). */
    public List<OfficialInfo> searchOfficials(String q, int limit) {
        checkQuery(q, "q");
        boolean strict = SearchText.hasDiacritics(q);
        String needle = strict ? Fold.fold(q) : SearchText.looseText(q);
        if (needle.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String col = strict ? "name_key" : "loose_key";
        return q(c -> officials(c, "SELECT " + OFFICIAL_COLUMNS + " FROM officials WHERE " + col
                + " LIKE ? ESCAPE '\\' ORDER BY article_count DESC, name, official_key", pattern, cap(limit)));
    }

    private static final String OFFICIAL_COLUMNS = "official_key, name, article_count, place";

    private static List<OfficialInfo> officials(Connection c, String sql, String arg, int limit) throws SQLException {
        List<OfficialInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT " + limit)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OfficialInfo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** An official's titles over time and the articles naming them, newest first. */
    public Optional<OfficialView> official(String key, int limit, int offset) {
        Validate.notNull(key, "key");
        return q(c -> {
            List<OfficialInfo> info = officials(c, "SELECT " + OFFICIAL_COLUMNS + " FROM officials WHERE official_key = ?", key, 1);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            Map<String, List<String>> titlesByArticle = new HashMap<>();
            Map<String, List<String[]>> byTitle = new TreeMap<>(); // title_key → {title, published, article}
            try (PreparedStatement ps = c.prepareStatement("SELECT t.title, t.title_key, a.published, a.id"
                    + " FROM article_officials o JOIN official_titles t ON t.article_id = o.article_id AND t.official_ord = o.ord"
                    + " JOIN articles a ON a.id = o.article_id WHERE o.official_key = ? ORDER BY o.article_id, o.ord, t.ord LIMIT 20000")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        titlesByArticle.computeIfAbsent(rs.getString(4), k -> new ArrayList<>()).add(rs.getString(1));
                        byTitle.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            List<TitleSpan> spans = new ArrayList<>();
            for (List<String[]> rows : byTitle.values()) {
                String first = null;
                String last = null;
                java.util.Set<String> arts = new java.util.HashSet<>();
                for (String[] r : rows) {
                    arts.add(r[2]);
                    if (r[1] != null) {
                        first = first == null || r[1].compareTo(first) < 0 ? r[1] : first;
                        last = last == null || r[1].compareTo(last) > 0 ? r[1] : last;
                    }
                }
                List<String> dates = rows.stream().map(r -> r[1]).filter(java.util.Objects::nonNull).distinct().sorted()
                        .limit(MAX_PAGE).toList();
                spans.add(new TitleSpan(RecordStore.mode(rows, 0), first, last, arts.size(), dates));
            }
            spans.sort(Comparator.comparing(TitleSpan::first, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(TitleSpan::title));
            List<OfficialArticle> arts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.title, a.published, a.site FROM articles a"
                    + " WHERE a.id IN (SELECT article_id FROM article_officials WHERE official_key = ?)"
                    + " ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?")) {
                ps.setString(1, key);
                ps.setInt(2, cap(limit));
                ps.setInt(3, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        arts.add(new OfficialArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                titlesByArticle.getOrDefault(rs.getString(1), List.of())));
                    }
                }
            }
            return Optional.of(new OfficialView(info.get(0), spans, arts));
        });
    }

    // ---------------------------------------------------------------- text search

    /**
     * Articles whose title or text contains the query. Unquoted, the whole query is one phrase;
     * with double quotes, each quoted part is a phrase and each other word a term, all required.
     * With diacritics the query matches strictly (tone-mark placement ignored), without them loosely.
     */
    public List<SearchHit> search(String query, int limit, int offset) {
        checkQuery(query, "query");
        boolean strict = SearchText.hasDiacritics(query);
        List<List<String>> phrases = phrases(query, strict);
        if (phrases.isEmpty()) {
            return List.of();
        }
        String col = strict ? "strict" : "loose";
        String sql;
        List<String> args = new ArrayList<>();
        if (db.dialect() == Database.Dialect.SQLITE) {
            StringBuilder m = new StringBuilder();
            for (List<String> p : phrases) {
                if (m.length() > 0) {
                    m.append(" AND ");
                }
                m.append(col).append(" : \"").append(String.join(" ", p)).append('"');
            }
            args.add(m.toString());
            sql = "SELECT a.id, a.title, a.published, a.site, a.text FROM article_fts f JOIN articles a ON a.seq = f.rowid"
                    + " WHERE article_fts MATCH ?"
                    + " ORDER BY bm25(article_fts), a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?";
        } else {
            StringBuilder q = new StringBuilder();
            for (List<String> p : phrases) {
                if (q.length() > 0) {
                    q.append(" && ");
                }
                q.append("phraseto_tsquery('simple', ?)");
                args.add(String.join(" ", p));
            }
            sql = "SELECT a.id, a.title, a.published, a.site, a.text FROM article_search s JOIN articles a ON a.id = s.article_id"
                    + " CROSS JOIN (SELECT " + q + " AS q) qq WHERE s." + col + " @@ qq.q"
                    + " ORDER BY ts_rank_cd(s." + col + ", qq.q) DESC, a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?";
        }
        int lim = cap(limit);
        int off = Math.max(0, offset);
        return q(c -> {
            List<SearchHit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String a : args) {
                    ps.setString(i++, a);
                }
                ps.setInt(i++, lim);
                ps.setInt(i, off);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                phrases, strict));
                    }
                }
            }
            return out;
        });
    }

    /** Where a search query matches a text, as char ranges {start, end} in order (for highlighting). */
    public static List<int[]> matches(String text, String query) {
        Validate.notNull(text, "text");
        Validate.notNull(query, "query");
        boolean strict = SearchText.hasDiacritics(query);
        List<SearchText.Word> words = SearchText.words(text);
        List<int[]> all = new ArrayList<>();
        for (List<String> p : phrases(query, strict)) {
            all.addAll(SearchText.find(words, p, strict));
        }
        all.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> out = new ArrayList<>();
        int last = -1;
        for (int[] r : all) {
            if (r[0] >= last) {
                out.add(r);
                last = r[1];
            }
        }
        return out;
    }

    static List<List<String>> phrases(String query, boolean strict) {
        List<List<String>> out = new ArrayList<>();
        if (query.indexOf('"') < 0) {
            List<String> w = SearchText.queryWords(query, strict);
            if (!w.isEmpty()) {
                out.add(w);
            }
            return out;
        }
        String[] parts = query.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            List<String> w = SearchText.queryWords(parts[i], strict);
            if (i % 2 == 1) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            } else {
                for (String t : w) {
                    out.add(List.of(t));
                }
            }
        }
        return out;
    }

    /** Snippet width on each side of the first match, in chars. */
    private static final int SNIPPET = 120;

    static SearchHit hit(String id, String title, String published, String site, String text,
                                 List<List<String>> phrases, boolean strict) {
        List<SearchText.Word> words = SearchText.words(text);
        List<int[]> all = new ArrayList<>();
        for (List<String> p : phrases) {
            all.addAll(SearchText.find(words, p, strict));
        }
        all.sort(Comparator.comparingInt(r -> r[0]));
        int center = all.isEmpty() ? 0 : all.get(0)[0];
        int a = Math.max(0, center - SNIPPET);
        int b = Math.min(text.length(), (all.isEmpty() ? 0 : all.get(0)[1]) + SNIPPET);
        while (a > 0 && !Character.isWhitespace(text.charAt(a - 1)) && center - a < SNIPPET + 20) {
            a--;
        }
        while (b < text.length() && !Character.isWhitespace(text.charAt(b)) && b - center < 2 * SNIPPET + 40) {
            b++;
        }
        if (a > 0 && Character.isLowSurrogate(text.charAt(a))) {
            a--;
        }
        if (b < text.length() && b > 0 && Character.isLowSurrogate(text.charAt(b))) {
            b++;
        }
        String snippet = text.substring(a, b).replace('\n', ' ');
        List<int[]> hl = new ArrayList<>();
        int last = -1;
        for (int[] r : all) {
            if (r[0] >= a && r[1] <= b && r[0] >= last) {
                hl.add(new int[] {r[0] - a, r[1] - a});
                last = r[1];
            }
        }
        return new SearchHit(id, title, published, site, snippet, hl);
    }

    // ---------------------------------------------------------------- articles and records

    /** An article with every entity mention, for the article page. */
    public Optional<ArticleView> article(String id) {
        Validate.notNull(id, "id");
        return q(c -> {
            Optional<ArticleRecord> r = record(c, id);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            ArticleRecord rec = r.get();
            String text = rec.article().text();
            Offsets off = new Offsets(text);
            Map<String, String> docKeys = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, doc_key FROM article_documents WHERE article_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docKeys.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<Integer, String> officialKeys = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ord, official_key FROM article_officials WHERE article_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        officialKeys.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            List<EntitySpan> spans = new ArrayList<>();
            for (ArticleRecord.Document d : rec.documents()) {
                for (ArticleRecord.Mention m : d.mentions()) {
                    spans.add(new EntitySpan("document", off.toChar(m.start()), off.toChar(m.end()), d.id(), docKeys.get(d.id())));
                }
            }
            for (int i = 0; i < rec.officials().size(); i++) {
                ArticleRecord.Official o = rec.officials().get(i);
                for (ArticleRecord.Mention m : o.mentions()) {
                    spans.add(new EntitySpan("official", off.toChar(m.start()), off.toChar(m.end()), o.name(),
                            officialKeys.get(i)));
                }
            }
            for (ArticleRecord.DateEntry d : rec.dates()) {
                for (ArticleRecord.Mention m : d.mentions()) {
                    spans.add(new EntitySpan("date", off.toChar(m.start()), off.toChar(m.end()), d.value(), null));
                }
            }
            for (ArticleRecord.Count k : rec.counts()) {
                spans.add(new EntitySpan("count", off.toChar(k.start()), off.toChar(k.end()), k.text(), null));
            }
            if (rec.periods() != null) {
                for (ArticleRecord.Period p : rec.periods()) {
                    for (ArticleRecord.Mention m : p.mentions()) {
                        spans.add(new EntitySpan("period", off.toChar(m.start()), off.toChar(m.end()), p.text(), null));
                    }
                }
            }
            if (rec.organizations() != null) {
                for (ArticleRecord.Organization o : rec.organizations()) {
                    for (ArticleRecord.Mention m : o.mentions()) {
                        spans.add(new EntitySpan("organization", off.toChar(m.start()), off.toChar(m.end()), o.name(), null));
                    }
                }
            }
            if (rec.locations() != null) {
                for (ArticleRecord.Location l : rec.locations()) {
                    for (ArticleRecord.Mention m : l.mentions()) {
                        spans.add(new EntitySpan("location", off.toChar(m.start()), off.toChar(m.end()), l.name(), null));
                    }
                }
            }
            spans.removeIf(s -> s.end() <= s.start());
            spans.sort(Comparator.comparingInt(EntitySpan::start).thenComparing(s -> -s.end()));
            return Optional.of(new ArticleView(rec.id(), rec.article().title(), rec.article().published(),
                    rec.source().site(), rec.source().uri(), rec.article().authors(), text, spans));
        });
    }

    /** The stored record, rebuilt from its rows (the same record that was loaded). */
    public Optional<ArticleRecord> record(String id) {
        Validate.notNull(id, "id");
        return q(c -> record(c, id));
    }

    /** The ids of stored records, in id order, after {@code after} (null: from the start), at most {@code limit}. */
    public List<String> ids(String after, int limit) {
        return q(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(after == null
                    ? "SELECT id FROM articles ORDER BY id LIMIT ?"
                    : "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?")) {
                int i = 1;
                if (after != null) {
                    ps.setString(i++, after);
                }
                ps.setInt(i, Math.max(1, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private Optional<ArticleRecord> record(Connection c, String id) throws SQLException {
        Object[] a;
        try (PreparedStatement ps = c.prepareStatement("SELECT record_schema, uri, site, format, title, lead, published, section,"
                + " text, extractor, models_json, warnings_json, has_periods, has_organizations, has_locations,"
                + " place_name, place_code, place_after_name, place_after_code"
                + " FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                a = new Object[19];
                for (int i = 0; i < 12; i++) {
                    a[i] = rs.getString(i + 1);
                }
                for (int i = 12; i < 15; i++) {
                    a[i] = rs.getInt(i + 1) != 0;
                }
                for (int i = 15; i < 19; i++) {
                    a[i] = rs.getString(i + 1);
                }
            }
        }
        Map<String, List<List<ArticleRecord.Mention>>> mentions = new HashMap<>();
        for (String[] r : rows(c, "SELECT kind, entity_ord, start_cp, end_cp, text FROM entity_mentions WHERE article_id = ?"
                + " ORDER BY kind, entity_ord, ord", id, 5)) {
            List<List<ArticleRecord.Mention>> byEntity = mentions.computeIfAbsent(r[0], k -> new ArrayList<>());
            int e = Integer.parseInt(r[1]);
            while (byEntity.size() <= e) {
                byEntity.add(new ArrayList<>());
            }
            byEntity.get(e).add(new ArticleRecord.Mention(Integer.parseInt(r[2]), Integer.parseInt(r[3]), r[4]));
        }
        List<String> authors = new ArrayList<>();
        for (String[] r : rows(c, "SELECT name FROM article_authors WHERE article_id = ? ORDER BY ord", id, 1)) {
            authors.add(r[0]);
        }
        Map<Integer, List<String>> titles = new HashMap<>();
        for (String[] r : rows(c, "SELECT official_ord, title FROM official_titles WHERE article_id = ? ORDER BY official_ord, ord", id, 2)) {
            titles.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>()).add(r[1]);
        }
        List<ArticleRecord.Official> officials = new ArrayList<>();
        for (String[] r : rows(c, "SELECT ord, name, honorific FROM article_officials WHERE article_id = ? ORDER BY ord", id, 3)) {
            int ord = Integer.parseInt(r[0]);
            officials.add(new ArticleRecord.Official(r[1], titles.getOrDefault(ord, List.of()), r[2], ments(mentions, "official", ord)));
        }
        Map<Integer, List<ArticleRecord.Mention>> docMentions = new HashMap<>();
        for (String[] r : rows(c, "SELECT doc_ord, start_cp, end_cp, text FROM document_mentions WHERE article_id = ? ORDER BY doc_ord, ord", id, 4)) {
            docMentions.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>())
                    .add(new ArticleRecord.Mention(Integer.parseInt(r[1]), Integer.parseInt(r[2]), r[3]));
        }
        List<ArticleRecord.Document> documents = new ArrayList<>();
        for (String[] r : rows(c, "SELECT ord, id, type, type_name, number, issuer_code, issuer, issued, subject, explicit,"
                + " place_name, place_code FROM article_documents WHERE article_id = ? ORDER BY ord", id, 12)) {
            documents.add(new ArticleRecord.Document(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], !"0".equals(r[9]),
                    r[10] == null ? null : new ArticleRecord.ProvinceRef(r[10], r[11]),
                    docMentions.getOrDefault(Integer.parseInt(r[0]), List.of())));
        }
        List<ArticleRecord.DateEntry> dates = new ArrayList<>();
        for (String[] r : rows(c, "SELECT ord, value, granularity, text FROM article_dates WHERE article_id = ? ORDER BY ord", id, 4)) {
            dates.add(new ArticleRecord.DateEntry(r[1], r[2], r[3], ments(mentions, "date", Integer.parseInt(r[0]))));
        }
        List<ArticleRecord.Count> counts = new ArrayList<>();
        for (String[] r : rows(c, "SELECT value, unit, total, value_max, qualifier, text, start_cp, end_cp FROM article_counts"
                + " WHERE article_id = ? ORDER BY ord", id, 8)) {
            counts.add(new ArticleRecord.Count(dec(r[0]), r[1], dec(r[2]), dec(r[3]), r[4], r[5], Integer.parseInt(r[6]),
                    Integer.parseInt(r[7])));
        }
        List<ArticleRecord.Period> periods = null;
        if ((Boolean) a[12]) {
            periods = new ArrayList<>();
            for (String[] r : rows(c, "SELECT ord, text, kind, start_value, end_value FROM article_periods WHERE article_id = ?"
                    + " ORDER BY ord", id, 5)) {
                periods.add(new ArticleRecord.Period(r[1], r[2], r[3], r[4], ments(mentions, "period", Integer.parseInt(r[0]))));
            }
        }
        List<ArticleRecord.Relation> relations = new ArrayList<>();
        for (String[] r : rows(c, "SELECT ord, from_id, type, to_id FROM article_relations WHERE article_id = ? ORDER BY ord",
                id, 4)) {
            relations.add(new ArticleRecord.Relation(r[1], r[2], r[3], ments(mentions, "relation", Integer.parseInt(r[0]))));
        }
        List<ArticleRecord.Organization> orgs = null;
        if ((Boolean) a[13]) {
            orgs = new ArrayList<>();
            for (String[] r : rows(c, "SELECT ord, name FROM article_organizations WHERE article_id = ? ORDER BY ord", id, 2)) {
                orgs.add(new ArticleRecord.Organization(r[1], ments(mentions, "organization", Integer.parseInt(r[0]))));
            }
        }
        List<ArticleRecord.Location> locs = null;
        if ((Boolean) a[14]) {
            locs = new ArrayList<>();
            for (String[] r : rows(c, "SELECT ord, name, kind, level, code, province FROM article_locations"
                    + " WHERE article_id = ? ORDER BY ord", id, 6)) {
                locs.add(new ArticleRecord.Location(r[1], r[2], r[3], r[4], r[5],
                        ments(mentions, "location", Integer.parseInt(r[0]))));
            }
        }
        Map<String, String> models;
        List<String> warnings;
        try {
            models = json.readValue((String) a[10], new TypeReference<LinkedHashMap<String, String>>() {});
            warnings = json.readValue((String) a[11], new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new SQLException("article " + id + " has unreadable provenance: " + e.getMessage(), e);
        }
        return Optional.of(new ArticleRecord((String) a[0], id,
                new ArticleRecord.Source((String) a[1], (String) a[2], (String) a[3]),
                new ArticleRecord.Article((String) a[4], (String) a[5], (String) a[6], authors, (String) a[7], (String) a[8]),
                officials, documents, dates, counts, periods, relations, orgs, locs,
                a[15] == null ? null : new ArticleRecord.Place((String) a[15], (String) a[16],
                        a[17] == null ? null : new ArticleRecord.ProvinceRef((String) a[17], (String) a[18])),
                new ArticleRecord.Provenance((String) a[9], models, warnings)));
    }

    private static List<ArticleRecord.Mention> ments(Map<String, List<List<ArticleRecord.Mention>>> m, String kind, int ord) {
        List<List<ArticleRecord.Mention>> l = m.get(kind);
        return l == null || ord >= l.size() ? new ArrayList<>() : l.get(ord);
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static List<String[]> rows(Connection c, String sql, String id, int cols) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] r = new String[cols];
                    for (int i = 0; i < cols; i++) {
                        r[i] = rs.getString(i + 1);
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Work with one of the reader's connections (for export). */
    <T> T withConnection(ReadPool.Work<T> work) {
        return q(work);
    }

    @Override
    public void close() {
        pool.close();
    }
}
