package org.vnextract.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import org.vnextract.sink.RecordSink;
import org.vnextract.text.Fold;

/**
 * Writes records into the database: the {@link RecordSink} behind {@code load} and
 * {@code extract --db}. Records are upserted by id: a record already stored is replaced whole
 * (deleted with all its rows, then inserted), so loading the same records twice leaves one copy.
 * Records are written in batches, one transaction each: a load interrupted at any point leaves
 * every batch either fully in or fully out. The per-document and per-official summary rows
 * (most frequent spelling, article count) are recomputed inside the same transaction for
 * exactly the documents and officials a batch touched.
 *
 * <p>Opening migrates the schema to the latest version. {@link #commit()} writes the last,
 * partial batch; closing without it drops only that batch.
 *
 * <p>Not thread-safe: one writer thread, as {@link RecordSink} says.
 */
public final class RecordStore implements RecordSink {
    public static final int DEFAULT_BATCH = 200;

    private final Database db;
    private final Connection c;
    private final int batchSize;
    private final DocumentKey keys;
    private final Scopes scopes;
    /** A spelling variant of a name is one edit away (a slip of one letter or one tone mark). */
    private final LevenshteinDistance oneEdit = new LevenshteinDistance(1);
    private final SentenceLocator sentences;
    private final ObjectMapper json = new RecordJson().mapper();
    private final Map<String, ArticleRecord> pending = new LinkedHashMap<>();
    private long stored;

    private RecordStore(Database db, Connection c, int batchSize, ModelSource models) {
        this.db = db;
        this.c = c;
        this.batchSize = batchSize;
        this.keys = new DocumentKey(models);
        this.scopes = new Scopes(models);
        this.sentences = new SentenceLocator(models);
    }

    /** Opens (creating and migrating as needed) the database for writing. */
    public static RecordStore open(Database db) throws SQLException {
        return open(db, DEFAULT_BATCH, ModelSource.bundled());
    }

    /** Opens the database named as {@code --db} takes it (file path or JDBC URL). */
    public static RecordStore open(String db) throws SQLException {
        return open(Database.of(db));
    }

    public static RecordStore open(Database db, int batchSize, ModelSource models) throws SQLException {
        Validate.notNull(db, "db");
        Validate.positive(batchSize, "batchSize");
        Validate.notNull(models, "models");
        Connection c = db.openWritable();
        try {
            Migrations.migrate(c, db.dialect());
            return new RecordStore(db, c, batchSize, models);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** How many records this store has committed so far. */
    public long stored() {
        return stored;
    }

    @Override
    public void write(ArticleRecord record) throws IOException {
        Validate.notNull(record, "record");
        Validate.notEmpty(record.id(), "record.id");
        pending.remove(record.id()); // the later copy wins, and keeps its place in the order
        pending.put(record.id(), record);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void commit() throws IOException {
        flush();
    }

    /** Closes the connection; records written since the last full batch or commit are dropped. */
    @Override
    public void close() throws IOException {
        pending.clear();
        try {
            c.rollback();
            c.close();
        } catch (SQLException e) {
            throw new IOException("closing " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            writeBatch(new ArrayList<>(pending.values()));
            c.commit();
            stored += pending.size();
            pending.clear();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            pending.clear();
            throw new IOException("writing a batch to " + db.describe() + " failed, the batch was rolled back: "
                    + e.getMessage(), e);
        }
    }

    private void writeBatch(List<ArticleRecord> batch) throws SQLException {
        Set<String> docKeys = new TreeSet<>();
        Set<String> officialKeys = new TreeSet<>();
        // 1. the stored copies go, with every row that hangs off them
        try (PreparedStatement oldDocs = c.prepareStatement("SELECT doc_key FROM article_documents WHERE article_id = ?");
             PreparedStatement oldOff = c.prepareStatement("SELECT official_key FROM article_officials WHERE article_id = ?");
             PreparedStatement delFts = db.dialect() == Database.Dialect.SQLITE
                     ? c.prepareStatement("DELETE FROM article_fts WHERE rowid = (SELECT seq FROM articles WHERE id = ?)")
                     : null;
             PreparedStatement del = c.prepareStatement("DELETE FROM articles WHERE id = ?")) {
            for (ArticleRecord r : batch) {
                collect(oldDocs, r.id(), docKeys);
                collect(oldOff, r.id(), officialKeys);
                if (delFts != null) {
                    delFts.setString(1, r.id());
                    delFts.addBatch();
                }
                del.setString(1, r.id());
                del.addBatch();
            }
            if (delFts != null) {
                delFts.executeBatch();
            }
            del.executeBatch();
        }
        // 2. the new copies
        Rows rows = new Rows();
        for (ArticleRecord r : batch) {
            rows.add(r, docKeys, officialKeys);
        }
        rows.insert();
        // 3. a state document written without its year, or a symbol without its issuer, joins the full
        // symbol it agrees with ("116/NĐ-CP" → "116/2020/NĐ-CP", "16-CT" → "16/CT-TTg")
        mergeShortForms(docKeys);
        // 4. the summaries of what the batch touched
        for (String k : docKeys) {
            summariseDocument(k);
        }
        for (String k : officialKeys) {
            summariseOfficial(k);
        }
    }

    private static void collect(PreparedStatement ps, String id, Set<String> into) throws SQLException {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    /** The folded name officials are matched by (case, spaces and tone-mark placement ignored): never shown. */
    public static String officialKey(String name) {
        return Fold.fold(name);
    }

    /**
     * The readable key of a person: the name as written (NFC, single spaces) and, when known, the
     * place that tells them from a namesake ("Nguyễn Văn Hùng · Gia Lai", "Tô Lâm · Trung ương").
     */
    static String readableOfficialKey(String name, Scopes.PersonScope scope) {
        String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        return scope.place() == null ? n : n + " · " + scope.place();
    }

    /**
     * The key provinces are filtered and grouped by: no case, diacritics, spaces or punctuation
     * ("Thừa Thiên - Huế" = "thua thien hue"), as the scorer compares place names; null for null.
     */
    public static String provinceKey(String name) {
        return org.vnextract.text.Fold.nameKey(name);
    }

    /**
     * The store key of a document: its parsed symbol (else the id in upper case), plus "@" and the
     * scope for a local or unscoped one ({@link Scopes}); a central document's key is its symbol's.
     */
    private String docKey(String id, Scopes.DocScope scope) {
        DocumentKey.Parts p = keys.parseSymbol(id);
        String base = p.number() == null ? "|" + DocumentKey.upper(id) + "||" : p.key();
        return scope.key().isEmpty() ? base : base + "@" + scope.key();
    }

    /** The rows of one batch, grouped by table so each table gets one JDBC batch, in foreign-key order. */
    private final class Rows {
        final List<Object[]> articles = new ArrayList<>();
        final List<Object[]> authors = new ArrayList<>();
        final Map<String, Object[]> officials = new LinkedHashMap<>();
        final Map<String, String> people = new HashMap<>(); // folded name + place key → official key (this batch)
        final List<Object[]> batchPeople = new ArrayList<>(); // {key, folded name, place key, title keys}
        final List<Object[]> articleOfficials = new ArrayList<>();
        final List<Object[]> titles = new ArrayList<>();
        final Map<String, Object[]> documents = new LinkedHashMap<>();
        final List<Object[]> articleDocuments = new ArrayList<>();
        final List<Object[]> docMentions = new ArrayList<>();
        final List<Object[]> dates = new ArrayList<>();
        final List<Object[]> counts = new ArrayList<>();
        final List<Object[]> periods = new ArrayList<>();
        final List<Object[]> relations = new ArrayList<>();
        final List<Object[]> orgs = new ArrayList<>();
        final List<Object[]> locs = new ArrayList<>();
        final List<Object[]> mentions = new ArrayList<>();
        final List<Object[]> search = new ArrayList<>();

        void add(ArticleRecord r, Set<String> docKeys, Set<String> officialKeys) throws SQLException {
            String id = r.id();
            ArticleRecord.Source src = r.source() == null ? new ArticleRecord.Source(null, null, null) : r.source();
            ArticleRecord.Article art = r.article() == null
                    ? new ArticleRecord.Article(null, null, null, List.of(), null, "") : r.article();
            String text = art.text() == null ? "" : art.text();
            ArticleRecord.Provenance prov = r.provenance() == null
                    ? new ArticleRecord.Provenance(null, Map.of(), List.of()) : r.provenance();
            articles.add(new Object[] {id, r.schema() == null ? ArticleRecord.SCHEMA : r.schema(), src.uri(), src.site(),
                    src.format(), art.title(), art.lead(), art.published(), art.section(), text, prov.extractor(),
                    toJson(prov.models() == null ? Map.of() : prov.models()),
                    toJson(prov.warnings() == null ? List.of() : prov.warnings()),
                    r.periods() != null ? 1 : 0, r.organizations() != null ? 1 : 0, r.locations() != null ? 1 : 0,
                    Instant.now().toString(), placeName(r), placeCode(r), provinceKey(placeName(r)), afterName(r),
                    afterCode(r), provinceKey(afterName(r))});
            int ord = 0;
            for (String a : list(art.authors())) {
                authors.add(new Object[] {id, ord++, a});
            }
            Offsets off = new Offsets(text);
            ord = 0;
            for (ArticleRecord.Official o : list(r.officials())) {
                String name = o.name() == null ? "" : o.name();
                String key = person(name, list(o.titles()), r);
                officialKeys.add(key);
                articleOfficials.add(new Object[] {id, ord, key, name, o.honorific()});
                int t = 0;
                for (String title : list(o.titles())) {
                    titles.add(new Object[] {id, ord, t++, title, Fold.fold(title)});
                }
                mentions(id, "official", ord, o.mentions());
                ord++;
            }
            List<SentenceLocator.Located> sents = null;
            Map<String, String> idKeys = new HashMap<>(); // this article's document ids → store keys
            ord = 0;
            for (ArticleRecord.Document d : list(r.documents())) {
                if (d.id() == null || d.id().isBlank()) {
                    continue;
                }
                DocumentKey.Parts p = keys.parseSymbol(d.id());
                Scopes.DocScope scope = scopes.document(p, d, r);
                String key = docKey(d.id(), scope);
                idKeys.putIfAbsent(d.id(), key);
                docKeys.add(key);
                documents.putIfAbsent(key, new Object[] {key, d.id(), p.number() == null ? "" : p.number(),
                        p.typeLoose(), p.issuerLoose(), p.year(), 0, scope.key(), scope.level()});
                articleDocuments.add(new Object[] {id, ord, key, d.id(), d.type(), d.typeName(), d.number(), d.issuerCode(),
                        d.issuer(), d.date(), d.subject(), d.explicit() ? 1 : 0,
                        d.place() == null ? null : d.place().name(), d.place() == null ? null : d.place().code(),
                        scope.place(), scope.level()});
                int m = 0;
                for (ArticleRecord.Mention men : list(d.mentions())) {
                    if (sents == null) {
                        sents = sentences.sentences(text);
                    }
                    int a = off.toChar(men.start());
                    int b = Math.max(a, off.toChar(men.end()));
                    SentenceLocator.Located s = SentenceLocator.around(sents, text, a, b);
                    docMentions.add(new Object[] {id, ord, m++, men.start(), men.end(), men.text() == null ? "" : men.text(),
                            text.substring(s.start(), s.end()), off.toCodePoint(s.start())});
                }
                ord++;
            }
            ord = 0;
            for (ArticleRecord.DateEntry d : list(r.dates())) {
                dates.add(new Object[] {id, ord, d.value() == null ? "" : d.value(), d.granularity(), d.text()});
                mentions(id, "date", ord++, d.mentions());
            }
            ord = 0;
            for (ArticleRecord.Count k : list(r.counts())) {
                counts.add(new Object[] {id, ord++, plain(k.value()), k.value() == null ? null : k.value().doubleValue(),
                        k.unit(), k.unit() == null ? null : Fold.fold(k.unit()), plain(k.total()), plain(k.valueMax()),
                        k.qualifier(), k.text(), k.start(), k.end()});
            }
            ord = 0;
            for (ArticleRecord.Period p : list(r.periods())) {
                periods.add(new Object[] {id, ord, p.text(), p.kind(), p.start(), p.end()});
                mentions(id, "period", ord++, p.mentions());
            }
            ord = 0;
            for (ArticleRecord.Relation rel : list(r.relations())) {
                if (rel.from() == null || rel.to() == null || rel.type() == null) {
                    continue;
                }
                relations.add(new Object[] {id, ord, rel.from(), rel.type(), rel.to(), relationEnd(rel.from(), idKeys, r),
                        relationEnd(rel.to(), idKeys, r)});
                mentions(id, "relation", ord++, rel.mentions());
            }
            ord = 0;
            for (ArticleRecord.Organization o : list(r.organizations())) {
                String name = o.name() == null ? "" : o.name();
                orgs.add(new Object[] {id, ord, name, Fold.fold(name)});
                mentions(id, "organization", ord++, o.mentions());
            }
            ord = 0;
            for (ArticleRecord.Location l : list(r.locations())) {
                String name = l.name() == null ? "" : l.name();
                locs.add(new Object[] {id, ord, name, l.kind(), Fold.fold(name), l.level(), l.code(), l.province()});
                mentions(id, "location", ord++, l.mentions());
            }
            search.add(new Object[] {id, SearchText.strictText(text), SearchText.looseText(text)});
        }

        private static String placeName(ArticleRecord r) {
            return r.place() == null ? null : r.place().name();
        }

        private static String placeCode(ArticleRecord r) {
            return r.place() == null ? null : r.place().code();
        }

        private static String afterName(ArticleRecord r) {
            return r.place() == null || r.place().after() == null ? null : r.place().after().name();
        }

        private static String afterCode(ArticleRecord r) {
            return r.place() == null || r.place().after() == null ? null : r.place().after().code();
        }

        /** A relation's end: the key its document got in this article (RECORD.md: both ends are its documents). */
        private String relationEnd(String docId, Map<String, String> idKeys, ArticleRecord r) {
            String k = idKeys.get(docId);
            return k != null ? k : docKey(docId, scopes.document(keys.parseSymbol(docId), null, r));
        }

        /**
         * The key of the person an article's official is: the one with the same folded name and
         * place; else, with evidence (a title in common, the same known place), one whose name is
         * one edit away (a typo, a slipped tone mark); else a new person.
         */
        private String person(String name, List<String> titles, ArticleRecord r) throws SQLException {
            Scopes.PersonScope scope = scopes.person(titles, r);
            String nameKey = officialKey(name);
            String match = nameKey + "\n" + scope.key();
            String key = people.get(match);
            if (key == null) {
                key = existingPerson(nameKey, scope.key());
            }
            Set<String> titleKeys = new TreeSet<>();
            for (String t : titles) {
                titleKeys.add(Fold.fold(t));
            }
            if (key == null && !scope.key().isEmpty()) {
                key = variantOf(nameKey, scope.key(), titleKeys);
            }
            if (key == null) {
                key = readableOfficialKey(name, scope);
                officials.putIfAbsent(key, new Object[] {key, name, SearchText.looseText(name), 0, nameKey, scope.place(),
                        scope.key()});
            }
            people.put(match, key);
            batchPeople.add(new Object[] {key, nameKey, scope.key(), titleKeys});
            return key;
        }

        private String existingPerson(String nameKey, String placeKey) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT official_key FROM officials WHERE name_key = ? AND place_key = ?")) {
                ps.setString(1, nameKey);
                ps.setString(2, placeKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        /** The one person of this place, holding one of these titles, whose name is one edit away; else null. */
        @SuppressWarnings("unchecked")
        private String variantOf(String nameKey, String placeKey, Set<String> titleKeys) throws SQLException {
            Set<String> found = new TreeSet<>();
            for (Object[] p : batchPeople) {
                if (p[2].equals(placeKey) && closeName(nameKey, (String) p[1])
                        && ((Set<String>) p[3]).stream().anyMatch(titleKeys::contains)) {
                    found.add((String) p[0]);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.official_key, o.name_key FROM officials o"
                    + " JOIN article_officials ao ON ao.official_key = o.official_key"
                    + " JOIN official_titles t ON t.article_id = ao.article_id AND t.official_ord = ao.ord"
                    + " WHERE o.place_key = ? AND t.title_key = ?")) {
                for (String t : titleKeys) {
                    ps.setString(1, placeKey);
                    ps.setString(2, t);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (closeName(nameKey, rs.getString(2))) {
                                found.add(rs.getString(1));
                            }
                        }
                    }
                }
            }
            return found.size() == 1 ? found.iterator().next() : null;
        }

        private boolean closeName(String a, String b) {
            return !a.equals(b) && a.split(" ").length == b.split(" ").length && oneEdit.apply(a, b) == 1;
        }

        private void mentions(String id, String kind, int entity, List<ArticleRecord.Mention> ms) {
            int m = 0;
            for (ArticleRecord.Mention men : list(ms)) {
                mentions.add(new Object[] {id, kind, entity, m++, men.start(), men.end(), men.text()});
            }
        }

        void insert() throws SQLException {
            run("INSERT INTO articles (id, record_schema, uri, site, format, title, lead, published, section, text, extractor,"
                    + " models_json, warnings_json, has_periods, has_organizations, has_locations, loaded_at,"
                    + " place_name, place_code, place_key, place_after_name, place_after_code, place_after_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles);
            run("INSERT INTO article_authors (article_id, ord, name) VALUES (?, ?, ?)", authors);
            run("INSERT INTO officials (official_key, name, loose_key, article_count, name_key, place, place_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (official_key) DO NOTHING", new ArrayList<>(officials.values()));
            run("INSERT INTO article_officials (article_id, ord, official_key, name, honorific) VALUES (?, ?, ?, ?, ?)",
                    articleOfficials);
            run("INSERT INTO official_titles (article_id, official_ord, ord, title, title_key) VALUES (?, ?, ?, ?, ?)", titles);
            run("INSERT INTO documents (doc_key, id, number_key, type_loose, issuer_loose, year_key, article_count, scope, level)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_key) DO NOTHING", new ArrayList<>(documents.values()));
            run("INSERT INTO article_documents (article_id, ord, doc_key, id, type, type_name, number, issuer_code, issuer,"
                    + " issued, subject, explicit, place_name, place_code, scope_place, level)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    articleDocuments);
            run("INSERT INTO document_mentions (article_id, doc_ord, ord, start_cp, end_cp, text, sentence, sentence_start_cp)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", docMentions);
            run("INSERT INTO article_dates (article_id, ord, value, granularity, text) VALUES (?, ?, ?, ?, ?)", dates);
            run("INSERT INTO article_counts (article_id, ord, value, value_num, unit, unit_key, total, value_max, qualifier,"
                    + " text, start_cp, end_cp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", counts);
            run("INSERT INTO article_periods (article_id, ord, text, kind, start_value, end_value) VALUES (?, ?, ?, ?, ?, ?)",
                    periods);
            run("INSERT INTO article_relations (article_id, ord, from_id, type, to_id, from_key, to_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", relations);
            run("INSERT INTO article_organizations (article_id, ord, name, name_key) VALUES (?, ?, ?, ?)", orgs);
            run("INSERT INTO article_locations (article_id, ord, name, kind, name_key, level, code, province)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", locs);
            run("INSERT INTO entity_mentions (article_id, kind, entity_ord, ord, start_cp, end_cp, text)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", mentions);
            if (db.dialect() == Database.Dialect.SQLITE) {
                run("INSERT INTO article_fts (rowid, strict, loose) VALUES ((SELECT seq FROM articles WHERE id = ?), ?, ?)",
                        search);
            } else {
                run("INSERT INTO article_search (article_id, strict, loose)"
                        + " VALUES (?, to_tsvector('simple', ?), to_tsvector('simple', ?))", search);
            }
        }

        private void run(String sql, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        Object v = row[i];
                        if (v == null) {
                            ps.setNull(i + 1, Types.VARCHAR);
                        } else if (v instanceof Integer n) {
                            ps.setInt(i + 1, n);
                        } else if (v instanceof Double d) {
                            ps.setDouble(i + 1, d);
                        } else {
                            ps.setString(i + 1, v.toString());
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * The document row: each column the most frequent non-null value the citing articles give; the
     * id preferably among the spellings that are the key's own symbol (a merged "116/NĐ-CP" does not
     * name "116/2020/NĐ-CP"); the readable label is the id, with "@" and the place for a scoped one.
     */
    private void summariseDocument(String key) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        Set<String> articles = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT article_id, id, type, type_name, number, issuer_code, issuer,"
                + " issued, subject, scope_place, level FROM article_documents WHERE doc_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(rs.getString(1));
                    String[] r = new String[10];
                    for (int i = 0; i < 10; i++) {
                        r[i] = rs.getString(i + 2);
                    }
                    rows.add(r);
                }
            }
        }
        if (rows.isEmpty()) {
            delete("DELETE FROM documents WHERE doc_key = ?", key);
            return;
        }
        int at = key.indexOf('@');
        String base = at < 0 ? key : key.substring(0, at);
        List<String[]> own = rows.stream().filter(r -> keys.parseSymbol(r[0]).key().equals(base)).toList();
        String id = mode(own.isEmpty() ? rows : own, 0);
        String place = mode(rows, 8);
        String level = mode(rows, 9);
        String label = at < 0 ? id : id + "@" + (place == null ? Scopes.UNSCOPED : place);
        try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET id = ?, type = ?, type_name = ?, number = ?,"
                + " issuer_code = ?, issuer = ?, issued = ?, subject = ?, article_count = ?, place = ?, level = ?, label = ?"
                + " WHERE doc_key = ?")) {
            ps.setString(1, id);
            for (int i = 1; i < 8; i++) {
                ps.setString(i + 1, mode(rows, i));
            }
            ps.setInt(9, articles.size());
            ps.setString(10, place);
            ps.setString(11, level);
            ps.setString(12, label);
            ps.setString(13, key);
            ps.executeUpdate();
        }
    }

    /** A document key's parts: {number, TYPE, ISSUER, year, scope} (scope "" for a central one). */
    private static String[] keyParts(String key) {
        int at = key.indexOf('@');
        String[] p = (at < 0 ? key : key.substring(0, at)).split("\\|", -1);
        if (p.length != 4) {
            return null;
        }
        return new String[] {p[0], p[1], p[2], p[3], at < 0 ? "" : key.substring(at + 1)};
    }

    /**
     * Moves each citation of a short form to the full symbol it agrees with, when exactly one does:
     * a state document cited without its year ("116/NĐ-CP") to the one with it ("116/2020/NĐ-CP"),
     * a symbol without issuer ("16-CT") to a central one with it ("16/CT-TTg"), when the issuer, the
     * year of the citation's date, the date itself, or the same article's citing the full symbol
     * agrees, and nothing disagrees. Several full symbols that agree (116/2017 and 116/2020, no date)
     * leave the short form alone. Relations follow their documents. Adds the keys it touched.
     */
    private void mergeShortForms(Set<String> touched) throws SQLException {
        Set<String> groups = new TreeSet<>();
        for (String k : touched) {
            String[] p = keyParts(k);
            if (p != null && !p[0].isEmpty() && !p[1].isEmpty()) {
                groups.add(p[0] + "|" + p[1]);
            }
        }
        for (String g : groups) {
            String[] ng = g.split("\\|", -1);
            Map<String, String[]> members = new LinkedHashMap<>(); // key → parts
            Map<String, String> issued = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_key, issued FROM documents WHERE number_key = ?"
                    + " AND type_loose = ? ORDER BY doc_key")) {
                ps.setString(1, ng[0]);
                ps.setString(2, DocumentKey.loose(ng[1]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] p = keyParts(rs.getString(1));
                        if (p != null && p[1].equals(ng[1])) {
                            members.put(rs.getString(1), p);
                            issued.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            if (members.size() < 2) {
                continue;
            }
            for (Map.Entry<String, String[]> e : members.entrySet()) {
                String[] i = e.getValue();
                List<String> fuller = new ArrayList<>();
                for (Map.Entry<String, String[]> f : members.entrySet()) {
                    String[] cp = f.getValue();
                    boolean moreComplete = (i[2].isEmpty() && !cp[2].isEmpty()) || (i[3].isEmpty() && !cp[3].isEmpty());
                    boolean compatible = !cp[2].isEmpty() && (i[2].isEmpty() || i[2].equals(cp[2]))
                            && (i[3].isEmpty() || i[3].equals(cp[3]))
                            && (i[2].isEmpty() ? cp[4].isEmpty() : i[4].equals(cp[4]));
                    if (!f.getKey().equals(e.getKey()) && moreComplete && compatible) {
                        fuller.add(f.getKey());
                    }
                }
                if (fuller.isEmpty()) {
                    continue;
                }
                List<String[]> cites = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT article_id, ord, issuer_code, issued FROM article_documents"
                        + " WHERE doc_key = ?")) {
                    ps.setString(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            cites.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                        }
                    }
                }
                for (String[] cite : cites) {
                    List<String> agree = new ArrayList<>();
                    for (String fk : fuller) {
                        String[] cp = members.get(fk);
                        String citedYear = cite[3] == null || cite[3].length() < 4 ? null : cite[3].substring(0, 4);
                        boolean yearClash = citedYear != null && !cp[3].isEmpty() && !citedYear.equals(cp[3]);
                        boolean issuerClash = cite[2] != null && !cite[2].isBlank()
                                && !DocumentKey.loose(cite[2]).equals(DocumentKey.loose(cp[2]));
                        if (yearClash || issuerClash) {
                            continue;
                        }
                        boolean evidence = !i[2].isEmpty()
                                || (cite[2] != null && !cite[2].isBlank())
                                || (citedYear != null && citedYear.equals(cp[3]))
                                || (cite[3] != null && cite[3].equals(issued.get(fk)))
                                || citedTogether(cite[0], fk);
                        if (evidence) {
                            agree.add(fk);
                        }
                    }
                    if (agree.size() == 1) {
                        moveCitation(cite[0], Integer.parseInt(cite[1]), e.getKey(), agree.get(0));
                        touched.add(agree.get(0));
                        touched.add(e.getKey());
                    }
                }
            }
        }
    }

    private boolean citedTogether(String articleId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM article_documents WHERE article_id = ? AND doc_key = ?")) {
            ps.setString(1, articleId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void moveCitation(String articleId, int ord, String from, String to) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("UPDATE article_documents SET doc_key = ? WHERE article_id = ? AND ord = ?");
             PreparedStatement rf = c.prepareStatement("UPDATE article_relations SET from_key = ? WHERE article_id = ? AND from_key = ?");
             PreparedStatement rt = c.prepareStatement("UPDATE article_relations SET to_key = ? WHERE article_id = ? AND to_key = ?")) {
            d.setString(1, to);
            d.setString(2, articleId);
            d.setInt(3, ord);
            d.executeUpdate();
            for (PreparedStatement r : List.of(rf, rt)) {
                r.setString(1, to);
                r.setString(2, articleId);
                r.setString(3, from);
                r.executeUpdate();
            }
        }
    }

    private void summariseOfficial(String key) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        Set<String> articles = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT article_id, name FROM article_officials WHERE official_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles.add(rs.getString(1));
                    rows.add(new String[] {rs.getString(2)});
                }
            }
        }
        if (rows.isEmpty()) {
            delete("DELETE FROM officials WHERE official_key = ?", key);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE officials SET name = ?, article_count = ? WHERE official_key = ?")) {
            ps.setString(1, mode(rows, 0));
            ps.setInt(2, articles.size());
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    private void delete(String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** The most frequent non-null value of a column; ties go to the longer, then the smaller string. */
    static String mode(List<String[]> rows, int col) {
        Map<String, Integer> n = new HashMap<>();
        for (String[] r : rows) {
            if (r[col] != null) {
                n.merge(r[col], 1, Integer::sum);
            }
        }
        return n.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance as JSON", e);
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
