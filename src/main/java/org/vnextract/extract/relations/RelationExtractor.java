package org.vnextract.extract.relations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.Extractor;
import org.vnextract.extract.Mention;
import org.vnextract.extract.documents.DocumentReference;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

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

    private final RelationRules rules;

    public RelationExtractor(ModelSource models) {
        this.rules = new RelationRules(models);
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
        return Set.of(AnalyzedText.KEY, DocumentReference.KEY);
    }

    /** A document mention: its char range, its token range in the sentence, and the document's id. */
    private record Cited(int start, int end, String id, int first, int after) {}

    /** One token as the rules see it: folded word, "#" for numbers and dates, the character of punctuation. */
    private record Word(String w, boolean capital) {}

    @Override
    public List<DocumentRelation> extract(Analysis in) {
        AnalyzedText t = in.get(AnalyzedText.KEY);
        List<DocumentReference> docs = in.get(DocumentReference.KEY);
        if (docs.size() < 2) {
            return List.of();
        }
        List<Cited> all = new ArrayList<>();
        for (DocumentReference d : docs) {
            for (Mention m : d.mentions()) {
                all.add(new Cited(m.start(), m.end(), d.id(), -1, -1));
            }
        }
        all.sort(Comparator.comparingInt(Cited::start));
        Map<String, Found> out = new LinkedHashMap<>();
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
            if (in1.size() >= 2) {
                sentence(t, s, in1, out);
            }
        }
        List<DocumentRelation> result = new ArrayList<>(out.size());
        for (Found f : out.values()) {
            result.add(new DocumentRelation(f.from, f.type, f.to, f.mentions));
        }
        return result;
    }

    private static final class Found {
        final String from;
        final String type;
        final String to;
        final List<Mention> mentions = new ArrayList<>();

        Found(String from, String type, String to) {
            this.from = from;
            this.type = type;
            this.to = to;
        }
    }

    private void sentence(AnalyzedText t, Sentence s, List<Cited> raw, Map<String, Found> out) {
        List<Token> toks = t.tokens(s);
        List<Word> words = new ArrayList<>(toks.size());
        for (Token k : toks) {
            words.add(word(t, k));
        }
        List<Cited> cited = new ArrayList<>(raw.size());
        for (Cited c : raw) {
            int first = firstTokenAtOrAfter(toks, c.start());
            int after = firstTokenAtOrAfter(toks, c.end());
            if (first < after) {
                cited.add(new Cited(c.start(), c.end(), c.id(), first, after));
            }
        }
        int n = cited.size();
        // a phrase between two neighbouring documents, and the list that continues after the second
        for (int i = 0; i + 1 < n; i++) {
            Link l = between(words, cited.get(i).after(), cited.get(i + 1).first());
            if (l == null) {
                continue;
            }
            Cited a = cited.get(i);
            for (int j = i + 1; j < n; j++) {
                Cited b = cited.get(j);
                if (j > i + 1 && !joined(words, cited.get(j - 1).after(), b.first())) {
                    break;
                }
                if (j > i + 1 && j + 1 < n && between(words, b.after(), cited.get(j + 1).first()) != null) {
                    break; // "…, Kế hoạch C thực hiện …": C starts a relation of its own
                }
                Cited from = l.reverse ? b : a;
                Cited to = l.reverse ? a : b;
                add(out, t.text(), from.id(), l.relation, to.id(), Math.min(a.start(), b.start()), Math.max(a.end(), b.end()));
            }
        }
        fronted(t, words, cited, out);
    }

    /** "Thực hiện B (và B2), … ban hành A (và A2)": each A implements each B. */
    private void fronted(AnalyzedText t, List<Word> words, List<Cited> cited, Map<String, Found> out) {
        int p = 0;
        if (is(words, 0, "ngày") && is(words, 1, "#")) { // "Ngày 12/3/2022, thực hiện …"
            int q = 2;
            while (q < words.size() && q < 6 && !is(words, q, ",")) {
                q++;
            }
            p = is(words, q, ",") ? q + 1 : 0;
        }
        int afterOpener = matchAt(rules.opener, words, p);
        if (afterOpener >= 0) {
            p = afterOpener;
        }
        int afterPhrase = matchAt(rules.fronted, words, p);
        if (afterPhrase < 0 || cited.isEmpty()) {
            return;
        }
        int q = afterPhrase;
        while (q < cited.get(0).first() && q - afterPhrase < MAX_TAIL && rules.tail.contains(words.get(q).w())) {
            q++;
        }
        if (q != cited.get(0).first()) {
            return;
        }
        int b = 1;
        while (b < cited.size() && joined(words, cited.get(b - 1).after(), cited.get(b).first())) {
            b++;
        }
        List<Cited> carriedOut = cited.subList(0, b);
        int sentenceStart = startOfSentence(t, cited.get(0));
        int j = b;
        while (j < cited.size()) {
            Cited a = cited.get(j);
            if (!issuedRightBefore(words, a.first())) {
                j++;
                continue;
            }
            int k = j;
            do {
                Cited from = cited.get(k);
                for (Cited to : carriedOut) {
                    add(out, t.text(), from.id(), "implements", to.id(), sentenceStart, from.end());
                }
                k++;
            } while (k < cited.size() && joined(words, cited.get(k - 1).after(), cited.get(k).first()));
            j = k;
        }
    }

    private static int startOfSentence(AnalyzedText t, Cited c) {
        Sentence s = t.sentenceAt(c.start());
        return s == null ? c.start() : s.start();
    }

    /** The relation stated by the words {@code [from, to)} between two documents, or null. */
    private record Link(String relation, boolean reverse) {}

    private Link between(List<Word> words, int from, int to) {
        if (to <= from || to - from > MAX_ATTACHED + MAX_TAIL + 8) {
            return null;
        }
        for (int tail = 0; tail <= MAX_TAIL && to - tail > from; tail++) {
            if (tail > 0 && !rules.tail.contains(words.get(to - tail).w())) {
                break;
            }
            int end = to - tail;
            for (boolean reverse : new boolean[] {true, false}) {
                for (RelationRules.Phrase ph : reverse ? rules.reverse : rules.forward) {
                    int start = end - ph.words().size();
                    if (start >= from && matches(ph.words(), words, start) && attached(words, from, start)) {
                        return new Link(ph.relation(), reverse);
                    }
                }
            }
        }
        return null;
    }

    /** The words {@code [from, to)} are only a document's date, issuer and "về": nothing that breaks a link. */
    private boolean attached(List<Word> words, int from, int to) {
        if (to - from > MAX_ATTACHED) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Word w = words.get(i);
            if (!(w.capital() || w.w().equals("#") || rules.attach.contains(w.w()))) {
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

    /** Two documents of one list: between them only attached words, at least one of them a joining word. */
    private boolean joined(List<Word> words, int from, int to) {
        if (!attached(words, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (rules.join.contains(words.get(i).w())) {
                return true;
            }
        }
        return false;
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

    private static Word word(AnalyzedText t, Token k) {
        String s = t.text(k);
        return switch (k.kind()) {
            case NUMBER, DATE, SYMBOL, LINK -> new Word("#", false);
            case PUNCT -> new Word(s, false);
            case WORD, ABBREVIATION -> {
                String f = Fold.fold(s);
                yield new Word(f.isEmpty() ? s : f, Character.isUpperCase(s.codePointAt(0)));
            }
        };
    }

    private static int firstTokenAtOrAfter(List<Token> toks, int charIndex) {
        int lo = 0;
        int hi = toks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (toks.get(mid).start() < charIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void add(Map<String, Found> out, String text, String from, String type, String to, int start, int end) {
        if (from.equals(to)) {
            return;
        }
        Found f = out.computeIfAbsent(from + "\u0001" + type + "\u0001" + to, k -> new Found(from, type, to));
        Mention m = Mention.of(text, start, end);
        if (!f.mentions.contains(m)) {
            f.mentions.add(m);
        }
    }
}
