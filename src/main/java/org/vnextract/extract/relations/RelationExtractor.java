package org.vnextract.extract.relations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.Extractor;
import org.vnextract.extract.Mention;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.documents.DocumentReference;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;

/**
 * Finds how the documents of one article carry each other out ({@code implements}) or change each
 * other ({@code amends}), from the wording between their mentions in one sentence (rules:
 * {@code models/relations/relations.tsv}). Three shapes are read:
 * <ul>
 *   <li>a phrase between two documents: "Kế hoạch số 74-KH/HU, ngày 5-5-2022 thực hiện Kết luận
 *       số 21-KL/TW", "Nghị định A được sửa đổi, bổ sung bởi Nghị định B";</li>
 *   <li>a phrase opening the sentence before the document carried out, and a document the same
 *       sentence issues: "Cụ thể hóa Kế hoạch số 70-KH/TU …, Ban Thường vụ Huyện ủy đã xây dựng
 *       Kế hoạch số 74-KH/HU";</li>
 *   <li>lists after either: "thực hiện Nghị quyết số 18 và Nghị quyết số 19".</li>
 * </ul>
 * Only the date, issuer and "về (việc)" of a document may stand between it and the phrase; any
 * other word (a verb, an event) breaks the link, so documents side by side and events that carry a
 * document out give no relation. Reads the documents extractor's output (their mentions), so a
 * short reference ("Kế hoạch số 60") stands for the full id it resolves to.
 *
 * <p>Immutable after construction; thread-safe. Linear in the text: each sentence is scanned a
 * bounded number of times per document mention, and every look-back is capped.
 */
public final class RelationExtractor implements Extractor<DocumentRelation> {
    /** The longest stretch of attached words (date, issuer, "về") between a document and its phrase. */
    private static final int MAX_ATTACHED = 30;
    /** The most tail words between a phrase and its document ("một số điều của"). */
    private static final int MAX_TAIL = 8;
    /** The most words of a document's name outside its mention ("Chương trình phối hợp số"). */
    private static final int MAX_NAMED = 5;
    /** The longest "về …" subject of a listed document ("…, ngày 14/6/2024 của Bộ Chính trị về đại hội …; Kết luận …"). */
    private static final int MAX_SUBJECT = 40;
    /** The longest "về …" subject of a document in a list after a phrase, whose end the joining word marks. */
    private static final int MAX_LISTED_SUBJECT = 50;
    /** Words of what a document does, before a passive phrase. */
    private static final int MAX_DESCRIPTION = 16;
    // words the code itself reads, folded as tokens are (tone mark after the letters)
    private static final String SO = Fold.fold("số");
    /** The most words of a title-only document's name before the document carried out with it. */
    private static final int MAX_TITLE = 12;
    /** Words a page's title line may add to its type name ("CHƯƠNG TRÌNH HÀNH ĐỘNG"). */
    private static final int MAX_TITLE_EXTRA = 3;
    /** The most tokens before a document on a validity-history line (date, status). */
    private static final int MAX_HISTORY_PREFIX = 12;
    /** The longest clause between an issued document and the purpose ("để thực hiện …") of its issuing. */
    private static final int MAX_PURPOSE = 25;
    /** The longest agent of a passive phrase ("được Ban Thường vụ Tỉnh ủy cụ thể hóa bằng"). */
    private static final int MAX_AGENT = 6;
    /** The longest description of a document before a bracketed note on it. */
    private static final int MAX_NOTE = 60;

    private final RelationRules rules;
    /**
     * Whether this reader sees words without their tone marks: the twin that reads pages whose tone
     * marks are scrambled ({@link #scrambled}), with rules and words stripped the same way.
     */
    private final boolean toneless;
    /** The toneless twin of this reader (null in the twin itself). */
    private final RelationExtractor twin;
    // words the code itself reads, folded as tokens are (tone mark after the letters; none in the twin)
    private final String ve;
    private final String ngay;
    private final String duoc;
    private final String can;
    private final String va;
    private final String cua;
    /** The words of a date written out after its day: "20 tháng 10 năm 2022". */
    private final List<String> dateUnits;
    private final String cu;
    private final String dieu;
    private final String ban;
    private final String hanh;
    private final String so;
    private final String nam;

    public RelationExtractor(ModelSource models) {
        this(new RelationRules(models), false);
    }

    private RelationExtractor(RelationRules rules, boolean toneless) {
        this.toneless = toneless;
        this.rules = toneless ? rules.toneless() : rules;
        this.twin = toneless ? null : new RelationExtractor(rules, true);
        ve = key("về");
        ngay = key("ngày");
        duoc = key("được");
        can = key("căn");
        va = key("và");
        cua = key("của");
        dateUnits = List.of(key("tháng"), key("năm"));
        cu = key("cứ");
        dieu = key("điều");
        ban = key("ban");
        hanh = key("hành");
        so = key("số");
        nam = key("năm");
    }

    private String key(String word) {
        String f = Fold.fold(word);
        return toneless ? RelationRules.stripTones(f) : f;
    }

    @Override
    public String name() {
        return "relations";
    }

    @Override
    public Key<List<DocumentRelation>> key() {
        return DocumentRelation.KEY;
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, DocumentReference.KEY, TokenView.KEY);
    }

    /**
     * A document mention: its char range, its token range in the sentence, the document's id, and
     * whether it is a pointer ("Quy định này", the page's title) rather than the document's symbol.
     */
    private record Cited(int start, int end, String id, int first, int after, boolean pointer) {
        Cited(int start, int end, String id, int first, int after) {
            this(start, end, id, first, after, false);
        }
    }

    /** One token as the rules see it: folded word, "#" for numbers and dates, the character of punctuation. */
    private record Word(String w, boolean capital) {}

    @Override
    public List<DocumentRelation> extract(Analysis in) {
        List<DocumentReference> docs = in.get(DocumentReference.KEY);
        if (docs.size() < 2) {
            return List.of();
        }
        if (twin != null && scrambled(TokenView.of(in))) {
            return twin.extract(in);
        }
        AnalyzedText t = in.get(AnalyzedText.KEY);
        List<Cited> all = new ArrayList<>();
        for (DocumentReference d : docs) {
            for (Mention m : d.mentions()) {
                all.add(new Cited(m.start(), m.end(), d.id(), -1, -1));
            }
        }
        all.sort(Comparator.comparingInt(Cited::start));
        Article article = new Article(t, TokenView.of(in), docs, all);
        Map<String, Found> out = new LinkedHashMap<>();
        Pending pending = new Pending();
        int i = 0;
        while (i < all.size()) {
            Sentence s = t.sentenceAt(all.get(i).start());
            if (s == null) {
                i++;
                continue;
            }
            List<Cited> in1 = new ArrayList<>();
            int lastEnd = -1;
            while (i < all.size() && all.get(i).start() < s.end()) {
                Cited c = all.get(i++);
                if (c.start() >= lastEnd && c.end() <= s.end()) { // overlapping mentions: keep the first
                    in1.add(c);
                    lastEnd = c.end();
                }
            }
            sentence(article, s, in1, out, pending);
        }
        history(article, all, out);
        List<DocumentRelation> result = new ArrayList<>(out.size());
        for (Found f : out.values()) {
            result.add(new DocumentRelation(f.from, f.type, f.to, f.mentions));
        }
        return result;
    }

    /** Words looked at to tell a page with scrambled tone marks. */
    private static final int SCRAMBLE_SAMPLE = 2000;
    /** Of them, the fewest words with two tone marks that make a page scrambled, and their least share (1/n) of all words. */
    private static final int SCRAMBLE_MIN = 8;
    private static final int SCRAMBLE_SHARE = 20;

    /**
     * A page whose tone marks are scrambled ("Kết lúận số 121-KL/TW", "thực hịện"), as some portals
     * write to foil copying: many of its words carry two tone marks, which no Vietnamese word does.
     * Such a page is read without tone marks. Looks at the first {@value #SCRAMBLE_SAMPLE} tokens.
     */
    private static boolean scrambled(TokenView v) {
        int words = 0;
        int twice = 0;
        for (int i = 0; i < v.size() && i < SCRAMBLE_SAMPLE; i++) {
            if (v.kind(i) != org.vnextract.text.TokenKind.WORD) {
                continue;
            }
            words++;
            String f = v.fold(i);
            int tones = f.length() - RelationRules.stripTones(f).length();
            if (tones >= 2) {
                twice++;
            }
        }
        return twice >= SCRAMBLE_MIN && twice * SCRAMBLE_SHARE >= words;
    }

    /**
     * What the sentences of one article share: the text, each document's type name in folded words,
     * where each document is first cited, and the document the page itself is (the one whose symbol
     * stands alone after "Số:" on a line of its own header), if any.
     */
    private final class Article {
        final AnalyzedText t;
        /** The article's tokens as every extractor reads them. */
        final TokenView v;
        final List<DocumentReference> docs;
        final List<List<String>> typeWords = new ArrayList<>();
        final int[] firstCited;
        final DocumentReference self;
        /** Documents by the first word of their type name. */
        final Map<String, List<Integer>> byFirstTypeWord = new java.util.HashMap<>();
        /** For each type name, its documents by the start of each mention (the first document on a tie). */
        final Map<List<String>, java.util.TreeMap<Integer, DocumentReference>> mentionsOfType = new java.util.HashMap<>();
        /** Type names a document was given as its short name ("… (Quy định);", "(sau đây gọi tắt là Nghị định)"), so far. */
        final Map<List<String>, DocumentReference> aliases = new java.util.HashMap<>();
        /** Each document mention's start, with its document (the first on a tie). */
        final Map<Integer, DocumentReference> mentionStarts = new java.util.HashMap<>();

        /** {@code v}: the article's view (its word ends are not read here: every token counts as a word). */
        Article(AnalyzedText t, TokenView v, List<DocumentReference> docs, List<Cited> all) {
            this.t = t;
            this.v = v;
            this.docs = docs;
            firstCited = new int[docs.size()];
            DocumentReference found = null;
            for (int d = 0; d < docs.size(); d++) {
                DocumentReference doc = docs.get(d);
                String name = doc.typeName() == null ? "" : key(doc.typeName());
                List<String> type = name.isEmpty() ? List.of() : List.of(name.split(" "));
                typeWords.add(type);
                if (!type.isEmpty()) {
                    byFirstTypeWord.computeIfAbsent(type.get(0), k -> new ArrayList<>()).add(d);
                    java.util.TreeMap<Integer, DocumentReference> starts =
                            mentionsOfType.computeIfAbsent(type, k -> new java.util.TreeMap<>());
                    for (Mention m : doc.mentions()) {
                        starts.putIfAbsent(m.start(), doc);
                    }
                }
                int first = Integer.MAX_VALUE;
                for (Mention m : doc.mentions()) {
                    mentionStarts.putIfAbsent(m.start(), doc);
                    first = Math.min(first, m.start());
                    if (found == null && headerSymbol(t.text(), m)) {
                        found = doc;
                    }
                }
                firstCited[d] = first;
            }
            // no "Số:" header: the page's title line names it ("KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ …"), or
            // its source line does ("(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2021)")
            for (int d = 0; d < docs.size() && found == null; d++) {
                for (Mention m : docs.get(d).mentions()) {
                    if (titleSymbol(d, m) || sourceSymbol(d, m)) {
                        found = docs.get(d);
                        break;
                    }
                }
            }
            self = found;
        }

        /** The most lines (not blank) before a page's title line: its date line. */
        private static final int TITLE_LINE = 1;
        /** The longest title line read for its case. */
        private static final int TITLE_REACH = 400;
        /** The most tokens after a document on its source line: its date. */
        private static final int SOURCE_TAIL = 10;

        /**
         * The page's title line is its document's name, in capitals as a reproduced document writes
         * it: one of its first lines, opening with the document's type name (and "số") and symbol,
         * all upper case ("KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ …").
         */
        private boolean titleSymbol(int d, Mention m) {
            String text = t.text();
            if (m.start() > TITLE_REACH) {
                return false;
            }
            int lines = 0;
            for (int k = 0; k < m.start(); k++) {
                if (text.charAt(k) == '\n' && k > 0 && text.charAt(k - 1) != '\n' && ++lines > TITLE_LINE) {
                    return false;
                }
            }
            int first = v.tokenAtOrAfter(m.start(), 0);
            int lineStart = lineStartToken(v, first);
            if (lineStart < 0 || !nameOnly(d, lineStart, first)) {
                return false;
            }
            int lineEnd = text.indexOf('\n', m.end());
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (lineEnd - m.end() > TITLE_REACH) {
                return false;
            }
            String line = text.substring(v.start(lineStart), lineEnd);
            return line.equals(line.toUpperCase(java.util.Locale.ROOT)) && line.chars().anyMatch(Character::isLetter);
        }

        /**
         * The line that names the page's source: a `source` lead ("Nguồn: Từ", "(Nguồn:"), the document
         * (its type name and "số" may stand outside its mention), then only its date.
         */
        private boolean sourceSymbol(int d, Mention m) {
            int first = v.tokenAtOrAfter(m.start(), 0);
            int lineStart = lineStartToken(v, first);
            if (lineStart < 0) {
                return false;
            }
            int p = lineStart;
            if (is(v, p, "(")) {
                p++;
            }
            int afterLead = -1;
            for (RelationRules.Phrase ph : rules.source) {
                if (p + ph.words().size() <= first && tokensMatch(ph.words(), p)) {
                    afterLead = p + ph.words().size();
                    break;
                }
            }
            if (afterLead < 0 || !nameOnly(d, afterLead, first)) {
                return false;
            }
            int after = v.tokenAtOrAfter(m.end(), first);
            for (int k = after; k < v.size() && !(k > after && v.newlineBefore(k)); k++) {
                String w = word(v, k).w();
                if (k - after >= SOURCE_TAIL || !(w.equals("#") || w.equals(ngay) || dateUnits.contains(w)
                        || w.equals(")") || w.equals(".") || w.equals(","))) {
                    return false;
                }
            }
            return true;
        }

        /** Tokens {@code [from, to)} are nothing, or document {@code d}'s type name with "số" or ":" after it. */
        private boolean nameOnly(int d, int from, int to) {
            int k = to;
            while (k > from && (word(v, k - 1).w().equals(so) || word(v, k - 1).w().equals(":"))) {
                k--;
            }
            List<String> type = typeWords.get(d);
            if (k - from == type.size() && k > from) {
                return tokensMatch(type, from);
            }
            return k == from && k == to;
        }

        private boolean tokensMatch(List<String> phrase, int at) {
            for (int i = 0; i < phrase.size(); i++) {
                if (at + i >= v.size() || !word(v, at + i).w().equals(phrase.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean is(TokenView view, int i, String w) {
            return i < view.size() && word(view, i).w().equals(w);
        }

        private static final int HEADER_REACH = 32;
        /** How far into the text a glued "Số: …" header may stand. */
        private static final int HEADER_OPENING = 400;

        /** "Số: 594/KH-UBND" alone on its line: the symbol of the document the page is. */
        private static boolean headerSymbol(String text, Mention m) {
            if (glued(text, m)) {
                return true;
            }
            // the line is read at most HEADER_REACH chars either side: a mention on a long line is no header,
            // and reading the whole line for each mention would be quadratic on a text of one line
            int lineStart = m.start();
            while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
                if (m.start() - lineStart >= HEADER_REACH) {
                    return false;
                }
                lineStart--;
            }
            int lineEnd = m.end();
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n') {
                if (lineEnd - m.end() >= HEADER_REACH) {
                    return false;
                }
                lineEnd++;
            }
            String before = Fold.fold(text.substring(lineStart, m.start()));
            String after = Fold.fold(text.substring(m.end(), lineEnd));
            return before.equals(SO) && after.isEmpty();
        }

        /**
         * "***Số: 367 - QĐ/TWĐTN-VP" in a page whose header lost its line breaks: a capital "Số:" with its
         * colon, right before the symbol, and not after a letter or digit; in the page's opening only.
         */
        private static boolean glued(String text, Mention m) {
            if (m.start() > HEADER_OPENING) {
                return false;
            }
            int k = m.start();
            while (k > 0 && text.charAt(k - 1) == ' ') {
                k--;
            }
            if (k < 3 || text.charAt(k - 1) != ':' || !text.startsWith("Số", k - 3)) {
                return false;
            }
            return k - 3 == 0 || !Character.isLetterOrDigit(text.charAt(k - 4));
        }

        /** Two documents of one type and issuer ("Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW"). */
        boolean sameKind(String id1, String id2) {
            DocumentReference a = byId(id1);
            DocumentReference b = byId(id2);
            return a != null && b != null && java.util.Objects.equals(a.type(), b.type())
                    && java.util.Objects.equals(a.issuerCode(), b.issuerCode());
        }

        private DocumentReference byId(String id) {
            for (DocumentReference d : docs) {
                if (d.id().equals(id)) {
                    return d;
                }
            }
            return null;
        }

        /** The document one of whose mentions starts at char {@code start}, or null. */
        DocumentReference mentionAt(int start) {
            return mentionStarts.get(start);
        }

        /** The type name of document {@code d} in folded words. */
        List<String> type(int d) {
            return typeWords.get(d);
        }

        /** The documents whose type name starts with this folded word, in order (most words start none). */
        List<Integer> typesStartingWith(String word) {
            return byFirstTypeWord.getOrDefault(word, List.of());
        }
    }

    private static final class Found {
        final String from;
        final String type;
        final String to;
        final List<Mention> mentions = new ArrayList<>();
        /** The mentions already kept: a statement repeated thousands of times is checked in constant time. */
        final java.util.Set<Mention> seen = new java.util.HashSet<>();

        Found(String from, String type, String to) {
            this.from = from;
            this.type = type;
            this.to = to;
        }
    }

    /**
     * A relation whose phrase ends a sentence ("… đã được sửa đổi, bổ sung bởi:") and whose other
     * documents are the items of the sentences right after it ("1. Nghị định số 30/2017/NĐ-CP …; 2. …").
     * One per call of {@link #extract}: local to it, never shared.
     */
    private static final class Pending {
        Sentence after;
        String id;
        Link link;
        int start;

        void clear() {
            after = null;
            id = null;
            link = null;
        }
    }

    private void sentence(Article art, Sentence s, List<Cited> raw, Map<String, Found> out, Pending pending) {
        AnalyzedText t = art.t;
        TokenView v = art.v;
        int base = v.tokenAtOrAfter(s.start(), 0);
        int end = v.tokenAtOrAfter(s.end(), base);
        List<Word> words = new ArrayList<>(end - base);
        for (int k = base; k < end; k++) {
            words.add(word(v, k));
        }
        List<Cited> cited = new ArrayList<>(raw.size() + 2);
        for (Cited c : raw) {
            int first = v.tokenAtOrAfter(c.start(), base) - base;
            int after = v.tokenAtOrAfter(c.end(), base) - base;
            if (first < after) {
                cited.add(new Cited(c.start(), c.end(), c.id(), first, after));
            }
        }
        pointers(art, s, base, words, cited);
        aliases(art, words, cited);
        boolean item = false;
        if (pending.after != null && !cited.isEmpty() && pending.after.equals(previous(t, s))
                && opens(words, cited.get(0).first())) {
            int k = 0;
            do { // "1. Nghị định số 30/2017/NĐ-CP …" and the documents listed with it
                Cited c = cited.get(k);
                String from = pending.link.reverse ? c.id() : pending.id;
                String to = pending.link.reverse ? pending.id : c.id();
                add(out, t.text(), from, pending.link.relation, to, pending.start, c.end());
                k++;
            } while (k < cited.size() && joined(words, cited.get(k - 1).after(), cited.get(k).first()));
            item = true;
        }
        Link dangling = cited.isEmpty() ? null : dangling(words, cited.get(cited.size() - 1));
        if (dangling != null) {
            Cited last = cited.get(cited.size() - 1);
            pending.after = s;
            pending.id = last.id();
            pending.link = dangling;
            pending.start = last.start();
        } else if (item) {
            pending.after = s; // the next item continues the list
        } else {
            pending.clear();
        }
        subjectless(art, s, words, cited, out);
        expiredNext(art, s, words, cited, out);
        if (cited.size() < 2) {
            if (cited.size() == 1) {
                // the page's own document may carry it out ("…; Ủy ban nhân dân huyện có ý kiến như sau:"), or the one
                // the next sentence issues
                fronted(art, s, words, cited, out);
            }
            return;
        }
        int n = cited.size();
        // the document whose forward phrase names each one ("Thông tư A sửa đổi Thông tư X …"), for a phrase
        // coordinated after it ("… và bãi bỏ Thông tư Y": A amends Y too)
        Cited[] carrier = new Cited[n];
        // a phrase between two neighbouring documents, and the list that continues after the second
        for (int i = 0; i + 1 < n; i++) {
            if (carrier[i] != null) {
                Link c = coordinated(words, cited.get(i), cited.get(i + 1));
                if (c != null) {
                    Cited a = carrier[i];
                    Cited b = cited.get(i + 1);
                    add(out, t.text(), a.id(), c.relation, b.id(), a.start(), b.end());
                    carrier[i + 1] = a;
                    continue;
                }
            }
            Link l = between(words, cited.get(i).after(), cited.get(i + 1).first(), heads(words, cited.get(i)));
            if (l != null && !l.reverse && basis(words, cited.get(i), cited.get(i + 1).first())) {
                l = null;
            }
            if (l == null) {
                l = purpose(words, cited.get(i), cited.get(i + 1));
            }
            if (l == null) {
                l = means(words, cited.get(i), cited.get(i + 1));
            }
            if (l == null) {
                l = expiry(words, cited, i);
            }
            if (l == null) {
                continue;
            }
            Cited a = cited.get(i);
            if (l.reverse && !l.described) {
                // "Nghị định số 55 và Nghị định số 56 hết hiệu lực kể từ ngày Nghị định này có hiệu lực": the
                // documents listed right before the first one are ended (carried out, changed) with it
                for (int k = i - 1; k >= 0 && !cited.get(k).pointer()
                        && joined(words, cited.get(k).after(), cited.get(k + 1).first()); k--) {
                    Cited b = cited.get(i + 1);
                    add(out, t.text(), b.id(), l.relation, cited.get(k).id(), cited.get(k).start(), b.end());
                }
            }
            // "ban hành Kế hoạch số 74-KH/TU và Kế hoạch số 75-KH/TU thực hiện Kết luận số 21-KL/TW": the documents
            // issued in one list with the first before a forward phrase state it too
            List<Cited> listed = l.reverse ? List.of() : issuedWith(words, cited, i);
            for (int j = i + 1; j < n; j++) {
                Cited b = cited.get(j);
                if (j > i + 1 && !joined(words, cited.get(j - 1).after(), b.first())) {
                    break;
                }
                if (j > i + 1 && j + 1 < n) {
                    Link own = between(words, b.after(), cited.get(j + 1).first(), heads(words, b));
                    if (own != null && !own.described) {
                        break; // "…, Kế hoạch C thực hiện …": C starts a relation of its own, not the list's
                    }
                }
                if (j > i + 1 && l.relation.equals("implements") && !art.sameKind(cited.get(i + 1).id(), b.id())) {
                    break; // "thực hiện Kết luận số 21-KL/TW và Quy định 37-QĐ/TW …": a list of its own, not what is carried out
                }
                Cited from = l.reverse ? b : a;
                Cited to = l.reverse ? a : b;
                add(out, t.text(), from.id(), l.relation, to.id(), Math.min(a.start(), b.start()), Math.max(a.end(), b.end()));
                for (Cited h : listed) {
                    add(out, t.text(), h.id(), l.relation, b.id(), h.start(), b.end());
                }
                if (!l.reverse) {
                    carrier[j] = a;
                }
            }
        }
        if (n >= 2) {
            purposeAfter(words, cited, out, t.text());
        }
        fronted(art, s, words, cited, out);
    }

    /**
     * A sentence without a subject that opens with an `amends` phrase ("Bãi bỏ Quyết định số 955/1998/QĐ-BLĐTBXH
     * …, Quyết định số 999/1999/QĐ-BLĐTBXH … và …"), right after a sentence whose subject is a document
     * ("Quyết định được đăng Công báo …, có hiệu lực thi hành từ 15/2/2009.", "Quyết định số 68/2008/QĐ-BLĐTBXH
     * có hiệu lực …"): that document amends each one listed.
     */
    private void subjectless(Article art, Sentence s, List<Word> words, List<Cited> cited, Map<String, Found> out) {
        if (cited.isEmpty() || cited.get(0).pointer()) {
            return;
        }
        int p = afterBullet(words, 0);
        // "Điều 1. Sửa đổi, bổ sung …": an article of the page's own document (its "Số:" header) opens the sentence
        boolean article = false;
        if (art.self != null && is(words, p, dieu) && is(words, p + 1, "#") && p + 2 < words.size()
                && (is(words, p + 2, ".") || is(words, p + 2, ":"))) {
            p += 3;
            article = true;
        } else if (art.self != null && p == 0) {
            Sentence prev = previous(art.t, s); // "Điều 1." read as a sentence of its own
            if (prev != null) {
                int base = art.v.tokenAtOrAfter(prev.start(), 0);
                int end = art.v.tokenAtOrAfter(prev.end(), base);
                article = end - base == 3 && word(art.v, base).w().equals(dieu) && word(art.v, base + 1).w().equals("#")
                        && (word(art.v, base + 2).w().equals(".") || word(art.v, base + 2).w().equals(":"));
            }
        }
        if (p >= words.size() || !words.get(p).capital()) {
            return;
        }
        int q = -1;
        for (RelationRules.Phrase ph : rules.forward) { // longest first
            if (ph.relation().equals("amends") && p + ph.words().size() <= words.size() && matches(ph.words(), words, p)) {
                q = p + ph.words().size();
                break;
            }
        }
        if (q < 0) {
            return;
        }
        Cited first = cited.get(0);
        int afterPhrase = q;
        while (q < first.first() && q - p <= MAX_TAIL + MAX_NAMED
                && (rules.tail.contains(words.get(q).w()) || words.get(q).capital() || rules.named.contains(words.get(q).w()))) {
            q++;
        }
        if (q != first.first() && !(article && tailThenRegulation(words, afterPhrase, first.first()))) {
            return;
        }
        DocumentReference from = subjectOfPrevious(art, s);
        if (from == null && article) {
            from = art.self;
        }
        if (from == null || from.id().equals(first.id())) {
            return;
        }
        int k = 0;
        do {
            Cited c = cited.get(k);
            add(out, art.t.text(), from.id(), "amends", c.id(), s.start(), c.end());
            k++;
        } while (k < cited.size() && !cited.get(k).pointer() && joined(words, cited.get(k - 1).after(), cited.get(k).first()));
    }

    /**
     * A sentence that opens with documents (after one `tail` word: "Các Quyết định số …") that an `expire` phrase
     * ends after their date and issuer, right after a sentence whose subject is a document that takes effect (an
     * `effective` phrase after it): "Quyết định này có hiệu lực kể từ ngày ký. Quyết định số 72/2014/QĐ-UBND … hết
     * hiệu lực." That document amends each one.
     */
    private void expiredNext(Article art, Sentence s, List<Word> words, List<Cited> cited, Map<String, Found> out) {
        if (cited.isEmpty() || cited.get(0).pointer()) {
            return;
        }
        int p = afterBullet(words, 0);
        if (p < words.size() && cited.get(0).first() == p + 1 && rules.tail.contains(words.get(p).w())) {
            p++;
        }
        if (cited.get(0).first() != p) {
            return;
        }
        int k = 0;
        while (k + 1 < cited.size() && !cited.get(k + 1).pointer() && joined(words, cited.get(k).after(), cited.get(k + 1).first())) {
            k++;
        }
        Cited last = cited.get(k);
        boolean expires = false;
        for (int q = last.after(); q < words.size() && q - last.after() <= MAX_ATTACHED; q++) {
            if (matchAt(rules.expire, words, q) > q) {
                expires = attached(words, last.after(), q);
                break;
            }
        }
        if (!expires) {
            return;
        }
        DocumentReference from = subjectOfPrevious(art, s);
        if (from == null || !takesEffect(art, previous(art.t, s))) {
            return;
        }
        for (int c = 0; c <= k; c++) {
            if (!cited.get(c).id().equals(from.id())) {
                add(out, art.t.text(), from.id(), "amends", cited.get(c).id(), s.start(), cited.get(c).end());
            }
        }
    }

    /** The most words between a sentence's opening document and its `effective` phrase ("này", its date and issuer). */
    private static final int MAX_EFFECT_REACH = 12;

    /** Sentence {@code prev} states that its opening document takes effect: an `effective` phrase among its first words. */
    private boolean takesEffect(Article art, Sentence prev) {
        TokenView v = art.v;
        int base = v.tokenAtOrAfter(prev.start(), 0);
        int end = v.tokenAtOrAfter(prev.end(), base);
        List<Word> words = wordsFrom(v, base, end, MAX_EFFECT_REACH + MAX_NAMED);
        for (int q = 1; q < words.size(); q++) {
            if (matchAt(rules.effective, words, q) > q) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words {@code [from, to)} are `tail` words, then a regulation named by its title and the `carrier` of the
     * document at {@code to}: "một số điều của Quy chế làm việc ban hành kèm theo" (Quyết định số 72/2014/QĐ-UBND).
     */
    private boolean tailThenRegulation(List<Word> words, int from, int to) {
        int title = carriedRegulation(words, from - 1, to);
        if (title < from) {
            return false;
        }
        for (int k = from; k < title; k++) {
            if (!rules.tail.contains(words.get(k).w())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The document the sentence before {@code s} is about: one that opens it, by its symbol ("Quyết định số
     * 68/2008/QĐ-BLĐTBXH có hiệu lực …") or by its bare type name, capitalised ("Quyết định được đăng Công báo
     * …", "Quyết định này có hiệu lực …": the last of that type named before, or the page's own); else null.
     */
    private DocumentReference subjectOfPrevious(Article art, Sentence s) {
        Sentence prev = previous(art.t, s);
        if (prev == null) {
            return null;
        }
        TokenView v = art.v;
        int base = v.tokenAtOrAfter(prev.start(), 0);
        int end = v.tokenAtOrAfter(prev.end(), base);
        int p = base;
        while (p < end && p - base < 3 && !word(v, p).w().equals("#") && !Character.isLetter(word(v, p).w().codePointAt(0))) {
            p++;
        }
        if (p >= end || !word(v, p).capital()) {
            return null;
        }
        DocumentReference opening = art.mentionAt(v.start(p));
        if (opening != null) {
            return opening;
        }
        for (int d : art.typesStartingWith(word(v, p).w())) {
            List<String> type = art.type(d);
            if (p + type.size() >= end) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < type.size() && match; k++) {
                match = word(v, p + k).w().equals(type.get(k));
            }
            String after = word(v, p + type.size()).w();
            if (match && !after.equals("#") && !rules.named.contains(after)) {
                return lastOfTypeBefore(art, type, v.start(p));
            }
        }
        return null;
    }

    /**
     * The documents listed before {@code cited[i]} ("Kế hoạch số 74-KH/TU và Kế hoạch số 75-KH/TU"), when
     * the list's first is issued right before it ("ban hành Kế hoạch số 74-KH/TU và …"); else none.
     */
    private List<Cited> issuedWith(List<Word> words, List<Cited> cited, int i) {
        int k = i;
        while (k > 0 && !cited.get(k - 1).pointer() && joined(words, cited.get(k - 1).after(), cited.get(k).first())) {
            k--;
        }
        if (k == i || !issuedRightBefore(words, cited.get(k).first())) {
            return List.of();
        }
        return cited.subList(k, i);
    }

    /**
     * "Thông tư A sửa đổi, bổ sung Thông tư X và bãi bỏ Thông tư Y": after {@code x} (the object of a
     * forward phrase), its date and issuer, a joining word and right after it a forward phrase of its own
     * (and tail words) before {@code y}: the relation of that phrase, from the same document. Null if not.
     */
    private Link coordinated(List<Word> words, Cited x, Cited y) {
        for (int j = x.after(); j < y.first(); j++) {
            if (!rules.join.contains(words.get(j).w())) {
                continue;
            }
            if (!attached(words, x.after(), j) || matchAt(rules.forward, words, j + 1) < 0) {
                continue;
            }
            Link l = between(words, j + 1, y.first(), false);
            return l == null || l.reverse ? null : l;
        }
        return null;
    }

    /**
     * "Sau khi Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số
     * 45-KH/TU để triển khai thực hiện.": the second document of the sentence is issued, and its purpose (an
     * `opener` and an `implements` phrase) ends the clause with no object of its own: it carries out the
     * first, the only document named before it.
     */
    private void purposeAfter(List<Word> words, List<Cited> cited, Map<String, Found> out, String text) {
        Cited b = cited.get(0);
        Cited a = cited.get(1);
        if (b.pointer() || a.pointer() || !issuedRightBefore(words, a.first())) {
            return;
        }
        int limit = cited.size() > 2 ? cited.get(2).first() : words.size();
        for (int o = a.after(); o < limit && o - a.after() <= MAX_ATTACHED; o++) {
            int afterOpener = matchAt(rules.opener, words, o);
            if (afterOpener < 0) {
                continue;
            }
            if (!attached(words, a.after(), o)) {
                return;
            }
            int p = -1;
            for (RelationRules.Phrase ph : rules.forward) { // longest first
                if (ph.relation().equals("implements") && afterOpener + ph.words().size() <= words.size()
                        && matches(ph.words(), words, afterOpener)) {
                    p = afterOpener + ph.words().size();
                    break;
                }
            }
            if (p < 0) {
                return;
            }
            if (p == words.size() || CLAUSE_END.contains(words.get(p).w())) {
                add(out, text, a.id(), "implements", b.id(), b.start(), a.end());
            }
            return;
        }
    }

    /** What ends a clause after a purpose with no object ("… để triển khai thực hiện."). */
    private static final Set<String> CLAUSE_END = Set.of(".", ";", "!");

    /**
     * Adds the places where a sentence points at a document without its number: "Chỉ thị này" (the
     * last Chỉ thị cited before, else the page's own), "… ban hành Kế hoạch tổ chức thực hiện" (a bare
     * type name issued: the page's own document), and a sentence right after the page's title line
     * ("KẾ HOẠCH" / "THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG …": the page's own document carries it out).
     */
    private void pointers(Article art, Sentence s, int base, List<Word> words, List<Cited> cited) {
        int n = words.size();
        List<Cited> more = new ArrayList<>();
        int[] citedFrom = {0};
        for (int i = 0; i < n; i++) {
            if (citedAt(cited, i, citedFrom) >= 0) {
                continue;
            }
            for (int d : art.typesStartingWith(words.get(i).w())) {
                List<String> type = art.type(d);
                if (type.isEmpty() || i + type.size() > n || !matchesWords(type, words, i)) {
                    continue;
                }
                int after = i + type.size();
                DocumentReference target = null;
                int end = after;
                if (after < n && rules.self.contains(words.get(after).w())) {
                    target = lastOfTypeBefore(art, type, art.v.start(base + i));
                    end = after + 1;
                    // "Nghị định 55/2019/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực": not the one this
                    // clause just named, but the one named before the sentence ("…; cụ thể hóa Nghị quyết này, …"
                    // after a semicolon is the one named before it)
                    if (target != null && art.self == null && citedInClause(cited, words, i, target.id())) {
                        target = lastOfTypeBefore(art, type, s.start());
                        if (target != null && citedBefore(cited, i, target.id())) {
                            target = null;
                        }
                    }
                } else if (after < n && (words.get(after).w().equals("#") || rules.named.contains(words.get(after).w()))) {
                    target = null; // "Quyết định số …", "Kế hoạch phối hợp …": a document's own name
                } else if (issuedRightBefore(words, i) && art.self != null && type.equals(typeOf(art, art.self))) {
                    target = art.self;
                } else if (words.get(i).capital() && (after >= n || !")".equals(words.get(after).w()))
                        && art.aliases.containsKey(type)) {
                    target = art.aliases.get(type); // "(Quy định); … Quy định có hiệu lực … và thay thế …"
                } else if (words.get(i).capital() && (after >= n || BARE_END.contains(words.get(after).w()))
                        && carriedOutHere(words, i)) {
                    // "Để triển khai thực hiện Nghị quyết, Tỉnh ủy …": the last document of the type named before
                    target = lastOfTypeBefore(art, type, art.v.start(base + i));
                    end = after;
                } else if (words.get(i).capital() && opensAfterLead(words, i) && linkFollows(words, after)) {
                    // "… đã ban hành Kế hoạch số 30-KH/TU. Kế hoạch nhằm triển khai thực hiện Nghị quyết số 57-NQ/TW": a bare
                    // type name opening the sentence (after a `lead`) before a phrase is the one of its type named last
                    target = lastOfTypeBefore(art, type, art.v.start(base + i));
                } else if (words.get(i).capital() && opens(words, i) && after < n && matchClause(words, after) > after) {
                    // "… ban hành Quyết định số 10/2019/QĐ-UBND …. Quyết định có hiệu lực kể từ ngày 26/6/2019 và
                    // thay thế …": a bare type name opening the sentence before a `clause` is the one just named
                    target = lastOfTypeBefore(art, type, art.v.start(base + i));
                } else if (words.get(i).capital() && opens(words, i) && after < n && art.self != null
                        && type.equals(typeOf(art, art.self))) {
                    target = art.self; // the page's title: "Nghị quyết Ban hành Kế hoạch … thực hiện Nghị quyết số 36-NQ/TW"
                }
                if (target != null) {
                    more.add(new Cited(art.v.start(base + i), art.v.end(base + end - 1), target.id(), i, end, true));
                    i = end - 1;
                    break;
                }
            }
        }
        if (art.self != null && !cited.isEmpty()) {
            Sentence prev = previous(art.t, s);
            if (prev != null && titleOf(art, prev)) {
                more.add(new Cited(prev.start(), prev.end(), art.self.id(), 0, 0, true));
            }
        }
        if (!more.isEmpty()) {
            cited.addAll(more);
            cited.sort(Comparator.comparingInt(Cited::first).thenComparingInt(Cited::after));
        }
    }

    /**
     * Document {@code a} is the legal basis a sentence opens with, and the phrase before token {@code to}
     * belongs to the actor a comma and a capital open: "Căn cứ Quyết định số 12/QĐ-UBND, UBND tỉnh thực hiện Kế
     * hoạch số 5" (the basis is no relation).
     */
    private boolean basis(List<Word> words, Cited a, int to) {
        int k = a.first();
        while (k > 0 && a.first() - k < MAX_NAMED && (words.get(k - 1).capital() || rules.named.contains(words.get(k - 1).w()))) {
            k--;
        }
        if (k < 2 || !is(words, k - 2, can) || !is(words, k - 1, cu)) {
            return false;
        }
        for (int p = a.after(); p < to; p++) {
            if (words.get(p).w().equals(",") && p + 1 < to && words.get(p + 1).capital() && !is(words, p + 1, ngay)) {
                return true;
            }
        }
        return false;
    }

    /** A document of {@code cited} before token {@code i} has this id. */
    private static boolean citedBefore(List<Cited> cited, int i, String id) {
        for (Cited c : cited) {
            if (c.first() < i && c.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** A document of {@code cited} before token {@code i} and after the last semicolon before it has this id. */
    private static boolean citedInClause(List<Cited> cited, List<Word> words, int i, String id) {
        int clause = i;
        while (clause > 0 && !words.get(clause - 1).w().equals(";")) {
            clause--;
        }
        for (Cited c : cited) {
            if (c.first() >= clause && c.first() < i && c.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Words after which a type name stands alone ("thực hiện Nghị quyết, …"). */
    private static final Set<String> BARE_END = Set.of(",", ";", ".");

    /** An `implements` phrase (forward or fronted) ends right before word {@code i}. */
    private boolean carriedOutHere(List<Word> words, int i) {
        return implementsEndsAt(rules.forward, words, i) || implementsEndsAt(rules.fronted, words, i);
    }

    /** An `implements` phrase of {@code phrases} ends right before word {@code i}. */
    private static boolean implementsEndsAt(List<RelationRules.Phrase> phrases, List<Word> words, int i) {
        for (RelationRules.Phrase ph : phrases) {
            int start = i - ph.words().size();
            if (ph.relation().equals("implements") && start >= 0 && matches(ph.words(), words, start)) {
                return true;
            }
        }
        return false;
    }

    /** Only bullets, numbers and punctuation, or a `lead` ("Theo đó,"), stand before word {@code i} of the sentence. */
    private boolean opensAfterLead(List<Word> words, int i) {
        return opens(words, i) || matchAt(rules.lead, words, 0) == i;
    }

    /**
     * A `forward` phrase follows from word {@code at}, after at most {@link #MAX_TAIL} attachable words but a comma
     * ("nhằm", "được ban hành nhằm", "để"): "Kế hoạch nhằm triển khai thực hiện Nghị quyết …".
     */
    private boolean linkFollows(List<Word> words, int at) {
        for (int k = at; k < words.size() && k - at <= MAX_TAIL; k++) {
            if (matchAt(rules.forward, words, k) > k) {
                return true;
            }
            if (!rules.attach.contains(words.get(k).w()) || words.get(k).w().equals(",")) {
                return false;
            }
        }
        return false;
    }

    /** Only bullets, numbers and punctuation stand before word {@code i} of the sentence. */
    private static boolean opens(List<Word> words, int i) {
        for (int k = 0; k < i; k++) {
            String w = words.get(k).w();
            if (!w.equals("#") && Character.isLetter(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records the short names given in this sentence: a type name in brackets right after a document
     * and its subject, after an optional `alias` lead ("Quy định số 69-QĐ/TW về … (Quy định);",
     * "(sau đây gọi tắt là Nghị định)"), standing for that document in later sentences.
     */
    private void aliases(Article art, List<Word> words, List<Cited> cited) {
        int c = -1;
        for (int i = 0; i < words.size(); i++) {
            while (c + 1 < cited.size() && cited.get(c + 1).after() <= i) {
                c++;
            }
            if (c < 0 || !words.get(i).w().equals("(") || i - cited.get(c).after() > MAX_SUBJECT + MAX_ATTACHED) {
                continue;
            }
            int p = i + 1;
            int afterLead = matchAt(rules.alias, words, p);
            if (afterLead > p) {
                p = afterLead;
            }
            DocumentReference doc = art.byId(cited.get(c).id());
            List<String> type = doc == null ? List.of() : typeOf(art, doc);
            if (!type.isEmpty() && p + type.size() < words.size() && words.get(p).capital()
                    && matchesWords(type, words, p) && words.get(p + type.size()).w().equals(")")) {
                art.aliases.put(type, doc);
            }
        }
    }

    /**
     * The index of the cited document whose tokens hold {@code tok}, or -1; {@code from} is where the
     * previous call for a smaller token left off, so a sentence's words are checked in one pass
     * (cited is sorted and its ranges do not overlap).
     */
    private static int citedAt(List<Cited> cited, int tok, int[] from) {
        int c = from[0];
        while (c < cited.size() && cited.get(c).after() <= tok) {
            c++;
        }
        from[0] = c;
        return c < cited.size() && cited.get(c).first() <= tok ? c : -1;
    }

    private static List<String> typeOf(Article art, DocumentReference doc) {
        return art.type(art.docs.indexOf(doc));
    }

    /**
     * The document "Quyết định này" points at: the page's own when it is of this type (in the articles
     * of a Quyết định, "Quyết định này thay thế Quyết định số 1836" is the page's), else the one of
     * this type cited last before {@code charIndex}.
     */
    private static DocumentReference lastOfTypeBefore(Article art, List<String> type, int charIndex) {
        if (art.self != null && typeOf(art, art.self).equals(type)) {
            return art.self;
        }
        java.util.TreeMap<Integer, DocumentReference> ofType = art.mentionsOfType.get(type);
        Map.Entry<Integer, DocumentReference> last = ofType == null ? null : ofType.lowerEntry(charIndex);
        DocumentReference best = last == null ? null : last.getValue();
        if (best == null && art.self != null && typeOf(art, art.self).equals(type)) {
            return art.self;
        }
        return best;
    }

    /** A sentence that is only the page's own type name: its title line ("KẾ HOẠCH"). */
    private boolean titleOf(Article art, Sentence prev) {
        String folded = key(art.t.text(prev));
        String type = String.join(" ", typeOf(art, art.self));
        if (folded.isEmpty() || type.isEmpty()) {
            return false;
        }
        if (folded.equals(type)) {
            return true;
        }
        // "CHƯƠNG TRÌNH HÀNH ĐỘNG": the type name and a few more words, all in capitals
        String raw = art.t.text(prev).strip();
        return folded.startsWith(type + " ") && folded.split(" ").length <= type.split(" ").length + MAX_TITLE_EXTRA
                && raw.equals(raw.toUpperCase(java.util.Locale.ROOT));
    }

    private static Sentence previous(AnalyzedText t, Sentence s) {
        List<Sentence> all = t.sentences();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).start() < s.start()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo - 1 >= 0 ? all.get(lo - 1) : null;
    }

    private static boolean matchesWords(List<String> phrase, List<Word> words, int at) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!words.get(at + k).w().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** "Thực hiện B (và B2), … ban hành A (và A2)": each A implements each B. */
    private void fronted(Article art, Sentence s, List<Word> words, List<Cited> cited, Map<String, Found> out) {
        AnalyzedText t = art.t;
        frontedAt(art, s, words, cited, 0, out);
        // "…; cụ thể hóa Nghị quyết này, Chính phủ ban hành Nghị định số 100/TTg …": a clause after a semicolon,
        // with the documents up to the next semicolon
        int c0 = 0; // cited is sorted: each clause's documents are found from where the last clause's ended
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).w().equals(";")) {
                continue;
            }
            int next = k + 1;
            while (next < words.size() && !words.get(next).w().equals(";")) {
                next++;
            }
            // "…; thực hiện Kế hoạch số 12-KH/TU …; Ban Thường vụ Huyện ủy ban hành Kế hoạch số 45-KH/HU": the clause
            // after the next semicolon issues the document that carries those of this clause out
            if (next < words.size() && issuesAt(words, next + 1) > 0) {
                next++;
                while (next < words.size() && !words.get(next).w().equals(";")) {
                    next++;
                }
            }
            while (c0 < cited.size() && cited.get(c0).first() <= k) {
                c0++;
            }
            List<Cited> clause = new ArrayList<>();
            for (int c = c0; c < cited.size() && cited.get(c).after() <= next; c++) {
                clause.add(cited.get(c));
            }
            if (clause.size() >= 2) {
                frontedAt(art, s, words, clause, k + 1, out);
            }
        }
    }

    private void frontedAt(Article art, Sentence s, List<Word> words, List<Cited> cited, int clauseStart, Map<String, Found> out) {
        AnalyzedText t = art.t;
        int p = afterBullet(words, clauseStart); // "- Thực hiện …"
        if (clauseStart == 0) {
            p = afterOutletTag(words, p);
        }
        if ((is(words, p, ngay) || is(words, p, nam)) && is(words, p + 1, "#")) { // "Ngày 12/3/2022, thực hiện …", "Năm 2024, …"
            int q = p + 2;
            while (q < words.size() && q < p + 6 && !is(words, q, ",")) {
                q++;
            }
            p = is(words, q, ",") ? q + 1 : p;
        }
        // "Theo đó, để triển khai …": a lead-in, then a purpose; "Học tập, quán triệt và triển khai thực hiện …": the
        // activities before the phrase
        for (int o = 0; o < MAX_OPENERS; o++) {
            int afterOpener = matchAt(rules.opener, words, p);
            if (afterOpener < 0) {
                break;
            }
            p = afterOpener;
        }
        int afterPhrase = matchAt(rules.fronted, words, p);
        if (afterPhrase >= 0 && clauseStart == 0 && cited.size() > 1 && cited.get(0).pointer() && cited.get(0).after() == 0) {
            // the page's title line right before ("HƯỚNG DẪN" / "Thực hiện Hướng dẫn số 101 …; Kế hoạch số 199 …"): the
            // documents the sentence opens with are still read as a list carried out, of any kinds
            cited = cited.subList(1, cited.size());
        }
        if (afterPhrase < 0 || cited.isEmpty()) {
            return;
        }
        int q = afterPhrase;
        // "thực hiện có hiệu quả", "thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại", "thực hiện Nghị quyết Đại hội
        // XIII của Đảng và": tail words, an issuer, a title-only document listed first
        while (q < cited.get(0).first() && q - afterPhrase < MAX_TAIL + MAX_AGENT + MAX_NAMED) {
            Word w = words.get(q);
            if (titleRunEnd(words, q, cited.get(0).first()) > 0) {
                q = cited.get(0).first();
            } else if (rules.tail.contains(w.w()) || actorWord(w)
                    || rules.named.contains(w.w()) && cited.get(0).first() - q <= MAX_NAMED) {
                q++;
            } else {
                break;
            }
        }
        if (q != cited.get(0).first()) {
            return;
        }
        List<Cited> carriedOut = new ArrayList<>(List.of(cited.get(0)));
        int b = 1;
        while (b < cited.size()) {
            if (joined(words, cited.get(b - 1).after(), cited.get(b).first()) && !issuedAfter(words, cited.get(b))) {
                carriedOut.add(cited.get(b++));
            } else if (b + 1 < cited.size() && inSubject(art, words, cited.get(b - 1), cited.get(b), cited.get(b + 1))
                    && !issuedAfter(words, cited.get(b + 1))) {
                carriedOut.add(cited.get(b + 1)); // "… Kết luận số 121-KL/TW về tổng kết Nghị quyết số 18-NQ/TW và Kết luận số 126-KL/TW"
                b += 2;
            } else if (nested(words, cited.get(b - 1), cited.get(b))) {
                // "Thực hiện …; Kế hoạch số 30-KH/ĐUK … về triển khai thực hiện Đề án số 05-ĐA/TU … (sau đây viết tắt là
                // Đề án số 05-ĐA/TU); Quyết định số 08/2022/QĐ-UBND …": the list goes on after the semicolon
                int c = b + 1;
                while (c < cited.size() && cited.get(c).id().equals(cited.get(b).id())) {
                    c++;
                }
                if (c < cited.size() && joinedBySemicolon(words, cited.get(c - 1).after(), cited.get(c).first())
                        && !issuedAfter(words, cited.get(c))) {
                    carriedOut.add(cited.get(c));
                    b = c + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        int sentenceStart = startOfSentence(t, cited.get(0));
        boolean issued = false;
        int j = b;
        while (j < cited.size()) {
            Cited a = cited.get(j);
            if (!issuedRightBefore(words, a.first()) && !issuedAfter(words, a)) {
                j++;
                continue;
            }
            int k = j;
            do {
                Cited from = cited.get(k);
                for (Cited to : carriedOut) {
                    add(out, t.text(), from.id(), "implements", to.id(), sentenceStart, from.end());
                }
                issued = true;
                k++;
            } while (k < cited.size() && joined(words, cited.get(k - 1).after(), cited.get(k).first()));
            j = k;
        }
        if (!issued && clauseStart == 0 && b == cited.size()) {
            directed(art, s, words, carriedOut, out);
            issuedNext(art, s, words, carriedOut, out);
        }
    }

    /**
     * A document {@code b} inside the "về …" subject of {@code a}, and {@code c}, of {@code a}'s kind and
     * not {@code b}'s, joined after it: "Kết luận số 121-KL/TW … về tổng kết Nghị quyết số 18-NQ/TW … và Kết
     * luận số 126-KL/TW": {@code c} is listed with {@code a}, {@code b} is only what {@code a} is about.
     */
    private boolean inSubject(Article art, List<Word> words, Cited a, Cited b, Cited c) {
        if (!joined(words, b.after(), c.first()) || !art.sameKind(a.id(), c.id()) || art.sameKind(b.id(), c.id())) {
            return false;
        }
        for (int v = a.after(); v < b.first(); v++) {
            if (words.get(v).w().equals(ve)) {
                return attached(words, a.after(), v) && subject(words, v + 1, b.first(), MAX_LISTED_SUBJECT);
            }
        }
        return false;
    }

    /** How far into the page its preamble may reach. */
    private static final int PREAMBLE_REACH = 2500;
    /** The most `opener` rows read one after another before a fronted phrase ("Thời gian qua,", "để", "học tập,", "quán triệt và"). */
    private static final int MAX_OPENERS = 4;
    /** The most words between the documents carried out and the actor of a `directs` phrase. */
    private static final int MAX_DIRECTED = MAX_LISTED_SUBJECT + MAX_ATTACHED;
    /** The most words of the actor of a `directs` phrase ("Bộ Chính trị, Ban Bí thư", "Ủy ban nhân dân huyện Côn Đảo"). */
    private static final int MAX_ACTOR = 12;

    /**
     * The preamble of a page that is a document ({@link Article#self}): "Thực hiện Hướng dẫn số 06-HD/HU …;
     * Ủy ban nhân dân huyện Côn Đảo có ý kiến như sau:", "Để bảo đảm thực hiện … Kết luận số 121-KL/TW …,
     * Bộ Chính trị, Ban Bí thư yêu cầu …": no document is issued in the sentence, its actor directs (a
     * `directs` phrase after a comma or semicolon and the actor's capitalised words): the page's own
     * document carries out those opening the sentence. Only before the page's first numbered item.
     */
    private void directed(Article art, Sentence s, List<Word> words, List<Cited> carriedOut, Map<String, Found> out) {
        if (art.self == null || !preamble(art.t.text(), s.start())) {
            return;
        }
        for (Cited c : carriedOut) {
            if (c.id().equals(art.self.id())) {
                return;
            }
        }
        int from = carriedOut.get(carriedOut.size() - 1).after();
        for (int p = from + 1; p < words.size() && p - from <= MAX_DIRECTED; p++) {
            if (matchAt(rules.directs, words, p) < 0) {
                continue;
            }
            int comma = actorComma(words, from, p);
            // "…; Kế hoạch số 310/KH-CĐN … về Tổ chức đại hội …, Ban Thường vụ … hướng dẫn": an event in the last
            // document's subject is what that document is about, not the actor; so is a basis before the actor
            // ("…; căn cứ Chương trình công tác năm 2024, Ban Chấp hành … Hướng dẫn …")
            if (comma < 0 || !plainClause(words, comma, p) || !(plainClause(words, from, p) || aboutThenBasis(words, from, comma))) {
                return;
            }
            int start = startOfSentence(art.t, carriedOut.get(0));
            for (Cited to : carriedOut) {
                add(out, art.t.text(), art.self.id(), "implements", to.id(), start, to.end());
            }
            return;
        }
        // "Thực hiện Hướng dẫn số 101-KH/TU …; Kế hoạch số 199-KH/HU … . Ban Tuyên giáo Huyện ủy hướng dẫn …": the
        // sentence ends with what its documents are about, and the next one opens with the actor and its phrase
        if (!aboutOnly(words, from, words.size())) {
            return;
        }
        TokenView v = art.v;
        int[] next = actorSentence(art, s);
        if (next == null) {
            return;
        }
        int base = next[0];
        int end = next[1];
        for (int p = base + 1; p < end && p - base <= MAX_ACTOR; p++) {
            if (!actorWord(word(v, p - 1))) {
                return;
            }
            if (matchAt(rules.directs, wordsFrom(v, p, end), 0) > 0) {
                for (Cited to : carriedOut) {
                    add(out, art.t.text(), art.self.id(), "implements", to.id(), startOfSentence(art.t, carriedOut.get(0)),
                            to.end());
                }
                return;
            }
        }
    }

    /**
     * "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị. Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 45-KH/TU
     * …": a fronted sentence with only its documents (their date, issuer and subject), and the next sentence
     * opening with its actor's capitalised words, an `issue` phrase and a document: that document carries
     * out those of the fronted sentence.
     */
    private void issuedNext(Article art, Sentence s, List<Word> words, List<Cited> carriedOut, Map<String, Found> out) {
        if (!aboutOnly(words, carriedOut.get(carriedOut.size() - 1).after(), words.size())) {
            return;
        }
        TokenView v = art.v;
        Sentence at = s;
        for (int skipped = 0; skipped <= MAX_PREAMBLE_ITEMS; skipped++) {
            at = next(art.t, at);
            if (at == null) {
                return;
            }
            int base = v.tokenAtOrAfter(at.start(), 0);
            int end = v.tokenAtOrAfter(at.end(), base);
            List<Word> next = wordsFrom(v, base, end, MAX_ISSUING);
            int afterIssue = issuesAt(next, 0);
            if (afterIssue > 0) {
                DocumentReference issued = art.mentionAt(v.start(base + afterIssue));
                if (issued == null && bareSelf(art, next, afterIssue)) {
                    issued = art.self; // "…; Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:"
                }
                if (issued != null) {
                    for (Cited to : carriedOut) {
                        add(out, art.t.text(), issued.id(), "implements", to.id(), startOfSentence(art.t, carriedOut.get(0)),
                                v.end(base + afterIssue));
                    }
                }
                return;
            }
            // "Thực hiện Kế hoạch số 12-KH/TU …;\nCăn cứ tình hình thực tế;\nBan Thường vụ …": another item of the
            // preamble's list, a basis or a document carried out, ending in a semicolon, may stand between
            if (next.isEmpty() || !preambleItem(next) || !";".equals(v.fold(end - 1))) {
                return;
            }
        }
    }

    /** The most items of a preamble's list (each a line ending in a semicolon) between a fronted one and its issuing line. */
    private static final int MAX_PREAMBLE_ITEMS = 4;
    /** The most words read at the start of a sentence for the document it issues: a lead, the actor, manner words and the verb. */
    private static final int MAX_ISSUING = 2 * MAX_ACTOR + 8;
    /** The most `manner` phrases between an actor and its `issue` phrase ("đã kịp thời"). */
    private static final int MAX_MANNER = 3;

    /**
     * The words from {@code p} open a clause that issues a document: an optional `lead` ("Ngày 10/1/2024,",
     * "Trên cơ sở đó,"), the actor's capitalised (or attachable) words, optional `manner` words ("đã kịp thời") and
     * an `issue` phrase ("Ban Thường vụ Huyện ủy đã kịp thời ban hành …"); the index right after the phrase, else -1.
     */
    private int issuesAt(List<Word> words, int p) {
        int q = p;
        int afterLead = matchAt(rules.lead, words, q);
        if (afterLead > q) {
            q = afterLead;
        }
        if (q >= words.size() || !words.get(q).capital()) {
            return -1;
        }
        for (int k = q + 1; k < words.size() && k - q <= MAX_ACTOR; k++) {
            int m = k;
            for (int r = 0; r < MAX_MANNER; r++) {
                int a = matchAt(rules.manner, words, m);
                if (a <= m) {
                    break;
                }
                m = a;
            }
            int afterIssue = matchAt(rules.issue, words, m);
            if (afterIssue > m) {
                return afterIssue;
            }
            if (!actorWord(words.get(k))) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The first word at or after {@code from} that is no bullet: up to three marks ("-", "+", "•") that are
     * neither letters nor a number ("#") are skipped.
     */
    private static int afterBullet(List<Word> words, int from) {
        int p = from;
        while (p < words.size() && p - from < 3 && !is(words, p, "#") && !Character.isLetter(words.get(p).w().codePointAt(0))) {
            p++;
        }
        return p;
    }

    /** An item of a preamble's list: it opens with "căn cứ" or a `fronted` phrase (after a bullet). */
    private boolean preambleItem(List<Word> words) {
        int p = afterBullet(words, 0);
        return is(words, p, can) && is(words, p + 1, cu) || matchAt(rules.fronted, words, p) > p;
    }

    /**
     * The page's own document's type name stands bare at {@code i} (no number or name of its own after it):
     * "ban hành Kế hoạch thực hiện như sau" issues the page's Kế hoạch.
     */
    private boolean bareSelf(Article art, List<Word> words, int i) {
        if (art.self == null) {
            return false;
        }
        List<String> type = typeOf(art, art.self);
        int after = i + type.size();
        return !type.isEmpty() && after <= words.size() && matchesWords(type, words, i)
                && (after == words.size() || !(words.get(after).w().equals("#") || rules.named.contains(words.get(after).w())));
    }

    /** The most words of a `directs` phrase. */
    private static final int MAX_DIRECTS_WORDS = 8;

    /**
     * The tokens [start, end) of the sentence after {@code s} when it opens with a capitalised word, the
     * first of an actor's name ("Ban Thường vụ Huyện ủy …"); else null.
     */
    private int[] actorSentence(Article art, Sentence s) {
        Sentence next = next(art.t, s);
        if (next == null) {
            return null;
        }
        int base = art.v.tokenAtOrAfter(next.start(), 0);
        int end = art.v.tokenAtOrAfter(next.end(), base);
        return base < end && word(art.v, base).capital() ? new int[] {base, end} : null;
    }

    /** A word an actor's or issuer's name is made of: a capitalised one, or one that attaches names ("của"), not a comma. */
    private boolean actorWord(Word w) {
        return w.capital() || rules.attach.contains(w.w()) && !w.w().equals(",");
    }

    /** Up to {@link #MAX_DIRECTS_WORDS} words from token {@code p}, before {@code end}: where a phrase is matched. */
    private List<Word> wordsFrom(TokenView v, int p, int end) {
        return wordsFrom(v, p, end, MAX_DIRECTS_WORDS);
    }

    /** Up to {@code max} words from token {@code p}, before {@code end}. */
    private List<Word> wordsFrom(TokenView v, int p, int end, int max) {
        List<Word> rest = new ArrayList<>(Math.max(0, Math.min(end - p, max)));
        for (int k = p; k < end && k - p < max; k++) {
            rest.add(word(v, k));
        }
        return rest;
    }

    /**
     * The words {@code [from, to)} after a document are only its date and issuer, "về" and what it is
     * about, and the sentence's closing punctuation.
     */
    private boolean aboutOnly(List<Word> words, int from, int to) {
        int end = to;
        while (end > from && !words.get(end - 1).w().equals("#") && !Character.isLetter(words.get(end - 1).w().codePointAt(0))) {
            end--;
        }
        if (attached(words, from, end)) {
            return true;
        }
        for (int v = from; v < end; v++) {
            if (words.get(v).w().equals(ve)) {
                return attached(words, from, v) && subject(words, v + 1, end, MAX_LISTED_SUBJECT);
            }
        }
        return false;
    }

    private static Sentence next(AnalyzedText t, Sentence s) {
        List<Sentence> all = t.sentences();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).start() <= s.start()) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < all.size() ? all.get(lo) : null;
    }

    /** Right before word {@code p}: a comma or semicolon, then only an actor's capitalised (or attachable) words. */
    private boolean actorBefore(List<Word> words, int from, int p) {
        return actorComma(words, from, p) >= 0;
    }

    /**
     * {@link #actorBefore}: the index of the comma or semicolon before the actor, else -1. The actor opens with a
     * capitalised word; after it also `issuer` words in lower case ("Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh").
     */
    private int actorComma(List<Word> words, int from, int p) {
        for (int k = p - 1; k >= from && p - k <= MAX_ACTOR + 1; k--) {
            String w = words.get(k).w();
            if ((w.equals(",") || w.equals(";")) && k + 1 < p && words.get(k + 1).capital()) {
                return k;
            }
            if (!(words.get(k).capital() || rules.attach.contains(w) || rules.issuerWords.contains(w))) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The words {@code [from, to)} after the last document of a preamble's list are only what it is about
     * ({@link #aboutOnly}), optionally followed by one basis without a number after a semicolon ("; căn cứ
     * Chương trình công tác năm 2024") that states no relation or issuing of its own.
     */
    private boolean aboutThenBasis(List<Word> words, int from, int to) {
        int semi = to - 1;
        while (semi >= from && !words.get(semi).w().equals(";")) {
            semi--;
        }
        if (semi < from) {
            return aboutOnly(words, from, to);
        }
        return is(words, semi + 1, can) && is(words, semi + 2, cu) && aboutOnly(words, from, semi)
                && subject(words, semi + 3, to, MAX_SUBJECT);
    }

    /**
     * The sentence at {@code start} stands in the page's preamble: near its top, and after no line
     * that opens a numbered item ("1.", "I-", "II.").
     */
    private static boolean preamble(String text, int start) {
        if (start > PREAMBLE_REACH) {
            return false;
        }
        int line = 0;
        for (int k = 0; k <= start && k < text.length(); k++) {
            if (k == text.length() - 1 || text.charAt(k) == '\n' || k == start) {
                if (k > line && numbered(text, line, k)) {
                    return false;
                }
                line = k + 1;
                if (k == start) {
                    break;
                }
            }
        }
        return true;
    }

    /** The line {@code [from, to)} opens with a number (digits or a Roman numeral) and ".", "-", ")" or "/". */
    private static boolean numbered(String text, int from, int to) {
        int k = from;
        while (k < to && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        int digits = k;
        while (k < to && (Character.isDigit(text.charAt(k)) || "IVXivx".indexOf(text.charAt(k)) >= 0)) {
            k++;
        }
        return k > digits && k < to && ".-)–".indexOf(text.charAt(k)) >= 0
                && (k + 1 >= to || text.charAt(k + 1) == ' ' || Character.isLetter(text.charAt(k + 1)));
    }

    /** The most words of an outlet's tag before a lead ("Kinhtedothi -", "HÀ NỘI (Báo Tin tức) -"). */
    private static final int MAX_OUTLET_TAG = 6;

    /**
     * Where a lead starts after the outlet's tag that opens it ("Kinhtedothi - Thực hiện Chỉ thị 05 …",
     * "(Chinhphu.vn) - …"): capitalised words and brackets or dots, then a dash; else {@code p}.
     */
    private static int afterOutletTag(List<Word> words, int p) {
        for (int k = p; k < words.size() && k - p <= MAX_OUTLET_TAG; k++) {
            Word w = words.get(k);
            if ((w.w().equals("-") || w.w().equals("–")) && k > p) {
                return k + 1;
            }
            boolean domain = k > p && words.get(k - 1).w().equals("."); // "Chinhphu.vn"
            if (!(w.capital() || domain || w.w().equals("#") || w.w().equals("(") || w.w().equals(")") || w.w().equals("."))) {
                return p;
            }
        }
        return p;
    }

    /**
     * "…, Kế hoạch số 30-KH/TU của Ban Thường vụ Tỉnh ủy đã được ban hành": the document opens its clause
     * (after a comma) and an `issued` phrase follows its date and issuer.
     */
    private boolean issuedAfter(List<Word> words, Cited a) {
        if (a.first() == 0 || !words.get(a.first() - 1).w().equals(",")) {
            return false;
        }
        for (int p = a.after(); p < words.size() && p - a.after() <= MAX_ATTACHED; p++) {
            if (matchAt(rules.issued, words, p) > p) {
                return attached(words, a.after(), p);
            }
        }
        return false;
    }

    private static int startOfSentence(AnalyzedText t, Cited c) {
        Sentence s = t.sentenceAt(c.start());
        return s == null ? c.start() : s.start();
    }

    /**
     * A phrase after the sentence's last document that ends the sentence, but for a colon and the
     * numbering of the first item ("… đã được sửa đổi, bổ sung bởi: 1."), or null.
     */
    private Link dangling(List<Word> words, Cited last) {
        int end = words.size();
        while (end > last.after() && words.size() - end < 4 && numbering(words.get(end - 1).w())) {
            end--;
        }
        if (end == words.size() || !words.get(end - 1).w().equals(":") && !words.get(end).w().equals(":")) {
            return null; // only a phrase that announces a list: "bởi:", "sau:"
        }
        if (words.get(end - 1).w().equals(":")) {
            end--;
        }
        if (end <= last.after()) {
            return null;
        }
        for (int tail = 0; tail <= MAX_TAIL && end - tail > last.after(); tail++) {
            if (tail > 0 && !rules.tail.contains(words.get(end - tail).w())) {
                break;
            }
            for (boolean reverse : new boolean[] {true, false}) {
                for (RelationRules.Phrase ph : reverse ? rules.reverse : rules.forward) {
                    int start = end - tail - ph.words().size();
                    if (start >= last.after() && matches(ph.words(), words, start) && attached(words, last.after(), start)) {
                        return new Link(ph.relation(), reverse, false);
                    }
                }
            }
        }
        return null;
    }

    /** Punctuation and numbers that number a list's items: ":", "1.", "a)", "-". */
    private static boolean numbering(String w) {
        return w.equals(":") || w.equals("#") || w.equals(".") || w.equals(")") || w.equals("-") || w.equals("+");
    }

    /** The relation stated by the words {@code [from, to)} between two documents, or null. */
    private record Link(String relation, boolean reverse, boolean described) {}

    private Link between(List<Word> words, int from, int to, boolean heads) {
        if (to <= from || to - from > MAX_ATTACHED + MAX_SUBJECT + MAX_TAIL + 8) {
            return null;
        }
        for (int name = 0; name <= MAX_NAMED && to - name > from; name++) {
            if (name > 0 && !(words.get(to - name).capital() || rules.named.contains(words.get(to - name).w()))) {
                break;
            }
            Link l = betweenTail(words, from, to - name, heads);
            if (l != null) {
                return l;
            }
        }
        // "… một số điều của Bộ luật Hình sự số 100/2015/QH13": a name whose syllables in lower case stop the loop above
        int titled = titledName(words, from, to);
        if (titled > from) {
            Link l = betweenTail(words, from, titled, heads);
            if (l != null) {
                return l;
            }
        }
        // "sửa đổi, bổ sung một số điều của Quy chế … ban hành kèm theo Quyết định số 02/2007/QĐ-BGDĐT": what is done to
        // the regulation is done to the document that issues it
        int regulation = carriedRegulation(words, from, to);
        if (regulation > from) {
            Link l = betweenTail(words, from, regulation, heads);
            if (l != null && !l.reverse) {
                return l;
            }
        }
        // "hướng dẫn một số điều của Luật Quản lý thuế và Nghị định số 126": a document named by its title
        // only (no mention, so no relation of its own) listed before the one carried out
        for (int e = from + 1; e < to; e++) {
            if (titleRunEnd(words, e, to) == to) {
                Link l = betweenTail(words, from, e, heads);
                if (l != null && !l.reverse) {
                    return l;
                }
            }
        }
        return null;
    }

    /**
     * Where the name of the document at {@code to} starts when it is a title and "số" ("Luật Đất đai số",
     * "Bộ luật Hình sự số"): a capitalised `title` phrase, then at most {@link #MAX_TITLE} words of letters;
     * -1 when the words before {@code to} are no such name or it does not start after {@code from}.
     */
    private int titledName(List<Word> words, int from, int to) {
        if (to - 1 <= from || !words.get(to - 1).w().equals(so)) {
            return -1;
        }
        for (int k = to - 2; k > from && to - 1 - k <= MAX_TITLE; k--) {
            String w = words.get(k).w();
            if (!Character.isLetter(w.codePointAt(0))) {
                return -1;
            }
            if (words.get(k).capital() && matchAt(rules.title, words, k) >= 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Where a regulation named by its title starts, when the document at {@code to} issues it: a
     * capitalised `regulation` phrase opening a name of at most {@link #MAX_SUBJECT} words (a quote or
     * bracket around it) that states no relation or issuing of its own, a `carrier` phrase, then only
     * the document's name ("Quy chế đánh giá, xếp loại học viên … ban hành kèm theo Quyết định số").
     * Returns -1 when there is none after {@code from}.
     */
    private int carriedRegulation(List<Word> words, int from, int to) {
        for (int name = 0; name <= MAX_NAMED && to - name > from; name++) {
            if (name > 0 && !(words.get(to - name).capital() || rules.named.contains(words.get(to - name).w()))) {
                break;
            }
            int end = to - name;
            for (RelationRules.Phrase c : rules.carrier) {
                int start = end - c.words().size();
                if (start <= from || !matches(c.words(), words, start)) {
                    continue;
                }
                int close = start;
                if (words.get(close - 1).w().equals("(") || quote(words.get(close - 1).w())) {
                    close--;
                }
                // the earliest title: in "Hướng dẫn Quy trình kỹ thuật … ban hành kèm theo" the regulation is the Hướng dẫn
                int title = -1;
                for (int k = close - 1; k > from && close - k <= MAX_SUBJECT; k--) {
                    String w = words.get(k).w();
                    if (!(w.equals("#") || w.equals(",") || w.equals("-") || quote(w) || Character.isLetter(w.codePointAt(0)))) {
                        break;
                    }
                    if (words.get(k).capital() && matchAt(rules.regulation, words, k) >= 0) {
                        title = k;
                    }
                }
                if (title > from) {
                    int first = title > from + 1 && quote(words.get(title - 1).w()) ? title - 1 : title;
                    return subject(words, title, close, MAX_SUBJECT) ? first : -1;
                }
            }
        }
        return -1;
    }

    private static boolean quote(String w) {
        return w.equals("\"") || w.equals("\u201c") || w.equals("\u201d");
    }

    /**
     * A document named by its title and listed before the document at {@code limit}: a capitalised
     * `title` word ("Luật", "Nghị quyết") at {@code at}, at most {@link #MAX_TITLE} words of its name
     * (no punctuation), "và", then only the next document's name. Returns {@code limit} when
     * the words {@code [at, limit)} are such a title and its joining word, else -1.
     */
    private int titleRunEnd(List<Word> words, int at, int limit) {
        if (!words.get(at).capital() || matchAt(rules.title, words, at) < 0) {
            return -1;
        }
        int p = at + 1;
        while (p < limit && p - at <= MAX_TITLE && !words.get(p).w().equals(va)) {
            String w = words.get(p).w();
            if (!w.equals("#") && !Character.isLetter(w.codePointAt(0))) {
                return -1;
            }
            p++;
        }
        // only "và": after a comma or semicolon the title heads a list of its own ("… thi hành Luật Nhà ở;
        // Nghị định số 51 …"), and a number before it counts documents ("sửa đổi 07 Thông tư về thuế")
        if (p >= limit || !words.get(p).w().equals(va) || at > 0 && words.get(at - 1).w().equals("#")) {
            return -1;
        }
        p++;
        for (int k = p; k < limit; k++) {
            if (k - p > MAX_NAMED || !(words.get(k).capital() || rules.named.contains(words.get(k).w()))) {
                return -1;
            }
        }
        return limit;
    }

    /**
     * "Tỉnh ủy ban hành Chương trình hành động số 40, nhanh chóng kiện toàn Ban Chỉ đạo để thực hiện Nghị
     * quyết số 57": the purpose ("để", "nhằm" and a `forward` phrase of `implements`) of the clause that
     * issues document {@code a} is to carry out {@code b}. Between them only a short clause without a
     * phrase, issuing, event or bracket of its own.
     */
    private Link purpose(List<Word> words, Cited a, Cited b) {
        if (!issuedRightBefore(words, a.first()) || b.first() - a.after() > MAX_PURPOSE) {
            return null;
        }
        for (int o = a.after(); o < b.first(); o++) {
            int afterOpener = matchAt(rules.opener, words, o);
            if (afterOpener < 0) {
                continue;
            }
            Link l = between(words, afterOpener, b.first(), false);
            if (l == null || l.reverse || !l.relation.equals("implements") || !matchesAny(rules.forward, words, afterOpener)) {
                return null;
            }
            for (int k = a.after(); k < o; k++) {
                String w = words.get(k).w();
                if (!w.equals("#") && !w.equals(",") && !Character.isLetter(w.codePointAt(0))) {
                    return null;
                }
            }
            if (!subject(words, a.after(), o, MAX_PURPOSE) || !about(words, a.after(), o) && !plainClause(words, a.after(), o)) {
                return null;
            }
            return new Link("implements", false, false);
        }
        return null;
    }

    /**
     * "cụ thể hóa Nghị quyết số 57 bằng Chương trình hành động số 40": an `implements` phrase (and its
     * tail) right before {@code a}, then {@code a}'s date and issuer, a `means` phrase and {@code b}'s
     * name: {@code b} carries {@code a} out.
     */
    private Link means(List<Word> words, Cited a, Cited b) {
        boolean carried = false;
        for (int tail = 0; tail <= MAX_TAIL && a.first() - tail > 0 && !carried; tail++) {
            if (tail > 0 && !rules.tail.contains(words.get(a.first() - tail).w())) {
                break;
            }
            for (List<RelationRules.Phrase> l : List.of(rules.forward, rules.fronted)) {
                for (RelationRules.Phrase ph : l) {
                    int start = a.first() - tail - ph.words().size();
                    if (ph.relation().equals("implements") && start >= 0 && matches(ph.words(), words, start)) {
                        carried = true;
                    }
                }
            }
        }
        if (!carried) {
            return null;
        }
        for (int name = 0; name <= MAX_NAMED && b.first() - name > a.after(); name++) {
            int end = b.first() - name;
            if (name > 0 && !(words.get(end).capital() || rules.named.contains(words.get(end).w()))) {
                break;
            }
            for (RelationRules.Phrase ph : rules.means) {
                int start = end - ph.words().size();
                if (start >= a.after() && matches(ph.words(), words, start) && attached(words, a.after(), start)) {
                    return new Link("implements", true, false);
                }
            }
        }
        return null;
    }

    /**
     * "Kể từ ngày Nghị định số 99/2023/NĐ-CP có hiệu lực, Nghị định số 55/2019/NĐ-CP hết hiệu lực": "ngày"
     * right before {@code a}, an `effect` phrase between the two and an `expire` phrase right after
     * {@code b}, or after the list {@code b} opens ("Nghị định số 55 … và Nghị định số 56 … hết hiệu lực"):
     * {@code a} replaces {@code b} (and, through the caller's list, each one listed with it).
     */
    private Link expiry(List<Word> words, List<Cited> cited, int i) {
        Cited a = cited.get(i);
        Cited b = cited.get(i + 1);
        // "…, Nghị định số 55/2019/NĐ-CP và Nghị định số 56/2019/NĐ-CP hết hiệu lực": the phrase after the list's last
        int k = i + 1;
        while (k + 1 < cited.size() && !cited.get(k + 1).pointer() && joined(words, cited.get(k).after(), cited.get(k + 1).first())) {
            k++;
        }
        Cited last = cited.get(k);
        if (a.first() == 0 || !words.get(a.first() - 1).w().equals(ngay)) {
            return null;
        }
        int afterEffect = matchAt(rules.effect, words, a.after());
        if (afterEffect < 0) {
            return null;
        }
        int name = afterEffect;
        while (name < b.first() && name - afterEffect <= MAX_NAMED
                && (words.get(name).capital() || rules.named.contains(words.get(name).w()))) {
            name++;
        }
        if (name != b.first() || matchAt(rules.expire, words, last.after()) < 0) {
            return null;
        }
        return new Link("amends", false, false);
    }

    /** No `block` phrase (an event) in {@code [from, to)}. */
    private boolean plainClause(List<Word> words, int from, int to) {
        for (int i = from; i < to; i++) {
            for (RelationRules.Phrase b : rules.block) {
                if (i + b.words().size() <= to && matches(b.words(), words, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesAny(List<RelationRules.Phrase> phrases, List<Word> words, int at) {
        return matchAt(phrases, words, at) >= 0;
    }

    private Link betweenTail(List<Word> words, int from, int to, boolean heads) {
        for (int tail = 0; tail <= MAX_TAIL && to - tail > from; tail++) {
            if (tail > 0 && !rules.tail.contains(words.get(to - tail).w())) {
                break;
            }
            int end = to - tail;
            for (boolean reverse : new boolean[] {true, false}) {
                for (RelationRules.Phrase ph : reverse ? rules.reverse : rules.forward) {
                    int start = end - ph.words().size();
                    if (start >= from && !matches(ph.words(), words, start)) {
                        start = reverse ? withAgent(ph.words(), words, from, end) : -1;
                    }
                    if (start >= from
                            && (attached(words, from, start) || reverse && described(words, from, start)
                                    || (heads || reverse) && subjectBefore(words, from, start, ph.relation().equals("amends"))
                                    || "(".equals(ph.words().get(0)) && note(words, from, start))) {
                        boolean described = false; // "Kết luận số 118-KL/TW, … về việc điều chỉnh …": what the document is about
                        for (int k = from; k < start && !described; k++) {
                            described = words.get(k).w().equals(ve);
                        }
                        return new Link(ph.relation(), reverse, described);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A passive phrase with its agent after "được" ("Nghị quyết số 57 được Tỉnh ủy cụ thể hóa bằng
     * Chương trình …"): the words after "được" end at {@code end}, before them at most {@link #MAX_AGENT}
     * capitalised or attachable words, and the phrase's words up to "được" before those. Returns where
     * the phrase starts, or -1.
     */
    private int withAgent(List<String> phrase, List<Word> words, int from, int end) {
        int p = phrase.indexOf(duoc);
        if (p < 0 || p + 1 >= phrase.size()) {
            return -1;
        }
        List<String> rest = phrase.subList(p + 1, phrase.size());
        int restStart = end - rest.size();
        if (restStart <= from || !matches(rest, words, restStart)) {
            return -1;
        }
        int k = restStart;
        while (k > from && restStart - k < MAX_AGENT && (words.get(k - 1).capital() || rules.attach.contains(words.get(k - 1).w()))
                && !words.get(k - 1).w().equals(duoc) && !words.get(k - 1).w().equals(",")) {
            k--;
        }
        if (k == restStart || !words.get(k).capital()) {
            return -1;
        }
        List<String> head = phrase.subList(0, p + 1);
        int start = k - head.size();
        return start >= from && matches(head, words, start) ? start : -1;
    }

    /**
     * Before a bracketed note ("… về việc sửa đổi tổ chức bộ máy Bộ Công an (thay thế Nghị định số 132)",
     * "… thi hành Luật … (được sửa đổi, bổ sung bởi Nghị định số 154)"): the document's date, issuer and
     * what it is about, bounded, with no bracket, colon or semicolon (a new item of a list) of its own
     * and no "căn cứ" (a new legal basis).
     */
    private boolean note(List<Word> words, int from, int to) {
        if (to - from > MAX_NOTE) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String w = words.get(i).w();
            if (w.equals("(") || w.equals(")") || w.equals(";") || w.equals(":") || w.equals(can) && is(words, i + 1, cu)) {
                return false;
            }
        }
        return plainClause(words, from, to);
    }

    /**
     * Before a passive phrase, what the document does, as portals title it ("Quyết định 119/QĐ-UBND bổ
     * sung thủ tục hành chính đã được thay thế bởi …"): a few words, no punctuation, no phrase of a
     * relation, an issuing or a block of its own.
     */
    private boolean described(List<Word> words, int from, int to) {
        if (to - from > MAX_DESCRIPTION) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Word w = words.get(i);
            if (!w.w().equals("#") && !Character.isLetter(w.w().charAt(0))) {
                return false;
            }
            for (List<RelationRules.Phrase> l : List.of(rules.forward, rules.reverse, rules.issue, rules.block)) {
                for (RelationRules.Phrase b : l) {
                    int after = i + b.words().size();
                    boolean statement = l == rules.issue || l == rules.block || mayName(words, after, to);
                    if (after <= to && matches(b.words(), words, i) && statement) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The document {@code c} heads its clause: it opens the sentence (after a bullet or a number), is
     * issued right before ("Bộ Chính trị ban hành Quy định số 69-QĐ/TW …") or is a pointer ("Quy định
     * này", the page's title). Only such a document may carry a subject of its own before a phrase:
     * in "Căn cứ Nghị quyết số 18 về …, các cơ quan thực hiện Kết luận số 21" the subject is the
     * sentence's actor, not the document.
     */
    private boolean heads(List<Word> words, Cited c) {
        if (c.pointer() || issuedRightBefore(words, c.first())
                || carriedOutRightBefore(words, c.first()) && issuesNext(words, c.after())) {
            return true;
        }
        for (int i = 0; i < c.first(); i++) {
            String w = words.get(i).w();
            if (!w.equals("#") && Character.isLetter(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * An `implements` phrase ends right before token {@code first}: the document is the object carried
     * out, and a chain may go on from it ("triển khai thực hiện Nghị quyết số 281/NQ-CP của Chính phủ ban
     * hành Chương trình hành động … thực hiện Nghị quyết số 71-NQ/TW": 281/NQ-CP heads that clause).
     */
    private boolean carriedOutRightBefore(List<Word> words, int first) {
        return implementsEndsAt(rules.forward, words, first);
    }

    /** Only the document's date and issuer stand between token {@code from} and "ban hành" (it issues what follows). */
    private boolean issuesNext(List<Word> words, int from) {
        for (int p = from; p < words.size() && p - from <= MAX_ATTACHED; p++) {
            if (is(words, p, ban) && is(words, p + 1, hanh)) {
                return attached(words, from, p);
            }
        }
        return false;
    }

    /**
     * Before a phrase, a document's own subject: its date and issuer, a `subject` lead ("về", "quy
     * định về", "ban hành") and what it is about ("Quy định số 69-QĐ/TW về kỷ luật tổ chức Đảng, đảng
     * viên vi phạm thay thế …", "Nghị quyết Ban hành Kế hoạch … của Chính phủ thực hiện …"). A comma
     * before the lead may only precede the date, so an actor after a comma ("Căn cứ Quyết định X, Sở
     * ban hành Kế hoạch thực hiện …") is no subject.
     * {@code events}: the subject may name an event ("Chỉ thị số 45-CT/TW … về đại hội đảng bộ các cấp … thay thế Chỉ
     * thị số 35-CT/TW"), as it may before an `amends` phrase: no event amends a document, so the phrase is the document's own.
     */
    private boolean subjectBefore(List<Word> words, int from, int to, boolean events) {
        for (int p = from; p < to && p - from <= MAX_ATTACHED; p++) {
            String w = words.get(p).w();
            if (w.equals(",") && !is(words, p + 1, ngay)) {
                return false;
            }
            int afterLead = matchAt(rules.subject, words, p);
            // "được ban hành cùng lúc với …": the document was issued, what follows is no subject of it
            if (afterLead > p && afterLead < to && !(p > from && is(words, p - 1, duoc)) && attached(words, from, p)) {
                return about(words, afterLead, to, true, events);
            }
        }
        return false;
    }

    /**
     * What a document is about, before its phrase: bounded, no punctuation but a comma before a word
     * in lower case ("tổ chức Đảng, đảng viên"), no phrase of a relation, issue or block of its own.
     */
    private boolean about(List<Word> words, int from, int to) {
        return about(words, from, to, false);
    }

    /**
     * {@link #about(List, int, int)}, where {@code commaLast} also lets a comma end a document's subject
     * right before its phrase ("Nghị định số 73/2024/NĐ-CP … quy định mức lương cơ sở, thay thế …",
     * "Kế hoạch số 10-KH/TU về tuyên truyền, triển khai thực hiện …").
     */
    private boolean about(List<Word> words, int from, int to, boolean commaLast) {
        return about(words, from, to, commaLast, false);
    }

    /** {@link #about(List, int, int, boolean)}; {@code events}: `block` phrases (events) may stand in the subject. */
    private boolean about(List<Word> words, int from, int to, boolean commaLast, boolean events) {
        if (!subject(words, from, to, MAX_SUBJECT)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Word w = words.get(i);
            if (w.w().equals(",")) {
                if (i + 1 >= to && !commaLast || i + 1 < to && words.get(i + 1).capital()) {
                    return false;
                }
            } else if (!w.w().equals("#") && !Character.isLetter(w.w().codePointAt(0)) && !w.w().equals("-")) {
                return false;
            }
            for (RelationRules.Phrase b : events ? List.<RelationRules.Phrase>of() : rules.block) {
                if (i + b.words().size() <= to && matches(b.words(), words, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The words {@code [from, to)} are only a document's date, issuer and "về", and clauses that may
     * stand before the phrase ("có hiệu lực kể từ ngày ký và", "sẽ"; after no comma but the date's):
     * nothing that breaks a link.
     */
    private boolean attached(List<Word> words, int from, int to) {
        if (to - from > MAX_ATTACHED) {
            return false;
        }
        boolean actor = false; // a comma not before the date: what follows may be the sentence's actor
        boolean named = false; // inside an issuer's name: after "của" or a capitalised word, and only `issuer` words since
        for (int i = from; i < to; i++) {
            Word w = words.get(i);
            if (w.w().equals(",") && !is(words, i + 1, ngay)) {
                actor = true;
            }
            if (!actor) {
                int after = matchClause(words, i);
                // a clause ending in a comma ("có hiệu lực từ ngày 1/7/2022,") only right before the phrase:
                // after its comma may stand the sentence's actor ("…, Bộ Công an hướng dẫn …")
                if (after > i && after <= to && (after == to || !words.get(after - 1).w().equals(","))) {
                    i = after - 1;
                    continue;
                }
            }
            // a syllable in lower case after a capitalised one, in the document's own issuer before any comma: "của Bộ
            // Giáo dục và Đào tạo", "Hội đồng nhân dân tỉnh", "Bộ trưởng Bộ Y tế"
            boolean issuerSyllable = !actor && i > from && (!rules.tail.contains(w.w()) || w.w().equals(va)) && (words.get(i - 1).capital()
                    || w.w().equals(va) && i > from + 1 && words.get(i - 2).capital()) && Character.isLetter(w.w().codePointAt(0))
                    // "và" inside the name, between two of its capitalised words: "Bộ Giáo dục và Đào tạo"
                    && (!w.w().equals(va) || i + 1 < to && words.get(i + 1).capital());
            // the issuer's name written on in lower case after its capitalised head or "của": "của Sở giáo dục và đào
            // tạo", "của Ban chỉ đạo thi hành án dân sự tỉnh", "của ban quản lý khu công nghiệp"
            if (!actor && named && (rules.issuerWords.contains(w.w())
                    || w.w().equals(va) && i + 1 < to && rules.issuerWords.contains(words.get(i + 1).w()))) {
                issuerSyllable = true;
            }
            named = !actor && (w.capital() || w.w().equals(cua) || named && issuerSyllable);
            if (!(w.capital() || w.w().equals("#") || rules.attach.contains(w.w()) || issuerSyllable)) {
                return false;
            }
            for (RelationRules.Phrase b : rules.block) {
                if (i + b.words().size() <= to && matches(b.words(), words, i)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Two documents of one list: between them the first one's date, issuer and "về …" subject, then a
     * joining word ("thực hiện Nghị quyết số 18-NQ/TW, ngày … của Bộ Chính trị về …; Kết luận số …").
     */
    private boolean joined(List<Word> words, int from, int to) {
        int j = to - 1;
        while (j >= from && !rules.join.contains(words.get(j).w())) {
            j--;
        }
        if (j < from) {
            return false;
        }
        // after the joining word only the next document's name ("và Kế hoạch số", "và Luật Đất đai số")
        for (int k = titledName(words, j, to) == j + 1 ? to : j + 1; k < to; k++) {
            String w = words.get(k).w();
            boolean numbering = k < j + 3 && (w.equals("#") || w.equals(".") || w.equals(")")); // "; 2. Nghị định"
            if (!(words.get(k).capital() || rules.named.contains(w) || numbering)) {
                return false;
            }
        }
        if (attached(words, from, j)) {
            return true;
        }
        for (int v = from; v < j; v++) {
            if (words.get(v).w().equals(ve)) {
                // "Quyết định số 08/2022/QĐ-UBND … về ban hành Quy định thi đua …;": its subject lead, not an issuing
                int lead = Math.max(matchAt(rules.subject, words, v), v + 1);
                if (!attached(words, from, v)) {
                    return false;
                }
                // "Chỉ thị số 01-CT/TW … về … triển khai thực hiện Nghị quyết Đại hội … của Đảng (sau đây viết tắt là
                // Nghị quyết Đại hội XIII) và Kế hoạch số 28-KH/TU": a document named by its title only may be carried
                // out in a subject that its short name closes (else the next document is a second object of that phrase)
                int close = aliasBracket(words, lead, j);
                return close >= 0 ? subject(words, lead, close, MAX_LISTED_SUBJECT, true) : subject(words, lead, j, MAX_LISTED_SUBJECT);
            }
        }
        return false;
    }

    /**
     * Document {@code b} is what document {@code a} carries out, inside {@code a}'s description: between them
     * {@code a}'s date and issuer, an optional "về (việc)", an `implements` phrase and {@code b}'s name ("Kế hoạch số
     * 30-KH/ĐUK, ngày 12/7/2021 của Ban Thường vụ Đảng ủy Khối về triển khai thực hiện Đề án số 05-ĐA/TU").
     */
    private boolean nested(List<Word> words, Cited a, Cited b) {
        for (int q = a.after(); q < b.first(); q++) {
            int lead = words.get(q).w().equals(ve) ? Math.max(matchAt(rules.subject, words, q), q + 1) : q;
            if (lead > q && !attached(words, a.after(), q)) {
                return false; // "về" after more than the date and issuer
            }
            // "Chương trình hành động số 40-CTr/TU … của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW": no "về" either
            if ((lead > q || attached(words, a.after(), q)) && implementsThenName(words, lead, b.first())) {
                return true;
            }
            if (lead > q) {
                return false;
            }
        }
        return false;
    }

    /** An `implements` phrase at {@code at}, then only the name of the document at {@code first} ("Đề án số"). */
    private boolean implementsThenName(List<Word> words, int at, int first) {
        for (RelationRules.Phrase ph : rules.forward) {
            int after = at + ph.words().size();
            if (!ph.relation().equals("implements") || after > first || !matches(ph.words(), words, at)) {
                continue;
            }
            for (int k = after; k <= first; k++) {
                if (k == first) {
                    return true;
                }
                if (k - after >= MAX_NAMED || !(words.get(k).capital() || rules.named.contains(words.get(k).w()))) {
                    break;
                }
            }
        }
        return false;
    }

    /** {@link #joined}, where the joining word is a semicolon: a list's items, not two objects of one phrase. */
    private boolean joinedBySemicolon(List<Word> words, int from, int to) {
        int j = to - 1;
        while (j >= from && !rules.join.contains(words.get(j).w())) {
            j--;
        }
        return j >= from && words.get(j).w().equals(";") && joined(words, from, to);
    }

    /**
     * The words right before {@code to} are a bracket giving a short name ("(sau đây viết tắt là Nghị quyết Đại hội
     * XIII)"): the index of its opening bracket, at or after {@code from}; else -1.
     */
    private int aliasBracket(List<Word> words, int from, int to) {
        if (to - 1 <= from || !words.get(to - 1).w().equals(")")) {
            return -1;
        }
        for (int k = to - 2; k >= from && to - k <= MAX_TITLE + 8; k--) {
            if (words.get(k).w().equals("(")) {
                return matchAt(rules.alias, words, k + 1) > k + 1 ? k : -1;
            }
        }
        return -1;
    }

    /** A document's subject after "về": bounded, and stating no relation or event of its own. */
    private boolean subject(List<Word> words, int from, int to, int max) {
        return subject(words, from, to, max, false);
    }

    /**
     * {@link #subject(List, int, int, int)}; {@code titles}: a phrase may stand before a document named by its
     * title only (a capitalised `title` phrase not followed by "số" or a number: "triển khai thực hiện Nghị quyết
     * Đại hội XIII"), which no relation can end at.
     */
    private boolean subject(List<Word> words, int from, int to, int max, boolean titles) {
        if (to - from > max) {
            return false;
        }
        for (int i = from; i < to; i++) {
            for (List<RelationRules.Phrase> l : List.of(rules.forward, rules.reverse, rules.issue)) {
                for (RelationRules.Phrase b : l) {
                    int after = i + b.words().size();
                    if (after <= to && matches(b.words(), words, i) && (l == rules.issue ? namesType(words, after, to) : mayName(words, after, to))
                            && !(titles && l != rules.issue && titleOnly(words, after, to))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A capitalised `title` phrase at {@code at}, before {@code to}, and no "số" or number right after it. */
    private boolean titleOnly(List<Word> words, int at, int to) {
        if (at >= to || !words.get(at).capital()) {
            return false;
        }
        int after = matchAt(rules.title, words, at);
        return after > at && after < to && !is(words, after, so) && !is(words, after, "#");
    }

    /**
     * The word at {@code at} may begin a document's name (a capital or a type word): "thực hiện Nghị
     * quyết" states a relation, "thi đua thực hiện thắng lợi nhiệm vụ" in a subject does not.
     */
    private boolean mayName(List<Word> words, int at, int to) {
        return at >= to || words.get(at).capital() || rules.named.contains(words.get(at).w());
    }

    /**
     * The word at {@code at} begins a document's type name, or the subject ends there: "về … ban hành Kế
     * hoạch" issues a document of its own, "về xây dựng Đảng", "về xây dựng nông thôn mới" are what the
     * document is about.
     */
    private boolean namesType(List<Word> words, int at, int to) {
        return at >= to || matchAt(rules.title, words, at) >= 0 || rules.named.contains(words.get(at).w());
    }

    private boolean issuedRightBefore(List<Word> words, int at) {
        for (RelationRules.Phrase ph : rules.issue) {
            int start = at - ph.words().size();
            if (start >= 0 && matches(ph.words(), words, start)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index after the longest `clause` starting at {@code at}, or -1; its "#" also takes a date
     * written in words ("20 tháng 10 năm 2022": "#", then "tháng #" and "năm #" if they follow).
     */
    private int matchClause(List<Word> words, int at) {
        int best = -1;
        for (RelationRules.Phrase ph : rules.clause) {
            int p = at;
            boolean ok = true;
            for (String w : ph.words()) {
                if (p >= words.size() || !words.get(p).w().equals(w)) {
                    ok = false;
                    break;
                }
                p++;
                if (w.equals("#")) {
                    for (String unit : dateUnits) {
                        if (is(words, p, unit) && is(words, p + 1, "#")) {
                            p += 2;
                        }
                    }
                }
            }
            if (ok && p > best) {
                best = p;
            }
        }
        return best;
    }

    /** The index after the longest phrase of {@code phrases} starting at {@code at}, or -1. */
    private static int matchAt(List<RelationRules.Phrase> phrases, List<Word> words, int at) {
        for (RelationRules.Phrase ph : phrases) { // longest first
            if (at + ph.words().size() <= words.size() && matches(ph.words(), words, at)) {
                return at + ph.words().size();
            }
        }
        return -1;
    }

    private static boolean matches(List<String> phrase, List<Word> words, int at) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!words.get(at + k).w().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean is(List<Word> words, int i, String w) {
        return i < words.size() && words.get(i).w().equals(w);
    }

    /** Token {@code i} as the rules see it (without tone marks in the toneless twin). */
    private Word word(TokenView v, int i) {
        return switch (v.kind(i)) {
            case NUMBER, DATE, SYMBOL, LINK -> new Word("#", false);
            case PUNCT -> new Word(v.fold(i), false);
            case WORD, ABBREVIATION -> new Word(toneless ? RelationRules.stripTones(v.fold(i)) : v.fold(i), v.capitalized(i));
        };
    }

    /**
     * A legal portal's validity history: after a line "Lịch sử hiệu lực: Quyết định 30/2013/QĐ-UBND"
     * (a `historyhead`), each line "09/01/2015 Được sửa đổi 79/2014/QĐ-UBND" (a date, a `history`
     * status, a document) states that document's relation to the page's. Only whole lines count: the
     * words before the document on its line are the date and the status, nothing else.
     */
    private void history(Article art, List<Cited> all, Map<String, Found> out) {
        TokenView v = art.v;
        String subject = null;
        for (Cited c : all) {
            int first = v.tokenAtOrAfter(c.start(), 0);
            int lineStart = lineStartToken(v, first);
            if (lineStart < 0) {
                continue;
            }
            List<String> prefix = lineWords(v, lineStart, first);
            if (subject == null) {
                if (matchesWhole(rules.historyHead, prefix) != null) {
                    subject = c.id();
                }
                continue;
            }
            RelationRules.Phrase status = matchesWhole(rules.history, prefix);
            if (status != null) {
                add(out, art.t.text(), c.id(), status.relation(), subject, v.start(lineStart), c.end());
            }
        }
    }

    /** The first token of the line of token {@code i} (at most {@value #MAX_HISTORY_PREFIX} tokens back), or -1. */
    private static int lineStartToken(TokenView v, int i) {
        int k = i;
        while (k > 0 && i - k < MAX_HISTORY_PREFIX && !v.newlineBefore(k)) {
            k--;
        }
        return k == 0 || v.newlineBefore(k) ? k : -1;
    }

    /** The folded words of tokens {@code [k, i)}, without dates, numbers and punctuation (as history rows are kept). */
    private List<String> lineWords(TokenView v, int k, int i) {
        List<String> words = new ArrayList<>(i - k);
        for (int j = k; j < i; j++) {
            Word w = word(v, j);
            if (!w.w().equals("#") && Character.isLetter(w.w().codePointAt(0))) {
                words.add(w.w());
            }
        }
        return words;
    }

    private static RelationRules.Phrase matchesWhole(List<RelationRules.Phrase> phrases, List<String> words) {
        for (RelationRules.Phrase ph : phrases) {
            if (ph.words().equals(words)) {
                return ph;
            }
        }
        return null;
    }

    private static void add(Map<String, Found> out, String text, String from, String type, String to, int start, int end) {
        if (from.equals(to)) {
            return;
        }
        Found f = out.computeIfAbsent(from + "\u0001" + type + "\u0001" + to, k -> new Found(from, type, to));
        Mention m = Mention.of(text, start, end);
        if (f.seen.add(m)) {
            f.mentions.add(m);
        }
    }
}
