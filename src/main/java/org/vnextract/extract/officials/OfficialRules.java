package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.extract.Mention;
import org.vnextract.extract.PhraseTrie;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.officials.OfficialLexicon.Entry;
import org.vnextract.extract.officials.OfficialLexicon.Honorific;
import org.vnextract.extract.officials.OfficialLexicon.Kind;
import org.vnextract.extract.officials.OfficialLexicon.Place;
import org.vnextract.internal.Validate;
import org.vnextract.text.Fold;
import org.vnextract.text.TokenKind;

/**
 * The officials rules: one left-to-right pass per sentence cuts it into segments (honorific, name,
 * title, trigger, separator, other), then patterns over the segments give titles to names:
 * <ul>
 *   <li>"X, t1, t2", "X - t1 - t2", "X-t1", "X (t1)", "X, t1 và t2" (titles after the name);
 *   <li>"t1, t2 X", "đồng chí t1 X" (titles right before the name);
 *   <li>"X … làm/là/giữ chức/đắc cử/như t1, t2; t3" (a predicate; the subject may be "ông" or a
 *       list "Các ông: A, …; B, …");
 *   <li>"t gồm ông A, ông B" (one title, several people).
 * </ul>
 * Mentions of a person merge by the folded full name; a given name alone ("ông Hưng") joins the one
 * full name it ends, when there is exactly one. Every step reads a bounded number of tokens ahead
 * (lexicon phrases, titles of at most {@link #MAX_TITLE_TOKENS}), so a pass is linear in the tokens.
 *
 * <p>Immutable; thread-safe (all state of a pass lives in the pass).
 */
public final class OfficialRules {
    /** Longest title read, in tokens: real titles have under 25; hostile text cannot make more work. */
    static final int MAX_TITLE_TOKENS = 30;
    private static final int MAX_NAME = 5;
    /** How far back a predicate looks for its subject, in segments. */
    private static final int MAX_SUBJECT_SEGMENTS = 80;

    /** Where personal names come from. */
    public enum NameSource { RULES, MODEL, BOTH }

    private final OfficialLexicon lex;

    public OfficialRules(OfficialLexicon lex) {
        this.lex = Validate.notNull(lex, "lex");
    }

    /** A person as the rules found them, before the official filter. */
    public record Person(String name, List<String> titles, boolean comrade, List<Mention> mentions) {}

    /** A span of text with a label, found by the rules (training data for the NER model). */
    public record Labelled(int start, int end, String type) {}

    /** What one pass finds. */
    public record Result(List<Person> persons, List<Labelled> organizations, List<Labelled> locations,
                         List<Labelled> names) {}

    private enum T { NAME, TITLE, GAP, HON, PRON, LIST, TRIG, SEP, AND, GOM, OTHER }

    private static final class Ref {
        final int tokStart;
        final int tokEnd;
        final String name;
        boolean comrade;
        int group = -1;
        final List<Seg> titles = new ArrayList<>(2);
        Ref target; // after merging
        /** The name this one is another name of ("Lê Văn Nhung (Lê Việt Thắng)"), or null. */
        Ref aliasOf;

        Ref(int tokStart, int tokEnd, String name) {
            this.tokStart = tokStart;
            this.tokEnd = tokEnd;
            this.name = name;
        }
    }

    private static final class Seg {
        final T type;
        final int from;
        final int to;
        char sep;
        Ref ref;
        boolean claimed;
        String honKind;
        /** A gap that assigns a post ("đối với đồng chí"): a term tail may stand before it. */
        boolean assign;
        /** A gap before a title that is no part of it ("tân"). */
        boolean lead;
        /** A trigger right after its holder's name that may take a title in lower case ("A là giáo viên"). */
        boolean lowerTitle;

        Seg(T type, int from, int to) {
            this.type = type;
            this.from = from;
            this.to = to;
        }
    }

    /** Runs the rules; {@code modelNames} marks tokens that start ({@code true} at index) model names. */
    public Result run(TokenView t, NameSource source, List<int[]> modelNames) {
        Pass p = new Pass(t, source, modelNames);
        return p.run();
    }

    /** The state of one pass over one article. */
    private final class Pass {
        final TokenView t;
        final boolean rules;
        /** Model names only (the rules' own name finding is off). */
        final boolean modelOnly;
        final BitSet modelStart = new BitSet();
        final int[] modelEnd;
        final List<Ref> refs = new ArrayList<>();
        final List<Seg> unclaimedTitles = new ArrayList<>();
        final List<Labelled> orgs = new ArrayList<>();
        final List<Labelled> locs = new ArrayList<>();
        Ref lastRef;
        int groups;
        /** The people of each list clause ("Các đồng chí: A, …; B, …") of the current sentence. */
        final Map<Integer, List<Ref>> members = new java.util.HashMap<>();

        Pass(TokenView t, NameSource source, List<int[]> modelNames) {
            this.t = t;
            this.rules = source != NameSource.MODEL;
            this.modelOnly = source == NameSource.MODEL;
            this.modelEnd = new int[t.size()];
            if (source != NameSource.RULES && modelNames != null) {
                for (int[] m : modelNames) {
                    if (m[0] >= 0 && m[0] < t.size() && m[1] > m[0] && m[1] <= t.size()) {
                        modelStart.set(m[0]);
                        modelEnd[m[0]] = Math.max(modelEnd[m[0]], m[1]);
                    }
                }
            }
        }

        Result run() {
            for (int s = 0; s < t.sentences(); s++) {
                if (t.sentenceEnd(s) > t.sentenceStart(s)) {
                    sentence(t.sentenceStart(s), t.sentenceEnd(s));
                }
            }
            return new Result(persons(), orgs, locs, nameLabels());
        }

        // ------------------------------------------------------------------ segmentation

        void sentence(int a, int b) {
            List<Seg> segs = new ArrayList<>();
            int i = a;
            while (i < b) {
                int next = segment(i, b, segs);
                i = next > i ? next : i + 1;
            }
            promoteListNames(segs);
            patterns(segs);
            organizations(a, b);
        }

        /** Bodies named in full ("Ban Thường vụ Huyện ủy Chư Prông"): two tokens or more, capitalised. */
        void organizations(int a, int b) {
            int i = a;
            while (i < b) {
                PhraseTrie.Match<Entry> m = t.capitalized(i)
                        ? lex.titles.longest(t, i, b, e -> e.kind() == Kind.BODY || e.kind() == Kind.OPEN_BODY) : null;
                if (m == null) {
                    i++;
                    continue;
                }
                int e = extend(i, m.end(), b, false);
                if (e - i >= 2) {
                    orgs.add(new Labelled(t.start(i), t.end(e - 1), "organization"));
                    i = e;
                } else {
                    i++;
                }
            }
        }

        /** Adds the segment(s) starting at token {@code i}; returns the token after them. */
        int segment(int i, int b, List<Seg> segs) {
            // a model name wins where the model alone finds names
            if (modelOnly && modelStart.get(i) && modelEnd[i] <= b && !titleWordAt(i)) {
                addName(segs, i, modelEnd[i], null);
                return modelEnd[i];
            }
            PhraseTrie.Match<Honorific> hm = lex.honorifics.longest(t, i, b);
            if (hm != null && !(t.capitalized(i) && hm.end() - i == 1 && t.isCapWord(i) && i + 1 < b && t.isCapWord(i + 1)
                    && !"person".equals(hm.value().kind()) && !"comrade".equals(hm.value().kind()))) {
                Honorific h = hm.value();
                int j = hm.end();
                if (j < b && t.isPunct(j, '.') && t.kind(i) == TokenKind.ABBREVIATION) {
                    j++;
                }
                if ("list".equals(h.kind())) {
                    segs.add(new Seg(T.LIST, i, j));
                    if (j < b && t.isPunct(j, ':')) {
                        j++;
                    }
                    return j;
                }
                if ("comrade".equals(h.kind()) && j + 1 < b && t.isPunct(j, ':') && t.isCapWord(j + 1)
                        && titleEnd(j + 1, b) < 0) {
                    Seg ls = new Seg(T.LIST, i, j + 1); // "kết nạp 3 đồng chí: A, B và C": a list of comrades
                    ls.honKind = h.kind();
                    segs.add(ls);
                    return j + 1;
                }
                int ne = honorificName(j, b);
                Seg hs = new Seg(T.HON, i, j);
                hs.honKind = h.kind();
                if (ne > j) {
                    segs.add(hs);
                    addName(segs, j, ne, h.kind());
                    return ne;
                }
                // "đồng chí Đại tá Nguyễn Văn A": a rank between the honorific and the name
                PhraseTrie.Match<Entry> gap = between(j, b);
                int gne = gap == null ? -1 : honorificName(gap.end(), b);
                if (gap != null && gne > gap.end()) {
                    segs.add(hs);
                    segs.add(new Seg(T.GAP, j, gap.end()));
                    addName(segs, gap.end(), gne, h.kind());
                    return gne;
                }
                if (titleEnd(j, b) > 0) {
                    segs.add(hs);
                    return j;
                }
                Seg ps = new Seg(T.PRON, i, j);
                ps.honKind = h.kind();
                segs.add(ps);
                return j;
            }
            int te = titleEnd(i, b);
            if (te > 0) {
                Seg ts = new Seg(T.TITLE, i, te);
                segs.add(ts);
                return te;
            }
            PhraseTrie.Match<Entry> gap = between(i, b);
            if (gap != null) {
                Seg g = new Seg(T.GAP, i, gap.end());
                g.assign = gap.value().kind() == Kind.ASSIGN;
                segs.add(g);
                return gap.end();
            }
            int le = leadEnd(i, b);
            if (le > i) {
                Seg g = new Seg(T.GAP, i, le);
                g.lead = true;
                segs.add(g);
                return le;
            }
            PhraseTrie.Match<String> tm = lex.triggers.longest(t, i, b);
            if (tm != null) {
                int j = tm.end();
                if (j < b && t.isPunct(j, ':')) {
                    j++;
                }
                j = Math.max(j, leadEnd(j, b));
                // a title in lower case only right after its holder's name ("A, B và C là giáo viên trường X")
                boolean afterName = OfficialLexicon.LOWER_TITLE.equals(tm.value()) && !segs.isEmpty()
                        && segs.get(segs.size() - 1).type == T.NAME && segs.get(segs.size() - 1).to == i;
                if (j < b && (t.capitalized(j) || afterName) && titleEnd(j, b) > 0) {
                    Seg trig = new Seg(T.TRIG, i, tm.end());
                    trig.lowerTitle = afterName;
                    segs.add(trig);
                    return tm.end();
                }
            }
            if (t.kind(i) == TokenKind.PUNCT) {
                char c = t.first(i);
                Seg s = new Seg(T.SEP, i, i + 1);
                s.sep = c == '–' || c == '—' ? '-' : c;
                segs.add(s);
                return i + 1;
            }
            if (t.fold(i).equals(VA)) {
                segs.add(new Seg(T.AND, i, i + 1));
                return i + 1;
            }
            PhraseTrie.Match<Entry> link = lex.titles.longest(t, i, b, e -> e.kind() == Kind.LINK);
            if (link != null && !segs.isEmpty() && segs.get(segs.size() - 1).type == T.TITLE
                    && titleEnd(link.end(), b) > 0) {
                segs.add(new Seg(T.AND, i, link.end())); // "Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ": both titles
                return link.end();
            }
            if (link != null && segs.size() >= 2 && isSep(segs.get(segs.size() - 1), ',')
                    && segs.get(segs.size() - 2).type == T.TITLE && titleEnd(link.end(), b) > 0) {
                return link.end(); // "Bí thư Huyện ủy, kiêm Chủ tịch HĐND huyện": the comma joins them
            }
            if (t.fold(i).equals(GOM)) {
                segs.add(new Seg(T.GOM, i, i + 1));
                return i + 1;
            }
            if (t.isCapWord(i)) {
                Seg prev = titleBefore(segs, i);
                int fe = prev != null ? foreignNameEnd(i, b) : -1;
                if (fe > 0) {
                    addName(segs, i, fe, null); // "Phó Tổng thống Mỹ Mike Pence", "Tổng thống nước này Moon Jae-in"
                    return fe;
                }
                int r = runEnd(i, b);
                int[] nm = rules ? standaloneName(i, r) : null;
                if (nm == null && rules && prev != null
                        && r - i >= 2 && r - i <= MAX_NAME && lex.surnameAt(t, i, r) > 0) {
                    nm = new int[] {i, r};
                }
                if (nm == null && !modelOnly && modelStart.get(i) && modelEnd[i] <= r && modelEnd[i] - i >= 2
                        && !titleWordAt(i)) {
                    nm = new int[] {i, modelEnd[i]}; // a name the rules miss, found by the model
                    r = Math.max(r, modelEnd[i]);
                }
                if (nm != null) {
                    if (nm[0] > i) {
                        segs.add(new Seg(T.OTHER, i, nm[0]));
                    }
                    addName(segs, nm[0], nm[1], null);
                    if (nm[1] < r) {
                        segs.add(new Seg(T.OTHER, nm[1], r));
                    }
                } else {
                    segs.add(new Seg(T.OTHER, i, r));
                    location(i, r, i > 0 ? i - 1 : -1);
                }
                return r;
            }
            segs.add(new Seg(T.OTHER, i, i + 1));
            return i + 1;
        }

        /** The title that ends at token {@code i}, right before it or before a rank or tail between them; or null. */
        Seg titleBefore(List<Seg> segs, int i) {
            int n = segs.size();
            Seg prev = n == 0 ? null : segs.get(n - 1);
            if (prev != null && prev.type == T.GAP && prev.to == i && n >= 2) {
                i = prev.from;
                prev = segs.get(n - 2);
            }
            return prev != null && prev.type == T.TITLE && prev.to == i ? prev : null;
        }

        /** The end of a word that stands before a title but is no part of it ("tân Chủ tịch"), or {@code i}. */
        int leadEnd(int i, int b) {
            PhraseTrie.Match<Entry> m = lex.titles.longest(t, i, b, e -> e.kind() == Kind.LEAD);
            return m != null && roleAt(m.end(), b) ? m.end() : i;
        }

        /**
         * Whether the tokens {@code [a, b)} between a title and a gap that assigns it are a term tail
         * ("Ủy viên UBND tỉnh, nhiệm kỳ 2021-2026 đối với đồng chí X"): an optional comma, a tail
         * phrase ({@code tail} in titles.tsv), then numbers and dashes only.
         */
        boolean termTail(int a, int b) {
            int k = a < b && t.isPunct(a, ',') ? a + 1 : a;
            PhraseTrie.Match<Entry> m = lex.titles.longest(t, k, b, e -> e.kind() == Kind.TAIL);
            if (m == null || b - m.end() > 5) {
                return false;
            }
            for (k = m.end(); k < b; k++) {
                if (!(t.kind(k) == TokenKind.NUMBER || t.isPunct(k, '-') || t.isPunct(k, '–'))) {
                    return false;
                }
            }
            return true;
        }

        /** A phrase that stands between a title and its name but belongs to neither ("Trung tướng", "nước này"). */
        PhraseTrie.Match<Entry> between(int i, int b) {
            PhraseTrie.Match<Entry> m = lex.titles.longest(t, i, b);
            return m != null && m.value().kind().isGap() ? m : null;
        }

        /**
         * The end of a personal name of foreign shape at {@code i} ("Mike Pence", "Moon Jae-in",
         * "Han Min-koo"): two or three capitalised words (a hyphen-joined part belongs to its word), one
         * of them of foreign shape ({@link OfficialLexicon#foreignWord}) or hyphen-joined; -1 if none.
         * A longer capitalised run is an organisation's name, not a person's.
         */
        int foreignNameEnd(int i, int b) {
            if (!rules || i >= b || !t.isCapWord(i) || titleWordAt(i)) {
                return -1;
            }
            int k = i;
            int words = 0;
            boolean foreign = false;
            while (k < b && words <= 3) {
                boolean glued = k > i && t.start(k) == t.end(k - 1);
                if (words > 0 && t.isPunct(k, '-') && k + 1 < b && t.isWord(k + 1) && glued
                        && t.start(k + 1) == t.end(k)) {
                    foreign = true; // "Jae-in", "Min-koo"
                    k += 2;
                    continue;
                }
                if (!t.isCapWord(k) || words > 0 && !glued && (roleAt(k, b) || titleWordAt(k)
                        || lex.opensSentence(t, k, b))) {
                    break;
                }
                if (lex.companyWords.contains(t.fold(k))) {
                    return -1; // "Samsung Electronics", "LienVietPostBank"
                }
                foreign |= glued || lex.foreignWord(t.text(), t.start(k), t.end(k));
                if (!glued) {
                    words++;
                }
                k++;
            }
            if (!foreign || words < 2 || words > 3) {
                return -1;
            }
            for (int s = i + 1; s < k - 1; s++) {
                if (surnameName(s, k)) {
                    return -1; // "Vinamilk Mai Kiều Liên": a company's name, then a Vietnamese name
                }
            }
            return k;
        }

        void addName(List<Seg> segs, int from, int to, String honKind) {
            Ref r = new Ref(from, to, t.slice(from, to));
            r.comrade = "comrade".equals(honKind);
            refs.add(r);
            Seg s = new Seg(T.NAME, from, to);
            s.ref = r;
            segs.add(s);
        }

        /** After an honorific: a capitalised run of 1–5 syllables that does not open a title. */
        int honorificName(int j, int b) {
            if (j < b && !t.isCapWord(j)) {
                return capitalsName(j, b);
            }
            if (j >= b) {
                return -1;
            }
            if (t.end(j) - t.start(j) == 1 && (j + 1 >= b || !t.isCapWord(j + 1))) {
                return -1; // "ông T." is an initial, not a name
            }
            if (modelOnly) {
                return modelStart.get(j) ? Math.min(modelEnd[j], b) : -1;
            }
            if (titleWordAt(j)) {
                return -1;
            }
            int r = runEnd(j, b);
            if (r - j > MAX_NAME) {
                return -1;
            }
            return r;
        }

        /**
         * After an honorific, a personal name written all in capitals ("đồng chí PHAN VĂN PHỤNG,"):
         * two to four one-syllable capital tokens, the first a surname, none a title word, and no
         * capital token after them; the end, or -1. A heading in capitals runs on, so it is no name.
         */
        int capitalsName(int j, int b) {
            if (modelOnly) {
                return -1;
            }
            int k = j;
            while (k < b && k - j <= MAX_NAME && allCapitals(k)) {
                if (titleWordAt(k)) {
                    return -1;
                }
                k++;
            }
            if (k - j < 2 || k - j > 4 || k < b && t.isLetters(k) && t.capitalized(k)) {
                return -1;
            }
            return lex.surnameAt(t, j, k) > 0 ? k : -1;
        }

        /** A token of letters written all in capitals, without dots ("PHỤNG"). */
        boolean allCapitals(int k) {
            if (!t.isLetters(k)) {
                return false;
            }
            for (int c = t.start(k); c < t.end(k); c++) {
                char ch = t.text().charAt(c);
                if (!Character.isUpperCase(ch) && Character.getType(ch) != Character.NON_SPACING_MARK) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a stop phrase of two words or more starts at {@code k} written with only its first
         * letter capitalised ("Chủ tịch UBND phường Báo cáo kết quả"): a verb, where a name would
         * capitalise every word. Read in titles only, and not in an organisation's name, whose words
         * may be written so ("Vụ Chính quyền địa phương", "Phòng Văn hóa - Thông tin", "Sở Thông tin và
         * Truyền thông").
         */
        boolean sentenceCaseStop(int k, int limit) {
            if (!t.isCapWord(k)) {
                return false;
            }
            PhraseTrie.Match<String> stop = lex.stops.longest(t, k, limit);
            if (stop == null || stop.end() - k < 2) {
                return false;
            }
            for (int s = k + 1; s < stop.end(); s++) {
                if (t.capitalized(s)) {
                    return false;
                }
            }
            return true;
        }

        boolean titleWordAt(int i) {
            PhraseTrie.Match<Entry> m = lex.titles.longest(t, i, Math.min(t.size(), i + 8));
            if (m == null) {
                return false;
            }
            if (m.end() - m.start() == 1) {
                if (m.values().stream().allMatch(e -> e.kind().isAside())) {
                    return false; // "Tân" may start a name or a place
                }
                for (Entry e : m.values()) {
                    if (e.kind().isRole() || e.kind() == Kind.PREFIX || e.kind() == Kind.BETWEEN) {
                        return true;
                    }
                }
                // a one-word body that is also a surname ("Đoàn") may start a name
                return lex.surnameAt(t, i, i + 1) == 0;
            }
            return true;
        }

        /** The end of the capitalised run at {@code i}; it stops before a title ("Ba Phó Bí thư"). */
        int runEnd(int i, int b) {
            int r = i;
            while (r < b && t.isCapWord(r) && r - i < 12) {
                if (r > i && (roleAt(r, b) || lex.opensSentence(t, r, b))) {
                    break; // "Ba Phó Bí thư", "Nguyễn Xuân Phúc Tại buổi làm việc"
                }
                r++;
            }
            return r;
        }

        /** A place of two or more tokens starts at {@code k}: "Bà Rịa - Vũng Tàu" opens with an honorific. */
        boolean placeOfSeveralWordsAt(int k, int limit) {
            PhraseTrie.Match<Place> pl = lex.places.longest(t, k, limit);
            return pl != null && pl.end() > k + 1;
        }

        /** Whether a role starts at {@code i}, after prefixes ("Phó", "nguyên") if any. */
        boolean roleAt(int i, int b) {
            int k = i;
            for (int n = 0; n < 4 && k < b; n++) {
                if (lex.titles.longest(t, k, b, e -> e.kind().isRole()) != null) {
                    return true;
                }
                PhraseTrie.Match<Entry> pre = lex.titles.longest(t, k, b, e -> e.kind() == Kind.PREFIX);
                if (pre == null) {
                    return false;
                }
                k = pre.end();
            }
            return false;
        }

        /**
         * Whether {@code [s, r)} can be a personal name by the surname list: it starts with a surname
         * and what follows the surname is not a province ("Đại học Y Hà Nội": "Y" is a surname too;
         * districts are not counted, they share names with people: "Chẩu Văn Lâm", district Văn Lâm).
         */
        boolean surnameName(int s, int r) {
            return surnameName(s, r, false);
        }

        /**
         * As {@link #surnameName(int, int)}; {@code afterTitle}: the run follows a title, where a
         * province after a surname of two letters or more is a given name ("Chánh án Tòa án nhân dân
         * tối cao Nguyễn Hòa Bình"); a one-letter surname still is not ("Đại học Y Hà Nội").
         */
        boolean surnameName(int s, int r, boolean afterTitle) {
            int sl = lex.surnameAt(t, s, r);
            if (sl == 0 || r - s < 2 || r - s > MAX_NAME) {
                return false;
            }
            if (afterTitle && sl == 1 && t.end(s) - t.start(s) >= 2 && r - s >= 3) {
                return true;
            }
            if (s + sl < r) {
                PhraseTrie.Match<Place> tail = lex.places.longest(t, s + sl, r, pl -> pl.level() == 1);
                return tail == null || tail.end() != r;
            }
            return true;
        }

        /** A personal name inside the capitalised run {@code [i, r)}, by the surname list; null if none. */
        int[] standaloneName(int i, int r) {
            int len = r - i;
            if (titleWordAt(i)) {
                return null;
            }
            PhraseTrie.Match<Place> pm = lex.places.longest(t, i, r, pl -> pl.level() <= 2);
            if (pm != null && pm.end() == r) {
                return null;
            }
            if (len >= 2 && len <= MAX_NAME && surnameName(i, r) && pm == null) {
                return new int[] {i, r};
            }
            if (len > MAX_NAME || pm != null) {
                int from = pm != null ? pm.end() : i + 1;
                for (int s = from; s <= r - 2; s++) {
                    if (r - s <= 4 && surnameName(s, r)) {
                        return new int[] {s, r};
                    }
                }
            }
            return null;
        }

        // ------------------------------------------------------------------ titles

        /** The end of a title starting at {@code i} ([prefix…] role …), or -1. */
        int titleEnd(int i, int b) {
            if (i >= b) {
                return -1; // an honorific that ends the text ("… ông.")
            }
            if (i > 0 && !t.capitalized(i)) {
                // no title starts inside a stop phrase: "Chính quyền Tổng thống Mỹ" (quyền, acting)
                PhraseTrie.Match<String> stop = lex.stops.longest(t, i - 1, b);
                if (stop != null && stop.end() > i) {
                    return -1;
                }
            }
            int k = i;
            PhraseTrie.Match<Entry> role = null;
            for (int n = 0; n < 4 && k < b; n++) {
                role = lex.titles.longest(t, k, b, e -> e.kind().isRole());
                if (role != null) {
                    break;
                }
                PhraseTrie.Match<Entry> pre = lex.titles.longest(t, k, b, e -> e.kind() == Kind.PREFIX);
                if (pre == null) {
                    return -1;
                }
                k = pre.end();
            }
            if (role == null) {
                return -1;
            }
            // a bound role is a title only with its body right after it ("giáo viên trường X", not
            // "giáo viên", nor "giáo viên bộ môn", where the title would end at the role)
            if (role.values().stream().allMatch(e -> e.kind() == Kind.BOUND_ROLE)) {
                PhraseTrie.Match<Entry> body = lex.titles.longest(t, role.end(), b,
                        e -> e.kind() == Kind.BODY || e.kind() == Kind.OPEN_BODY);
                if (body == null || extend(i, role.end(), b, true, false, Kind.ROLE, true) <= role.end()) {
                    return -1;
                }
            }
            // the role's last word may open a longer body: "Trưởng Ban" + "Ban Tổ chức Trung ương"
            for (int s = role.start() + 1; s < role.end(); s++) {
                PhraseTrie.Match<Entry> body = nonRole(s, b);
                if (body != null && body.end() >= role.end()) {
                    return extend(i, body.end(), b, false, orgNameContext(body), Kind.ROLE, true);
                }
            }
            Kind roleKind = Kind.ROLE;
            for (Entry e : role.values()) {
                if (e.kind() == Kind.COMPANY_ROLE || e.kind() == Kind.MINISTER_ROLE) {
                    roleKind = e.kind();
                }
            }
            return extend(i, role.end(), b, true, false, roleKind, true);
        }

        /** Extends a title or body from {@code k} over bodies, modifiers, places and terms. */
        int extend(int start, int k, int b, boolean bare) {
            return extend(start, k, b, bare, false, Kind.ROLE, false);
        }

        boolean orgNameContext(PhraseTrie.Match<Entry> m) {
            for (Entry e : m.values()) {
                if (e.kind() == Kind.BODY || e.kind() == Kind.OPEN_BODY) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Extends a title or body from {@code k}. {@code orgName}: the last thing read was a body, so
         * a proper name may follow in the usual style, first syllable of each word capitalised
         * ("Sở Tài nguyên và Môi trường", "Bộ Dân tộc và Tôn giáo", "Ban Văn hóa-Văn nghệ").
         * {@code lowerNames}: a title, where the name after a head of named-heads.tsv may go on in
         * lower case ({@link #lowerName}).
         */
        int extend(int start, int k, int b, boolean bare, boolean orgName, Kind roleKind, boolean lowerNames) {
            boolean company = roleKind == Kind.COMPANY_ROLE;
            boolean portfolio = roleKind == Kind.MINISTER_ROLE;
            int last = k;
            boolean open = false;
            boolean afterPlaceKind = false;
            boolean numberedPlace = false; // a level whose units may be numbered ("thôn 3", "Quận 1")
            boolean afterOrgHead = false; // "Bệnh viện": the capitalised name after it is the organisation's
            int cutRun = -1; // where a capitalised run was cut before a stop phrase in sentence case
            int and = -1; // the last "và" read
            // a head whose name may go on in lower case (named-heads.tsv): in titles only, where the
            // holder's predicate ends it; a body on its own is followed by any verb ("Vụ Pháp chế góp ý …")
            int named = lowerNames ? namedHeadEndingAt(k) : NO_HEAD;
            // a role ending in a level ("Trưởng ấp", "Trưởng thôn"): its unit's name or number follows
            for (int s = Math.max(start, k - 2); s < k && !afterPlaceKind; s++) {
                PhraseTrie.Match<Entry> level = lex.titles.longest(t, s, k, e -> e.kind().isPlaceKind());
                if (level != null && level.end() == k) {
                    afterPlaceKind = true;
                    numberedPlace = level.values().stream().anyMatch(e -> e.kind() == Kind.NUMBERED_PLACE_KIND);
                }
            }
            int limit = Math.min(b, start + MAX_TITLE_TOKENS);
            while (k < limit) {
                if (modelOnly && modelStart.get(k)) {
                    break;
                }
                if (named != NO_HEAD && t.isWord(k) && !t.capitalized(k)) {
                    boolean proper = properNameBefore(k);
                    int j = lowerName(k, limit, named == TOPIC_HEAD, proper);
                    if (j > k) { // "Viện trưởng Viện nghiên cứu phát triển xã hội", "Cục Cảnh sát hình sự"
                        k = j;
                        last = j;
                        orgName = true;
                        afterPlaceKind = false;
                        bare = false;
                        if (j < limit && !t.capitalized(j) && !isJoiner(j) && clauseStarts(j, limit, proper)) {
                            break; // "… Giáo dục ĐH và nghề nghiệp | khuyên thí sinh"
                        }
                        continue;
                    }
                }
                if (!t.capitalized(k) && lex.stops.longest(t, k, limit) != null || k > start && lowerNames && (!orgName || k == cutRun) && sentenceCaseStop(k, limit)) {
                    break;
                }
                if (k > start && (t.isPunct(k - 1, '-') || t.isPunct(k - 1, '–'))) {
                    // "Chủ tịch HĐND – Chủ trì cuộc họp": a meeting verb with a capital after a dash is the
                    // holder's predicate (predicates.txt), unless written all in capitals like a name
                    PhraseTrie.Match<String> verb = lex.predicates.longest(t, k, limit);
                    if (verb != null && verb.end() - k > 1 && !t.capitalized(verb.end() - 1)) {
                        break;
                    }
                }
                String f = t.fold(k);
                if (f.equals(VA)) {
                    if (k + 1 < limit && (roleAt(k + 1, b) || lex.honorifics.longest(t, k + 1, b) != null)) {
                        break;
                    }
                    if (k + 1 < limit && (t.isCapWord(k + 1) || nonRole(k + 1, limit) != null)) {
                        and = k;
                        k++;
                        continue;
                    }
                    break;
                }
                if (t.isPunct(k, ',') && orgName && k > start && k == last && fieldWordEndingAt(k) >= 0) {
                    int e = fieldList(k, limit);
                    if (e > k) { // "Sở Văn hóa, Thể thao và Du lịch": the fields of one body, listed
                        k = e;
                        last = e;
                        afterPlaceKind = false;
                        continue;
                    }
                }
                if (t.isPunct(k, '-') || t.isPunct(k, '–') || t.isPunct(k, '/')) {
                    if (k + 1 < limit && roleAt(k + 1, b)) {
                        break;
                    }
                    boolean abbr = k + 1 < limit && t.kind(k + 1) == TokenKind.ABBREVIATION && k > start
                            && t.kind(k - 1) == TokenKind.ABBREVIATION; // "Bộ TT-TT", "Sở LĐ-TB&XH"
                    if (k + 1 < limit && (t.isCapWord(k + 1) || abbr) && k > start && (t.capitalized(k - 1) || orgName)) {
                        k++;
                        continue;
                    }
                    break;
                }
                if (t.isPunct(k, '&') && k > start && k + 1 < limit && t.kind(k - 1) == TokenKind.ABBREVIATION
                        && t.kind(k + 1) == TokenKind.ABBREVIATION && t.end(k - 1) == t.start(k) && t.end(k) == t.start(k + 1)) {
                    k += 2; // "Sở GD&ĐT", "Bộ trưởng KH&ĐT": one abbreviation written with "&"
                    last = k;
                    bare = false;
                    orgName = true;
                    continue;
                }
                if (t.isPunct(k, '(') && orgName && k + 3 < limit && t.kind(k + 1) == TokenKind.ABBREVIATION
                        && t.isPunct(k + 2, ')') && (nonRole(k + 3, limit) != null || t.isCapWord(k + 3))) {
                    k += 3; // "Ủy ban Kiểm tra (UBKT) Tỉnh ủy Sơn La": an abbreviation inside the name goes on
                    continue;
                }
                // a country follows a role or a portfolio only ("Phó Tổng thống Mỹ"), a portfolio a
                // minister's role only ("Bộ trưởng Quốc phòng Hàn Quốc", not "Chủ tịch Tài chính Hoàng Huy")
                PhraseTrie.Match<Entry> m = nonRole(k, limit, bare, bare && portfolio);
                if (m != null && !bare && !t.capitalized(k) && clauseWord(k, limit) != null
                        && m.values().stream().allMatch(e -> e.kind() == Kind.MODIFIER)
                        && !(m.end() < limit && (t.capitalized(m.end()) || nonRole(m.end(), limit) != null))) {
                    // "Phó giám đốc sở GD-ĐT Hà Nội | phụ trách trực tiếp khối GD mầm non": a predicate, not
                    // the office one is in charge of ("Phó trưởng phòng phụ trách Phòng nghiên cứu …")
                    break;
                }
                if (m != null && m.value().kind().isGap()) {
                    break; // "trưởng đoàn Trung tướng Hà Lôi", "Tổng thống nước này Moon Jae-in"
                }
                if (m != null) {
                    Kind kind = m.value().kind();
                    if (kind == Kind.COUNTRY || kind == Kind.PORTFOLIO) {
                        portfolio = false;
                        k = m.end();
                        last = k;
                        orgName = false;
                        afterPlaceKind = false;
                        continue; // still bare: a name may follow ("Bộ trưởng Quốc phòng James Mattis")
                    }
                    if (kind == Kind.TERM) {
                        if (k + 1 < limit && isTermNumber(m.end())) {
                            k = m.end() + 1;
                            last = k;
                            continue;
                        }
                        break;
                    }
                    for (Entry e : m.values()) {
                        open |= e.kind() == Kind.OPEN_BODY;
                    }
                    orgName = orgNameContext(m);
                    afterOrgHead = orgName && lex.isOrgHead(t.text().substring(t.start(k), t.end(m.end() - 1)));
                    // a body after "của" owns the named one before it, whose name may go on
                    // ("Ban chỉ đạo của Thành ủy về thực hiện NQ 28")
                    boolean owner = named != NO_HEAD && k > start && t.fold(k - 1).equals(CUA);
                    named = owner ? named : lowerNames && orgName && t.capitalized(k) ? namedHead(k, m.end()) : NO_HEAD;
                    afterPlaceKind = kind.isPlaceKind();
                    numberedPlace = kind == Kind.NUMBERED_PLACE_KIND;
                    bare = false;
                    k = m.end();
                    last = k;
                    continue;
                }
                if (t.isCapWord(k) && k > start && !open && (lex.opensSentence(t, k, limit)
                        || lex.honorifics.longest(t, k, limit) != null && !placeOfSeveralWordsAt(k, limit))) {
                    break; // a line run into the next: "… Tỉnh ủy Yên Bái Sáng 8/2", "… Trung ương Ông Nguyễn Văn Bình"
                }
                if (t.isCapWord(k)) {
                    int r = runEnd(k, limit);
                    if (r - 1 > k && sentenceCaseStop(r - 1, limit)) {
                        r--; // "Công ty Thiên An Phúc Yêu cầu bãi bỏ": the run ends before the verb
                        cutRun = r;
                    }
                    if (bare && surnameName(k, r)) {
                        break;
                    }
                    if (bare && company && lex.places.longest(t, k, r, pl -> pl.level() <= 2) == null) {
                        // "Phó Tổng giám đốc Sabeco", "Tổng giám đốc Vinamilk Mai Kiều Liên": a company's
                        // own name of up to three words follows a company role
                        int s = nameSplit(k, r, false);
                        if (s > k && s - k <= 3) {
                            last = s;
                            break;
                        }
                        boolean companyName = r - k >= 2 || lex.foreignWord(t.text(), t.start(k), t.end(k))
                                || lex.companyWords.contains(t.fold(r - 1));
                        if (s < 0 && r - k <= 3 && companyName) {
                            k = r;
                            last = r;
                            bare = false;
                            continue;
                        }
                        break;
                    }
                    // "Bộ trưởng Bộ Nội vụ (Slovakia) Robert Kalinak": a foreign name after a body (and its
                    // country) is its holder's, not part of the body's name
                    PhraseTrie.Match<Entry> country = bare ? null
                            : lex.titles.longest(t, k, limit, e -> e.kind() == Kind.COUNTRY);
                    if (country != null && foreignNameEnd(country.end(), limit) > 0) {
                        last = country.end();
                        break;
                    }
                    if (bare && foreignNameEnd(k, limit) > 0) {
                        break;
                    }
                    // right after a bare role, a capitalised run that is no body and no place is
                    // someone's name ("Thủ tướng Shinzo Abe"), not part of the title
                    if (bare && lex.places.longest(t, k, r, pl -> pl.level() <= 2) == null) {
                        break;
                    }
                    // after a head of organisation names ("Bệnh viện", org-heads.txt) the run names the
                    // organisation ("Giám đốc Bệnh viện Bạch Mai"); a holder's name may still end it
                    int s = afterOrgHead && !bare ? holderAfterOrgName(k, r) : nameSplit(k, r, afterPlaceKind);
                    afterOrgHead = false;
                    if (s == k) {
                        break;
                    }
                    if (s > k) {
                        last = s;
                        break;
                    }
                    if (afterPlaceKind) {
                        location(k, r, k - 1);
                    }
                    afterPlaceKind = false;
                    bare = false;
                    int runStart = k;
                    k = r;
                    last = r;
                    int whole = t.snapEnd(runStart, k, limit); // "Tài" + "chính": the word Tài_chính
                    if (whole > k) {
                        k = whole;
                        last = whole;
                        continue;
                    }
                    // "Tài nguyên", "Dân tộc": one lower-case syllable ends a word of an organisation's name
                    PhraseTrie.Match<Place> runPlace = lex.places.longest(t, runStart, r);
                    if (orgName && r - runStart == 1 && k < limit && t.isWord(k) && !t.capitalized(k) && !t.fold(k).equals(VA)
                            && (runPlace == null || runPlace.end() != r) && lex.stops.longest(t, k, limit) == null
                            && nonRole(k, limit) == null && !clauseStarts(k, limit, properNameBefore(k))) {
                        k++;
                        last = k;
                    }
                    continue;
                }
                if (t.kind(k) == TokenKind.ABBREVIATION && lex.honorifics.longest(t, k, limit) == null) {
                    k++; // "ĐH", "THPT", "HĐQT": an organisation's name may go on ("ĐH Quốc gia")
                    last = k;
                    bare = false;
                    orgName = true;
                    continue;
                }
                if (t.kind(k) == TokenKind.NUMBER && (orgName || afterPlaceKind && numberedPlace) && k == last && t.end(k) - t.start(k) <= 3) {
                    k++; // "Quân khu 5", "Trung đoàn 6", "thôn 3", "Phường 3"
                    last = k;
                    orgName = false;
                    afterPlaceKind = false;
                    numberedPlace = false;
                    named = NO_HEAD;
                    continue;
                }
                if (orgName && k == last && k > start && t.fold(k).equals(SO) && k + 1 < limit
                        && t.kind(k + 1) == TokenKind.NUMBER && t.end(k + 1) - t.start(k + 1) <= 3) {
                    k += 2; // "Công ty Cổ phần Xây dựng số 1", "Trường THCS số 2": the number names the body
                    last = k;
                    orgName = false;
                    continue;
                }
                if (open && t.isWord(k) && t.capitalized(k - 1) && t.kind(k - 1) == TokenKind.WORD) {
                    k++;
                    last = k;
                    continue;
                }
                break;
            }
            if (and >= 0 && and < last && onlyPlainWords(and + 1, last)) {
                last = and; // "Chủ tịch UBND huyện Phú Xuyên | và các đơn vị chức năng": no second body followed
            }
            return t.snapEnd(start, last, b);
        }

        /**
         * The first token of the field word that ends right before {@code k}, or -1: a word of the
         * segmenter of two syllables or more written in sentence case ("Văn hóa", "Du lịch"), which a
         * personal name or a place, capitalised in every syllable, never is.
         */
        int fieldWordEndingAt(int k) {
            if (k < 2 || !t.endsWord(k - 1) || !t.isWord(k - 1) || t.capitalized(k - 1)) {
                return -1;
            }
            int h = t.wordHead(k - 1);
            if (h >= k - 1 || !t.isCapWord(h)) {
                return -1;
            }
            for (int i = h + 1; i < k; i++) {
                if (!t.isWord(i) || t.capitalized(i)) {
                    return -1;
                }
            }
            return h;
        }

        /**
         * After a field of a body's name and the comma at {@code k}: the end of the list of its other
         * fields, each a word in sentence case, the last after "và" ("Sở Văn hóa, Thể thao và Du
         * lịch", "Bộ Lao động, Thương binh và Xã hội"); {@code k} when there is none (a role, a
         * name or anything else follows).
         */
        int fieldList(int k, int limit) {
            int i = k;
            for (int n = 0; n < 4 && i < limit && t.isPunct(i, ','); n++) {
                int e = fieldWordAt(i + 1, limit);
                if (e < 0) {
                    return k;
                }
                i = e;
                if (i + 1 < limit && t.fold(i).equals(VA)) {
                    int last = fieldWordAt(i + 1, limit);
                    return last < 0 ? k : last;
                }
            }
            return k;
        }

        /** The end of a field word in sentence case starting at {@code i} (no role), or -1. */
        int fieldWordAt(int i, int limit) {
            if (i >= limit || !t.isCapWord(i) || roleAt(i, limit)) {
                return -1;
            }
            int e = i + 1;
            while (e < limit && !t.endsWord(e - 1)) {
                e++;
            }
            return e - i >= 2 && e <= limit && fieldWordEndingAt(e) == i ? e : -1;
        }

        /** Whether tokens {@code [from, to)} are only plain words of the title lexicon ("các", "cơ quan"). */
        boolean onlyPlainWords(int from, int to) {
            int k = from;
            while (k < to) {
                PhraseTrie.Match<Entry> m = lex.titles.longest(t, k, to);
                if (m == null || m.values().stream().anyMatch(e -> e.kind() != Kind.WORD)) {
                    return false;
                }
                k = m.end();
            }
            return k == to;
        }

        /**
         * Whether a head of named-heads.tsv ends right before token {@code k} ("Cục", "Ban Chỉ
         * đạo"): {@link #TOPIC_HEAD}, {@link #NAME_HEAD} or {@link #NO_HEAD}.
         */
        int namedHeadEndingAt(int k) {
            for (int s = Math.max(0, k - MAX_HEAD_TOKENS); s < k; s++) {
                // the head starts a word, or ends a role ("Trưởng phòng"), but is no tail of a body ("Văn phòng")
                PhraseTrie.Match<Entry> role = s == 0 ? null : lex.titles.longest(t, s - 1, k, e -> e.kind().isRole());
                boolean starts = s == 0 || t.endsWord(s - 1) || role != null && role.end() > s;
                int h = starts ? namedHead(s, k) : NO_HEAD;
                if (h != NO_HEAD) {
                    return h;
                }
            }
            return NO_HEAD;
        }

        /** Whether tokens {@code [from, to)} are exactly a head of named-heads.tsv, and of which kind. */
        int namedHead(int from, int to) {
            PhraseTrie.Match<Boolean> h = lex.namedHeads.longest(t, from, to);
            if (h == null || h.end() != to || !t.capitalized(from) && !t.endsWord(to - 1)) {
                return NO_HEAD; // "Giám đốc tổ chức …": "tổ" is no head inside the word "tổ chức"
            }
            return h.value() ? TOPIC_HEAD : NAME_HEAD;
        }

        /**
         * The end of an organisation's name written in lower case from token {@code k} (after a
         * named head or its capitalised start): lower-case words, "và", numbers and, after a topic
         * head, "về", up to {@link #MAX_LOWER_NAME} words (after a topic head up to {@link
         * #MAX_LOWER_TOPIC}) and up to a delimiter, a capitalised word,
         * a stop phrase or a title-lexicon phrase other than a plain word; {@code k} when there is none.
         * A joiner it ends with ("và", "của", "về") stays out unless a body or a capitalised word follows.
         * {@code proper}: a proper name ends right before {@code k} ({@link #properNameBefore}), so a
         * verb or preposition ends the name too ({@link #clauseStarts}).
         */
        int lowerName(int k, int limit, boolean topic, boolean proper) {
            int j = k;
            int words = 0;
            int max = topic ? MAX_LOWER_TOPIC : MAX_LOWER_NAME;
            while (j < limit && words < max) {
                if (j > k && t.kind(j) == TokenKind.NUMBER && t.end(j) - t.start(j) <= 3) {
                    j++; // "Vụ địa bàn 6", "Phòng quản lý dự án 2"
                    words++;
                    continue;
                }
                if (!t.isWord(j) || t.capitalized(j)) {
                    break;
                }
                boolean ve = t.fold(j).equals(VE);
                if (ve && !topic) {
                    break;
                }
                // only whole words end it: "môi trường", "xã hội" hold no body "Trường", no place kind "xã"
                boolean wordStart = j == k || t.endsWord(j - 1);
                if (!ve && wordStart && (wholeWords(lex.stops.longest(t, j, limit)) || wholeWords(lex.honorifics.longest(t, j, limit))
                        || wholeWords(lex.titles.longest(t, j, limit, e -> e.kind() != Kind.WORD && e.kind() != Kind.PORTFOLIO)))) {
                    break;
                }
                if (!isJoiner(j) && clauseStarts(j, limit, proper)) {
                    break; // "Trường mầm non Đồng Thắng | lý giải", "… phát triển cộng đồng | thì"
                }
                j++;
                words++;
            }
            if (j < limit && words >= max && t.isWord(j) && !t.capitalized(j)) {
                return k; // a clause, not a name
            }
            while (j > k && isJoiner(j - 1) && !(j < limit && (t.isCapWord(j) && !roleAt(j, limit)
                    || lex.titles.longest(t, j, limit, e -> e.kind() == Kind.BODY) != null))) {
                j--;
            }
            if (j > k && (!t.endsWord(j - 1) || j < limit && roleAt(j, limit))) {
                return k; // "Ủy ban châu | Âu" ends inside a word; "… Kỹ thuật rồi | Phó Bí thư" runs into a title
            }
            return j;
        }

        /**
         * The clause word that is the segmenter's word at {@code j} (which must start there), or null:
         * a word that begins a clause (clause-words.txt: a verb, adverb or conjunction of the treebank
         * that names no organisation's field), so that an organisation's name in lower case ends before it.
         */
        PhraseTrie.Match<String> clauseWord(int j, int limit) {
            if (j > 0 && !t.endsWord(j - 1)) {
                return null;
            }
            for (int e = j; e < limit && e < j + lex.clauseWords.maxLength(); e++) {
                if (t.endsWord(e)) {
                    return lex.clauseWords.exactly(t, j, e + 1);
                }
            }
            return null;
        }

        /**
         * Whether a clause begins at {@code j}, ending the lower-case name before it: an adverb or
         * conjunction anywhere ("… phát triển cộng đồng | thì"), a verb or preposition after a proper
         * name ({@code proper}: "Trường mầm non Đồng Thắng | lý giải", "Công ty Thiên Thanh | từ xa"),
         * not in the lower-case name right after its head, where verbs name the field ("Trung tâm dự
         * báo nhu cầu nhân lực"), nor right after "và", which joins a second field ("… HIV/AIDS và
         * điều trị nghiện chất"), nor before a capitalised body it links the name to ("Viện nghiên
         * cứu Katif thuộc Trung tâm …").
         */
        boolean clauseStarts(int j, int limit, boolean proper) {
            PhraseTrie.Match<String> m = clauseWord(j, limit);
            if (m == null) {
                return false;
            }
            if (m.values().contains(OfficialLexicon.ANYWHERE)) {
                return true;
            }
            if (!proper || j > 0 && t.fold(j - 1).equals(VA)) {
                return false;
            }
            return !(m.end() < limit && t.capitalized(m.end()) && nonRole(m.end(), limit) != null);
        }

        /**
         * Whether a proper name ends right before token {@code k}: an abbreviation ("SCIC", "TTKS"),
         * a word of foreign shape ("Vinachem"), a place, or two capitalised words of no title-lexicon
         * phrase ("Toàn Cầu"; not "Trưởng Ban", "Cục Chống"), not a name's words in sentence case
         * ("Trung tâm Y tế | dự phòng").
         */
        boolean properNameBefore(int k) {
            if (k == 0 || !t.capitalized(k - 1) || !t.isWord(k - 1) && t.kind(k - 1) != TokenKind.ABBREVIATION) {
                return false;
            }
            return t.kind(k - 1) == TokenKind.ABBREVIATION || allCapitals(k - 1)
                    || lex.foreignWord(t.text(), t.start(k - 1), t.end(k - 1))
                    || k >= 2 && t.isCapWord(k - 2) && t.isCapWord(k - 1) && !titleWordAt(k - 2) && !titleWordAt(k - 1)
                    || lex.places.endingAt(t, k) != null;
        }

        /** Whether a match (or null) ends where a word of the segmenter ends. */
        boolean wholeWords(PhraseTrie.Match<?> m) {
            return m != null && t.endsWord(m.end() - 1);
        }

        boolean isJoiner(int i) {
            String f = t.fold(i);
            return f.equals(VA) || f.equals(VE) || f.equals(CUA);
        }

        PhraseTrie.Match<Entry> nonRole(int k, int limit) {
            return nonRole(k, limit, true, true);
        }

        /** As {@link #nonRole(int, int)}, with countries and ministers' portfolios only where allowed. */
        PhraseTrie.Match<Entry> nonRole(int k, int limit, boolean countries, boolean portfolios) {
            return lex.titles.longest(t, k, limit, e -> !e.kind().isRole() && e.kind() != Kind.PREFIX && !e.kind().isAside()
                    && (countries || e.kind() != Kind.COUNTRY) && (portfolios || e.kind() != Kind.PORTFOLIO));
        }

        boolean isTermNumber(int k) {
            if (k >= t.size()) {
                return false;
            }
            if (t.kind(k) == TokenKind.NUMBER) {
                return true;
            }
            if (t.kind(k) != TokenKind.WORD && t.kind(k) != TokenKind.ABBREVIATION) {
                return false;
            }
            for (int c = t.start(k); c < t.end(k); c++) {
                if ("IVXLC".indexOf(t.text().charAt(c)) < 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Where a personal name starts inside the capitalised run {@code [k, r)} that follows a
         * title: after a place name ("Chư Prông Đinh Văn Dũng"), or the whole run; -1 if no name.
         */
        int nameSplit(int k, int r, boolean afterPlaceKind) {
            if (modelOnly) {
                for (int s = k; s < r; s++) {
                    if (modelStart.get(s)) {
                        return s;
                    }
                }
                return -1;
            }
            int maxLevel = afterPlaceKind && k > 0 && isCommuneKind(k - 1) ? 3 : 2;
            PhraseTrie.Match<Place> pm = lex.places.longest(t, k, r, pl -> pl.level() <= maxLevel);
            if (pm != null) {
                int s = pm.end();
                if (surnameName(s, r, true)) {
                    return s;
                }
                return -1;
            }
            if (surnameName(k, r, true)) {
                return k;
            }
            if (r - k >= 4) {
                for (int s = k + 1; s <= r - 2; s++) {
                    if (r - s <= 4 && surnameName(s, r, true)) {
                        return s;
                    }
                }
            }
            return -1;
        }

        /**
         * Where a holder's name starts inside the capitalised run {@code [k, r)} that follows a head
         * of organisation names, leaving the organisation at least two words ("Bạch Mai | Đào Xuân
         * Cơ"): a name of three syllables first, then two, then four; -1 if none.
         */
        int holderAfterOrgName(int k, int r) {
            for (int len : NAME_LENGTHS) {
                if (r - len >= k + 2 && surnameName(r - len, r, true)) {
                    return r - len;
                }
            }
            return -1;
        }

        boolean isCommuneKind(int i) {
            String f = t.fold(i);
            return f.equals(XA) || f.equals(PHUONG) || f.equals(TRAN);
        }

        void location(int from, int to, int prev) {
            PhraseTrie.Match<Place> pm = lex.places.longest(t, from, to, pl -> pl.level() <= 2);
            if (pm != null && pm.end() == to) {
                locs.add(new Labelled(t.start(from), t.end(to - 1), pm.value().kind()));
            } else if (prev >= 0 && lex.titles.longest(t, prev, from, e -> e.kind().isPlaceKind()) != null) {
                PhraseTrie.Match<Place> any = lex.places.longest(t, from, to);
                if (any != null && any.end() == to) {
                    locs.add(new Labelled(t.start(from), t.end(to - 1), any.value().kind()));
                }
            }
        }

        // ------------------------------------------------------------------ patterns

        /** "diễn giả: Hữu Việt, Vụ trưởng, …": a capitalised run opening a list clause before a title. */
        void promoteListNames(List<Seg> segs) {
            if (!rules) {
                return;
            }
            for (int x = 0; x + 2 < segs.size(); x++) {
                Seg s = segs.get(x);
                if (s.type != T.OTHER || s.to - s.from < 2 || s.to - s.from > 4 || !t.isCapWord(s.from)
                        || !t.isCapWord(s.to - 1)) {
                    continue;
                }
                boolean opens = x > 0 && segs.get(x - 1).type == T.SEP
                        && (segs.get(x - 1).sep == ':' || segs.get(x - 1).sep == ';');
                if (opens && segs.get(x + 1).type == T.SEP && segs.get(x + 1).sep == ','
                        && segs.get(x + 2).type == T.TITLE && !titleWordAt(s.from)) {
                    Ref r = new Ref(s.from, s.to, t.slice(s.from, s.to));
                    refs.add(r);
                    Seg n = new Seg(T.NAME, s.from, s.to);
                    n.ref = r;
                    segs.set(x, n);
                }
            }
        }

        void patterns(List<Seg> segs) {
            int size = segs.size();
            int group = -1;
            members.clear();
            boolean comrades = false; // in the run of names right after "đồng chí:"
            for (Seg s : segs) {
                if (s.type == T.LIST) {
                    group = groups++;
                    members.put(group, new ArrayList<>());
                    comrades = "comrade".equals(s.honKind);
                } else if (s.type == T.NAME && group >= 0) {
                    s.ref.group = group;
                    s.ref.comrade |= comrades;
                    members.get(group).add(s.ref);
                } else if (!(s.type == T.TITLE || s.type == T.HON || s.type == T.AND
                        || s.type == T.SEP && (s.sep == ',' || s.sep == ';' || s.sep == '-'))) {
                    comrades = false;
                }
            }
            for (int x = 0; x + 3 < size; x++) {
                if (segs.get(x).type == T.NAME && isSep(segs.get(x + 1), '(') && segs.get(x + 2).type == T.NAME
                        && isSep(segs.get(x + 3), ')') && segs.get(x).ref.aliasOf == null) {
                    segs.get(x + 2).ref.aliasOf = segs.get(x).ref; // "Lê Văn Nhung (Lê Việt Thắng)": one person
                }
            }
            for (int x = 0; x < size; x++) {
                Seg s = segs.get(x);
                if (s.type == T.NAME) {
                    before(segs, x);
                    after(segs, x);
                }
            }
            for (int x = 0; x < size; x++) {
                Seg s = segs.get(x);
                if (s.type == T.TRIG) {
                    predicate(segs, x);
                } else if (s.type == T.GOM && x > 0 && segs.get(x - 1).type == T.TITLE) {
                    gom(segs, x);
                } else if (s.type == T.TITLE && x + 2 < size && segs.get(x + 1).type == T.SEP && segs.get(x + 1).sep == ':'
                        && t.capitalized(s.from)) {
                    sharedBeforeColon(segs, x);
                }
            }
            for (Seg s : segs) {
                if (s.type == T.NAME) {
                    lastRef = s.ref.aliasOf != null ? s.ref.aliasOf : s.ref;
                } else if (s.type == T.TITLE && !s.claimed) {
                    unclaimedTitles.add(s);
                }
            }
        }

        /** "t1, t2 X": the title right before the name, and titles joined to it by commas. */
        void before(List<Seg> segs, int x) {
            Seg name = segs.get(x);
            int y = x - 1;
            if (y < 0) {
                return;
            }
            Seg prev = segs.get(y);
            int held = prev.type == T.GAP && prev.to == name.from ? titleBeforeGap(segs, y) : -1;
            if (held >= 0) {
                y = held; // "trưởng đoàn Trung tướng Hà Lôi": the rank is no part of the title
                prev = segs.get(y);
            } else if (prev.type != T.TITLE || prev.to != name.from) {
                return;
            }
            attach(name.ref, prev);
            y--;
            while (y >= 1) {
                Seg sep = segs.get(y);
                Seg title = segs.get(y - 1);
                boolean joins = (sep.type == T.SEP && (sep.sep == ',' || sep.sep == '-')) || sep.type == T.AND;
                if (!joins || title.type != T.TITLE || title.claimed) {
                    break;
                }
                attach(name.ref, title);
                y -= 2;
            }
        }

        /**
         * The index of the title before the gap {@code segs[y]}: right before it, or, before a gap
         * that assigns a post, before a term tail ("bầu Ủy viên UBND tỉnh, nhiệm kỳ 2021-2026 đối
         * với đồng chí X"); -1 if none.
         */
        int titleBeforeGap(List<Seg> segs, int y) {
            Seg gap = segs.get(y);
            for (int z = y - 1; z >= 0 && z >= y - 8; z--) {
                Seg s = segs.get(z);
                if (s.type == T.TITLE) {
                    return s.to == gap.from || gap.assign && termTail(s.to, gap.from) ? z : -1;
                }
                if (!gap.assign) {
                    return -1;
                }
            }
            return -1;
        }

        /** "X, t1, t2", "X - t1", "X (t1)", "X, t1 và t2". */
        void after(List<Seg> segs, int x) {
            Seg name = segs.get(x);
            int y = x + 1;
            if (y < segs.size() && glued(segs, x, y)) {
                attach(name.ref, segs.get(y)); // "đ/c Lê Văn Sơn PBT đảng ủy": no separator before the title
                y++;
            }
            while (y + 1 < segs.size()) {
                Seg sep = segs.get(y);
                if (segs.get(y + 1).lead && y + 2 < segs.size()) {
                    y++; // "X - tân Ủy viên UBND tỉnh": "tân" is no part of the title
                }
                Seg title = segs.get(y + 1);
                boolean joins = sep.type == T.AND
                        || sep.type == T.SEP && (sep.sep == ',' || sep.sep == '-' || sep.sep == '(' || sep.sep == ':')
                        || y > x + 1 && isSep(sep, ';') && titleClosesClause(segs, y + 2);
                if (!joins || title.type != T.TITLE) {
                    break;
                }
                if (y + 2 < segs.size() && (segs.get(y + 2).type == T.NAME || segs.get(y + 2).type == T.OTHER
                        && t.isCapWord(segs.get(y + 2).from) && !sentenceCaseStop(segs.get(y + 2).from, t.size())
                        && !lex.opensSentenceWithPhrase(t, segs.get(y + 2).from, t.size()))
                        && segs.get(y + 2).from == title.to) {
                    break; // the title belongs to the next name ("…, Chủ tịch UBND tỉnh Nguyễn Văn A")
                }
                attach(name.ref, title);
                y += 2;
                if (sep.sep == '(') {
                    break;
                }
            }
        }

        /**
         * Whether {@code segs[y]} is a title written right after the name {@code segs[x]} with no
         * separator, after an honorific ("đồng chí Võ Tấn Lạt BTĐU"), that no name follows (else it
         * is the next name's: "ông A Chủ tịch UBND xã B").
         */
        boolean glued(List<Seg> segs, int x, int y) {
            Seg name = segs.get(x);
            Seg title = segs.get(y);
            if (title.type != T.TITLE || title.from != name.to || x == 0 || segs.get(x - 1).type != T.HON) {
                return false;
            }
            return !(y + 1 < segs.size() && segs.get(y + 1).from == title.to
                    && (segs.get(y + 1).type == T.NAME || segs.get(y + 1).type == T.OTHER && t.isCapWord(segs.get(y + 1).from)
                    && !sentenceCaseStop(segs.get(y + 1).from, t.size())));
        }

        /**
         * "X làm t1", "Ông là t1 và t2", "Các ông: A, …; B, … giữ chức t", "bầu A, t1 và B, t2 giữ
         * chức danh t" (both); none after a candidacy ("để bầu giữ chức danh t", candidacy.txt).
         */
        void predicate(List<Seg> segs, int x) {
            List<Ref> targets = new ArrayList<>(3);
            int end = segs.get(segs.size() - 1).to;
            for (int y = x - 1; y >= 0 && y >= x - MAX_SUBJECT_SEGMENTS; y--) {
                Seg s = segs.get(y);
                if (s.type == T.OTHER && lex.candidacy.longest(t, s.from, end) != null) {
                    return; // "giới thiệu X để bầu giữ chức danh t": put up for the post, not holding it
                }
                if (s.type == T.LIST) {
                    return; // "A, t1; cùng các đồng chí là Ủy viên BCH": the unnamed group's post, not A's
                }
                if (s.type == T.NAME) {
                    if (s.ref.group >= 0) {
                        targets.addAll(members.get(s.ref.group));
                    } else {
                        targets.add(s.ref);
                        Ref with = coordinated(segs, y);
                        if (with != null) {
                            targets.add(with);
                        }
                    }
                    break;
                }
                if (s.type == T.PRON && !"list".equals(s.honKind)) {
                    if (lastRef != null) {
                        targets.add(lastRef);
                    }
                    break;
                }
            }
            if (targets.isEmpty()) {
                return;
            }
            int y = x + 1;
            if (y < segs.size() && segs.get(y).type == T.SEP && segs.get(y).sep == ':') {
                y++;
            }
            if (y < segs.size() && segs.get(y).lead) {
                y++; // "được bầu làm tân Chủ tịch"
            }
            boolean first = true;
            boolean afterName = segs.get(x).lowerTitle;
            while (y < segs.size()) {
                Seg title = segs.get(y);
                if (title.type != T.TITLE || (first && !t.capitalized(title.from) && !afterName)) {
                    break;
                }
                for (Ref r : targets) {
                    attach(r, title);
                }
                first = false;
                if (y + 2 < segs.size()) {
                    Seg sep = segs.get(y + 1);
                    boolean joins = sep.type == T.AND || sep.type == T.SEP && (sep.sep == ',' || sep.sep == ';');
                    if (joins && segs.get(y + 2).type == T.TITLE && t.capitalized(segs.get(y + 2).from)) {
                        y += 2;
                        continue;
                    }
                }
                break;
            }
        }

        /**
         * The person joined by "và" to the subject {@code segs[y]} of a predicate, with only titles
         * and commas between ("A, t1, t2 và đồng chí B, t3 giữ chức danh t"), or null.
         */
        Ref coordinated(List<Seg> segs, int y) {
            int z = y - 1;
            while (z >= 0 && segs.get(z).type == T.HON) {
                z--;
            }
            if (z < 1 || segs.get(z).type != T.AND || !t.fold(segs.get(z).from).equals(VA)) {
                return null;
            }
            for (z--; z >= 0 && y - z <= 16; z--) {
                Seg s = segs.get(z);
                if (s.type == T.NAME) {
                    return s.ref.group < 0 ? (s.ref.aliasOf != null ? s.ref.aliasOf : s.ref) : null;
                }
                if (!(s.type == T.TITLE || s.type == T.SEP && (s.sep == ',' || s.sep == '-'))) {
                    return null;
                }
            }
            return null;
        }

        /**
         * "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, Trưởng Ban Tuyên giáo; B, Chủ nhiệm UBKT":
         * a title before a colon is each listed person's, besides the title after each name. The
         * list runs over names, their titles, honorifics and separators, and ends at anything else.
         */
        void sharedBeforeColon(List<Seg> segs, int x) {
            Seg title = segs.get(x);
            List<Ref> listed = new ArrayList<>();
            for (int y = x + 2; y < segs.size(); y++) {
                Seg s = segs.get(y);
                if (s.type == T.NAME) {
                    listed.add(s.ref);
                } else if (!(s.type == T.TITLE || s.type == T.HON || s.type == T.AND
                        || s.type == T.SEP && (s.sep == ',' || s.sep == ';'))) {
                    break;
                }
            }
            for (Ref r : listed) {
                attach(r, title);
            }
        }

        /** "Ba Phó Bí thư Tỉnh ủy gồm ông A, ông B, ông C": the title goes to each. */
        void gom(List<Seg> segs, int x) {
            Seg title = segs.get(x - 1);
            for (int y = x + 1; y < segs.size(); y++) {
                Seg s = segs.get(y);
                if (s.type == T.NAME) {
                    attach(s.ref, title);
                } else if (!(s.type == T.HON || s.type == T.LIST || s.type == T.AND
                        || s.type == T.SEP && (s.sep == ',' || s.sep == ':'))) {
                    break;
                }
            }
        }

        void attach(Ref r, Seg title) {
            title.claimed = true;
            (r.aliasOf != null ? r.aliasOf : r).titles.add(title);
        }

        /**
         * Whether the title before {@code segs[z]} ends a clause of its own: nothing follows, or a
         * separator that does not lead to a name ("A, t1; t2; B, t3": t2 is A's; in "A, t1; t2, ông B"
         * t2 may be B's; in "A, t1; t2, các đồng chí t3" the clause lists others, so t2 is not A's).
         * A title after a semicolon goes on the holder's list only so.
         */
        boolean titleClosesClause(List<Seg> segs, int z) {
            if (z >= segs.size()) {
                return true;
            }
            Seg s = segs.get(z);
            if (s.type != T.SEP || s.sep == '-' || s.sep == '(') {
                return false;
            }
            if (s.sep == ',' && z + 1 < segs.size()) {
                T next = segs.get(z + 1).type;
                return next != T.NAME && next != T.HON && next != T.TITLE && next != T.LIST;
            }
            return true;
        }

        boolean isSep(Seg s, char c) {
            return s.type == T.SEP && s.sep == c;
        }

        // ------------------------------------------------------------------ merging

        List<Person> persons() {
            Map<String, List<Ref>> full = new LinkedHashMap<>();
            List<Ref> shortRefs = new ArrayList<>();
            for (Ref r : refs) {
                int syll = r.tokEnd - r.tokStart;
                if (r.aliasOf != null) {
                    continue; // another name of someone named before it
                }
                if (syll >= 2) {
                    full.computeIfAbsent(Fold.fold(r.name), k -> new ArrayList<>()).add(r);
                } else {
                    shortRefs.add(r);
                }
            }
            // a shorter form that ends a longer full name ("Quỳnh Vân", "Tuấn") joins it when only one
            // full name ends so: an index of every proper ending of every full name
            Map<String, String> endings = new java.util.HashMap<>();
            for (String k : full.keySet()) {
                int sp = k.indexOf(' ');
                while (sp >= 0) {
                    String end = k.substring(sp + 1);
                    String had = endings.putIfAbsent(end, k);
                    if (had != null && !had.equals(k)) {
                        endings.put(end, AMBIGUOUS);
                    }
                    sp = k.indexOf(' ', sp + 1);
                }
            }
            List<String> keys = new ArrayList<>(full.keySet());
            for (String k : keys) {
                String target = endings.get(k);
                if (target != null && target != AMBIGUOUS && !target.equals(k) && full.containsKey(target)
                        && full.containsKey(k)) {
                    full.get(target).addAll(full.remove(k));
                }
            }
            for (Ref r : shortRefs) {
                String k = Fold.fold(r.name);
                String target = endings.get(k);
                if (target != null && target != AMBIGUOUS && full.containsKey(target)) {
                    full.get(target).add(r);
                } else {
                    full.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                }
            }
            List<Person> out = new ArrayList<>();
            for (List<Ref> group : full.values()) {
                group.sort((a, c) -> Integer.compare(a.tokStart, c.tokStart));
                String name = null;
                int best = 0;
                boolean comrade = false;
                List<Seg> titleSegs = new ArrayList<>();
                List<Mention> mentions = new ArrayList<>();
                for (Ref r : group) {
                    int syll = r.tokEnd - r.tokStart;
                    if (syll > best) {
                        best = syll;
                        name = r.name;
                    }
                    comrade |= r.comrade;
                    titleSegs.addAll(r.titles);
                    mentions.add(Mention.of(t.text(), t.start(r.tokStart), t.end(r.tokEnd - 1)));
                }
                titleSegs.sort((a, c) -> Integer.compare(a.from, c.from));
                Map<String, String> titles = new LinkedHashMap<>();
                for (Seg s : titleSegs) {
                    String text = t.slice(s.from, s.to);
                    titles.putIfAbsent(Fold.fold(text), text);
                }
                out.add(new Person(name, new ArrayList<>(titles.values()), comrade, mentions));
            }
            // a title alone ("Phó Bí thư Thường trực Tỉnh ủy nhấn mạnh") is a mention of its one holder
            Map<String, Person> holders = new java.util.HashMap<>();
            Person many = new Person("-", List.of(), false, List.of());
            for (Person p : out) {
                for (String title : p.titles()) {
                    Person had = holders.putIfAbsent(Fold.fold(title), p);
                    if (had != null && had != p) {
                        holders.put(Fold.fold(title), many);
                    }
                }
            }
            for (Seg s : unclaimedTitles) {
                Person holder = holders.get(Fold.fold(t.slice(s.from, s.to)));
                if (holder != null && holder != many) {
                    holder.mentions().add(Mention.of(t.text(), t.start(s.from), t.end(s.to - 1)));
                }
            }
            return out;
        }

        List<Labelled> nameLabels() {
            List<Labelled> out = new ArrayList<>();
            for (Ref r : refs) {
                out.add(new Labelled(t.start(r.tokStart), t.end(r.tokEnd - 1), "person"));
            }
            return out;
        }
    }

    private static final String GOM = Fold.fold("gồm");
    /** Marks an ending shared by several full names. */
    private static final String AMBIGUOUS = new String("?");
    private static final String VA = Fold.fold("và");
    private static final String VE = Fold.fold("về");
    private static final String CUA = Fold.fold("của");
    private static final int NO_HEAD = 0;
    private static final int NAME_HEAD = 1;
    private static final int TOPIC_HEAD = 2;
    private static final int MAX_HEAD_TOKENS = 4;
    /** Words of an organisation's name written in lower case after its head (named-heads.tsv). */
    private static final int MAX_LOWER_NAME = 8;
    /**
     * The same after a topic head, whose names state a whole programme ("Ban chỉ đạo thực hiện Quy chế
     * dân chủ ở cơ sở và công tác vận động quần chúng xã").
     */
    private static final int MAX_LOWER_TOPIC = 14;
    private static final String SO = Fold.fold("số");
    private static final int[] NAME_LENGTHS = {3, 2, 4};
    private static final String XA = Fold.fold("xã");
    private static final String PHUONG = Fold.fold("phường");
    private static final String TRAN = Fold.fold("trấn");
}
