package org.vnextract.extract.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.clean.Article;
import org.vnextract.extract.Mention;
import org.vnextract.extract.PhraseTrie;
import org.vnextract.extract.TokenView;
import org.vnextract.ingest.RawDocument;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Span;
import org.vnextract.text.TokenKind;

/**
 * Places (RECORD.md "Places", gold/README.md "Places"): every administrative unit and country the
 * article names, with level, GSO or ISO code and province, and the article's place.
 *
 * <p>How a name counts (each rule is data under {@code models/places/}):
 * <ul>
 *   <li>a unit's name is looked up in the gazetteer by a key without case, diacritics, spaces or
 *       punctuation, longest first, and must start and end on the segmenter's word boundaries (so
 *       "Thái Bình" inside the name "Nguyễn Thái Bình" is no place) and be capitalised;</li>
 *   <li>after a type word ({@code kinds.tsv}: "huyện", "TP.") or an organisation head of one level
 *       ({@code heads.tsv}: "Huyện ủy") any unit of that level counts; a list after it
 *       ("các xã Bảo Thanh, Gia Thanh và Hạ Giáp") keeps the type;</li>
 *   <li>without one, only a province (or a country) counts: a district's or commune's bare name is
 *       too often an ordinary word or a person ("Tân", "Thống Nhất"); not after a street, river or
 *       village word ({@code not_heads.txt}); not a name that is first a person's
 *       ({@code person_places.txt}: "tư tưởng Hồ Chí Minh"); a one-syllable country that is also a
 *       word ("Anh", "Đức") only after a cue ({@code country_cues.txt});</li>
 *   <li>a name several units share (Sơn Tân) is resolved by the unit named right after it ("xã Sơn
 *       Tân, huyện Sơn Tây"), else by the provinces the article names or its outlet's province, else
 *       kept with a null code.</li>
 * </ul>
 * The place is the province with clearly the most weight (a mention in the title counts 3, in the
 * lead 2, elsewhere 1; a district or commune counts for its province); none when the title or lead is
 * national ({@code national_cues.txt}); the article's own outlet ({@code outlets.tsv}) decides when
 * the text reports a province's bodies without naming it ({@code local_cues.txt}).
 *
 * <p>Linear in the text: each token starts a bounded number of look-ups. Immutable after
 * construction; thread-safe.
 */
public final class PlaceExtractor implements Stage {
    private static final int MAX_NAME_TOKENS = 8;
    private static final String REFORM = "2025-07-01";

    /** The levels a type word or head names, and the kind written (null for a head without one). */
    record Context(Set<String> levels, String kind, boolean typeWord) {}

    private final Gazetteer gazetteer;
    private final Outlets outlets;
    private final FormerNames formerNames;
    /**
     * Type words and heads; the phrase sets below are matched on the shared {@link TokenView} too,
     * each token asked first whether it is a phrase's first word ({@link PhraseTrie#firstWordAt}).
     */
    private final PhraseTrie<Context> contexts = new PhraseTrie<>();
    private final PhraseTrie<Boolean> notHeads = new PhraseTrie<>();
    private final PhraseTrie<Boolean> countryCues = new PhraseTrie<>();
    private final PhraseTrie<Boolean> venueWords = new PhraseTrie<>();
    private final List<String> biographyCues = new ArrayList<>();
    /** Phrases that hold a biography cue and tell no origin when no name follows ("!" lines of biography_cues.txt). */
    private final PhraseTrie<Boolean> biographyExceptions = new PhraseTrie<>();
    /** The name-key hash of each word of each biography cue, or null when some cue has punctuation. */
    private final int[][] biographyKeys;
    /** The last words' hashes of {@link #biographyKeys}, as a one-hash filter read before the cues. */
    private final boolean[] biographyLastKeys = new boolean[1 << 10];
    /**
     * The biography cues as phrases, asked only for their first words ({@link PhraseTrie#firstWordAt}):
     * a sentence none of whose tokens may be one holds no cue, told before its chars are read.
     */
    private final PhraseTrie<Boolean> biographyStarts = new PhraseTrie<>();
    private final List<String> captionCues = new ArrayList<>();
    private final List<String> nationalCues = new ArrayList<>();
    /** Names that hold a national cue but make no article national ("Đại hội đại biểu toàn quốc"). */
    private final List<java.util.regex.Pattern> nationalNames = new ArrayList<>();
    /** Per national name, the words it must hold (its parts, each after a space): the pattern runs only on a head that holds them all. */
    private final List<List<String>> nationalNameParts = new ArrayList<>();
    private final PhraseTrie<Boolean> localCuePhrases = new PhraseTrie<>();
    private final Set<String> localIssuers = new HashSet<>();
    /** The segmenter's surnames: a name inside a segmenter word that begins with one is a person's. */
    private final Set<String> surnames = new HashSet<>();
    /** By char below U+2070: a capital, or a char that may start a type word's or head's first word ({@link #mayStartHere}). */
    private final boolean[] startChars = new boolean[0x2070];
    /** {@link PhraseTrie#firstWordMayStartWith} of {@link #biographyStarts} and of {@link #localCuePhrases}, by char below U+2070. */
    private final boolean[] biographyStartChars = new boolean[0x2070];
    private final boolean[] localCueChars = new boolean[0x2070];

    public PlaceExtractor(ModelSource models) {
        Validate.notNull(models, "models");
        this.gazetteer = new Gazetteer(models);
        this.outlets = new Outlets(models, gazetteer);
        this.formerNames = new FormerNames(models);
        Map<String, String> kindOf = new HashMap<>();
        for (String l : models.lines("places/kinds.tsv")) {
            String[] f = l.split("\t", -1);
            addPhrase(contexts, f[0], new Context(Set.of(f[2].split(",")), f[1], true));
            kindOf.put(Fold.fold(f[0]), f[1]);
        }
        for (String l : models.lines("places/heads.tsv")) {
            String[] f = l.split("\t", -1);
            String folded = Fold.fold(f[0]);
            String kind = null;
            for (Map.Entry<String, String> k : kindOf.entrySet()) {
                if (folded.endsWith(" " + k.getKey())) {
                    kind = k.getValue();
                }
            }
            addPhrase(contexts, f[0], new Context(Set.of(f[1].split(",")), kind, false));
        }
        for (String l : models.lines("places/not_heads.txt")) {
            boolean exception = l.startsWith("!");
            addPhrase(notHeads, exception ? l.substring(1) : l, !exception);
        }
        addPhrases(venueWords, models.lines("places/venue_words.txt"));
        List<int[]> cueKeys = new ArrayList<>();
        for (String l : models.lines("places/biography_cues.txt")) {
            if (l.startsWith("!")) { // a phrase that holds a cue and tells no origin ("quê hương": homeland)
                addPhrase(biographyExceptions, l.substring(1), Boolean.TRUE);
                continue;
            }
            String w = words(l);
            biographyCues.add(" " + w + " ");
            addPhrase(biographyStarts, w, Boolean.TRUE);
            String[] ws = w.split(" ");
            int[] k = new int[ws.length];
            for (int x = 0; x < ws.length; x++) {
                k[x] = Gazetteer.keyHash(ws[x], 0, ws[x].length());
                if (!Character.isLetterOrDigit(ws[x].charAt(0))) {
                    k = null; // a cue with punctuation: no filter, every sentence is read whole
                    break;
                }
            }
            cueKeys.add(k);
        }
        // a cue of more than 8 words is not kept by the filter: every sentence is read whole
        boolean unfiltered = cueKeys.contains(null) || cueKeys.stream().anyMatch(k -> k.length > 8);
        this.biographyKeys = unfiltered ? null : cueKeys.toArray(new int[0][]);
        if (!unfiltered) {
            for (int[] k : cueKeys) {
                biographyLastKeys[k[k.length - 1] & (biographyLastKeys.length - 1)] = true;
            }
        }
        for (String l : models.lines("places/caption_cues.txt")) {
            captionCues.add(l.strip().toLowerCase(Locale.ROOT));
        }
        addPhrases(countryCues, models.lines("places/country_cues.txt"));
        for (String l : models.lines("places/national_cues.txt")) {
            nationalCues.add(" " + numbersAsNine(words(l)) + " ");
        }
        for (String l : models.lines("places/national_names.txt")) {
            // "…" stands for one to four words of the name ("đại hội … toàn quốc"); bounded, so no backtracking runs away
            StringBuilder re = new StringBuilder(" ");
            String[] parts = l.split("…", -1);
            List<String> literal = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    re.append("(?: [^ |¶]+){1,4}");
                }
                String part = numbersAsNine(words(parts[i])).strip();
                if (!part.isEmpty()) {
                    literal.add(" " + part);
                }
                re.append(i > 0 && !part.isEmpty() ? " " : "").append(java.util.regex.Pattern.quote(part));
            }
            nationalNames.add(java.util.regex.Pattern.compile(re.append(' ').toString()));
            nationalNameParts.add(List.copyOf(literal));
        }
        addPhrases(localCuePhrases, models.lines("places/local_cues.txt"));
        for (String l : models.lines("segment/surnames.txt")) {
            surnames.add(Fold.fold(l.split("\t")[0]));
        }
        for (String l : models.lines("places/local_issuers.txt")) {
            localIssuers.add(l.strip().toUpperCase(Locale.ROOT));
        }
        for (char c = 0; c < startChars.length; c++) {
            startChars[c] = Character.isUpperCase(c) || contexts.firstWordMayStartWith(c);
            biographyStartChars[c] = biographyStarts.firstWordMayStartWith(c);
            localCueChars[c] = localCuePhrases.firstWordMayStartWith(c);
        }
    }

    /**
     * Adds a phrase of a rules file (its first tab-separated field), folded word by word as
     * {@link TokenView#fold} folds the article's tokens ("TP." = "tp", "Huyện uỷ" = "huyện ủy").
     */
    private static <V> void addPhrase(PhraseTrie<V> trie, String phrase, V value) {
        String f = Fold.fold(phrase);
        if (!f.isEmpty()) {
            trie.put(List.of(f.split(" ")), value);
        }
    }

    /** Adds the phrases of a rules file. */
    private static void addPhrases(PhraseTrie<Boolean> trie, List<String> lines) {
        for (String l : lines) {
            addPhrase(trie, l.split("\t", -1)[0], Boolean.TRUE);
        }
    }

    /** The value of a matched phrase: the one added last when a phrase is written twice ("tp", "tp."). */
    private static <V> V last(PhraseTrie.Match<V> m) {
        return m.values().get(m.values().size() - 1);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Outlets outlets() {
        return outlets;
    }

    @Override
    public String name() {
        return "places";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Words.KEY, TokenView.KEY, Article.KEY, RawDocument.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(PlaceFindings.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        return in.with(PlaceFindings.KEY, find(in.get(AnalyzedText.KEY), TokenView.of(in),
                in.get(RawDocument.KEY).metadata().uri(), in.get(Article.KEY)));
    }

    /** A name found in the text, with the units it may be. */
    private static final class Found {
        final int firstToken;
        final int endToken;
        final int start;
        final int end;
        final String written;
        final String kind;
        List<Unit> candidates;
        Unit unit;
        /** Written without a type word or head: a district then counts only in its province's article. */
        boolean bare;

        Found(int firstToken, int endToken, int start, int end, String written, String kind, List<Unit> candidates) {
            this.firstToken = firstToken;
            this.endToken = endToken;
            this.start = start;
            this.end = end;
            this.written = written;
            this.kind = kind;
            this.candidates = candidates;
        }
    }

    PlaceFindings find(AnalyzedText t, TokenView tv, String uri, Article article) {
        String era = article.published() != null && article.published().compareTo(REFORM) >= 0 ? "post" : "pre";
        List<Found> found = scan(tv);
        Outlets.Outlet outlet = outlets.of(uri != null ? uri : article.site());
        if (outlet == null && article.site() != null) {
            outlet = outlets.of(article.site());
        }
        resolve(tv, found, era, outlet);
        List<PlaceLocation> locations = locations(found);
        ArticlePlace place = formerNames.inTimeOf(place(t, tv, found, era, outlet), article.published());
        return new PlaceFindings(locations, place, localIssuers);
    }

    // ---------------------------------------------------------------- finding names

    /**
     * The names of the article, read once over the shared token view: its folded forms (cached per
     * token, mostly already folded by the extractors before this one) for the phrase sets, its
     * word ends for the segmenter's boundaries.
     */
    private List<Found> scan(TokenView t) {
        String text = t.text();
        int n = t.size();
        List<Found> out = new ArrayList<>();
        Context ctx = null;
        int ctxEnd = -1;
        int lastCountryEnd = -10;
        Gazetteer.Cursor key = gazetteer.cursor();
        int i = 0;
        while (i < n) {
            if (i != ctxEnd) {
                // most tokens are neither a type word's or head's first word nor a name's start, told
                // by their kind and first char before either is read: no name starts at a token of
                // another kind without a type word before it, nor at one of letters in lower case.
                // Skipped in one small loop, up to the end of a type word (read whatever it is)
                int stop = ctxEnd > i ? ctxEnd : n;
                while (i < stop && !mayStartHere(t, i)) {
                    i++;
                }
                if (i == stop) {
                    continue; // the end of the text, or the token after a type word
                }
            }
            // a type word or an organisation head: the name after it may be of its level
            PhraseTrie.Match<Context> cm = t.isLetters(i) && contexts.firstWordAt(t, i)
                    ? contexts.longestByChars(t, i, phraseLimit(t, i, contexts.maxLength())) : null;
            if (cm != null) {
                ctx = last(cm);
                ctxEnd = cm.end();
                i = cm.end();
                if (i < n && isPunct(t, i, ':')) {
                    ctxEnd = ++i;
                }
                continue;
            }
            if (i != ctxEnd && t.kind(i) == TokenKind.WORD && !isUpper(t.first(i))) {
                i++; // a word in lower case starts a type word or no name (startsName, untyped)
                continue;
            }
            if (i == ctxEnd && t.sentenceStart(t.sentence(i)) == i) {
                ctx = null; // a type word ends its sentence: "toàn huyện\nSáng ngày 21/11"
                ctxEnd = -1;
            }
            if (!startsName(t, i, i == ctxEnd)) {
                i++;
                continue;
            }
            // the longest name from token i
            boolean typedName = i == ctxEnd;
            key.reset();
            int best = -1;
            int bestSlot = -1;
            int j = i;
            int taken = 0; // tokens of the text layer read: a word split at an inner capital is one
            int prevEnd = -1;
            while (j < n && taken < MAX_NAME_TOKENS) {
                int js = t.start(j);
                if (prevEnd >= 0 && hasNewline(text, prevEnd, js)) {
                    break;
                }
                if (t.kind(j) == TokenKind.PUNCT) {
                    char c = text.charAt(js);
                    if (j == i || !(c == '-' || c == '–' || c == '\'' || c == '’')) {
                        break;
                    }
                    prevEnd = t.end(j);
                    j++;
                    taken++;
                    continue;
                }
                if (j > i && !continuesName(t, j)) {
                    break;
                }
                int g = textTokenEnd(t, j);
                key.append(text, js, t.end(g - 1));
                // the table itself, not a filter first: a filter read costs a cache miss as the table
                // does, and a key that is in the table would cost both
                int e = key.find();
                if (e < 0) {
                    break; // no name is or starts with the key
                }
                if (gazetteer.hasUnits(e)) {
                    best = g;
                    bestSlot = e;
                }
                if (!gazetteer.isPrefix(e)) {
                    break;
                }
                prevEnd = t.end(g - 1);
                j = g;
                taken++;
            }
            if (best < 0) {
                Found unknown = i == ctxEnd ? unlisted(t, i, ctx) : null;
                if (unknown != null) {
                    out.add(unknown);
                    i = unknown.endToken;
                } else {
                    i++;
                }
                continue;
            }
            boolean typed = i == ctxEnd;
            if (!typed && gazetteer.isBareNone(bestSlot)) {
                i++; // bareCandidates would give none, read from the slot without the entry
                continue;
            }
            if (!onWordBoundaries(t, i, best, typed)) {
                i++;
                continue;
            }
            Gazetteer.Name bestName = gazetteer.nameAt(bestSlot);
            List<Unit> cands = typed ? typedCandidates(bestName.entry().units(), ctx) : bareCandidates(t, i, bestName, lastCountryEnd);
            if (!cands.isEmpty()) {
                int start = t.start(i);
                int end = t.end(best - 1);
                String kind = typed ? ctx.kind() : null;
                Found f = new Found(i, best, start, end, text.substring(start, end), kind, cands);
                f.bare = !typed;
                out.add(f);
                if (cands.get(0).isCountry()) {
                    lastCountryEnd = best;
                }
                // a list after a type word keeps it: "các xã Bảo Thanh, Gia Thanh và Hạ Giáp"
                if (typed && best < n && continuesList(t, best)) {
                    ctxEnd = best + 1;
                } else {
                    ctx = null;
                    ctxEnd = -1;
                }
                i = best;
            } else {
                i++; // "Báo Ninh Thuận": the commune Bảo Ninh, bare, is no place, but Ninh Thuận is
            }
        }
        return out;
    }

    /**
     * A district or commune of its own time that the admin-unit files do not list, or list in another
     * spelling ("xã Ia Mơr" for Ia Mơ): after a type word of one level below the province, one
     * segmenter word of capitalised syllables. Kept with a null code.
     */
    private Found unlisted(TokenView t, int i, Context ctx) {
        if (!ctx.typeWord() || ctx.levels().size() != 1 || ctx.levels().contains("province")) {
            return null;
        }
        if (t.wordHead(i) != i) {
            return null;
        }
        int wordEnd = i; // the token after the segmenter's word
        int tokens = 0; // of the text layer
        while (true) {
            int g = textTokenEnd(t, wordEnd);
            if (++tokens > 4) {
                return null;
            }
            wordEnd = g;
            if (t.endsWord(g - 1)) {
                break;
            }
        }
        for (int k = i; k < wordEnd; k = textTokenEnd(t, k)) {
            if (!t.isCapWord(k)) {
                return null;
            }
        }
        if (tokens >= 3 && !isPiece(t, i) && surnames.contains(t.fold(i))) {
            return null; // "xã Nguyễn Văn A" is no commune of three syllables
        }
        int start = t.start(i);
        int end = t.end(wordEnd - 1);
        String name = t.text().substring(start, end);
        Unit u = new Unit(null, ctx.levels().iterator().next(), null, name, ctx.kind(), null, null, null, "");
        return new Found(i, wordEnd, start, end, name, ctx.kind(), List.of(u));
    }

    /** A line break in text[from, to): read only between the two tokens, never to the end of the text. */
    private static boolean hasNewline(String text, int from, int to) {
        return hasChar(text, from, to, '\n');
    }

    /** Whether text[from, to) holds {@code c}. */
    private static boolean hasChar(String text, int from, int to, char c) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * The token after the text-layer token that starts at token {@code i}: the view splits a word at
     * an inner capital ("viênThường"), the rules read it whole, as before the view existed.
     */
    private static int textTokenEnd(TokenView t, int i) {
        int k = i + 1;
        if (t.hasSplits()) {
            while (k < t.size() && t.joinsPrevious(k)) {
                k++;
            }
        }
        return k;
    }

    /** Token {@code k} is a piece of a split word: no phrase of the rules holds it (the whole folds to no rule word). */
    private static boolean isPiece(TokenView t, int k) {
        return t.hasSplits() && (t.joinsPrevious(k) || t.joinsPrevious(k + 1));
    }

    /** The end for a phrase starting at {@code i}: before the first piece of a split word among the next {@code max} tokens. */
    private static int phraseLimit(TokenView t, int i, int max) {
        int n = t.size();
        if (!t.hasSplits()) {
            return n;
        }
        for (int k = i; k < n && k < i + max; k++) {
            if (isPiece(t, k)) {
                return k;
            }
        }
        return n;
    }

    /** Tokens of the text layer in [from, to) of the view. */
    private static int textTokens(TokenView t, int from, int to) {
        int c = to - from;
        if (t.hasSplits()) {
            for (int k = from; k < to; k++) {
                if (t.joinsPrevious(k)) {
                    c--;
                }
            }
        }
        return c;
    }

    private static boolean isPunct(TokenView t, int i, char c) {
        return t.kind(i) == TokenKind.PUNCT && t.first(i) == c;
    }

    /**
     * Token {@code i} may start a type word, a head or a name: an abbreviation, or a word whose first
     * char is a capital or may start a type word's or head's first word
     * ({@link PhraseTrie#firstWordMayStartWith}); by {@link #startChars} below its end.
     */
    private boolean mayStartHere(TokenView t, int i) {
        TokenKind kind = t.kind(i);
        if (kind == TokenKind.WORD) {
            char c = t.first(i);
            return c < startChars.length ? startChars[c] : Character.isUpperCase(c) || contexts.firstWordMayStartWith(c);
        }
        return kind == TokenKind.ABBREVIATION;
    }

    /** {@link PhraseTrie#firstWordMayStartWith} of {@code trie}, by its table {@code chars} below the table's end. */
    private static boolean startsWith(boolean[] chars, PhraseTrie<?> trie, char c) {
        return c < chars.length ? chars[c] : trie.firstWordMayStartWith(c);
    }

    private static boolean startsName(TokenView t, int i, boolean typed) {
        if (t.joinsPrevious(i)) {
            return false; // inside a word of the text layer
        }
        TokenKind k = t.kind(i);
        if (k != TokenKind.WORD && k != TokenKind.ABBREVIATION && !(typed && k == TokenKind.NUMBER)) {
            return false;
        }
        char c = t.first(i);
        return Character.isUpperCase(c) || (typed && Character.isDigit(c));
    }

    /** Token j continues a name: capitalised, a number after a type word, or glued to a hyphen ("Cam-pu-chia"). */
    private static boolean continuesName(TokenView t, int j) {
        TokenKind k = t.kind(j);
        if (k != TokenKind.WORD && k != TokenKind.ABBREVIATION && k != TokenKind.NUMBER) {
            return false;
        }
        char c = t.first(j);
        if (Character.isUpperCase(c) || Character.isDigit(c)) {
            return true;
        }
        return t.kind(j - 1) == TokenKind.PUNCT && t.end(j - 1) == t.start(j) && j >= 2 && t.end(j - 2) == t.start(j - 1);
    }

    /**
     * A name must not begin inside a segmenter word that is a person's name (it begins with a
     * surname) nor end inside a longer capitalised word.
     */
    private boolean onWordBoundaries(TokenView t, int first, int end, boolean typed) {
        if (!typed) {
            int head = t.wordHead(first);
            if (head < first && Character.isUpperCase(t.first(head)) && !isPiece(t, head) && surnames.contains(t.fold(head))) {
                return false; // "Nguyễn_Thái_Bình" is a person, "Báo_Quảng_Ngãi" a paper of the province
            }
        }
        if (!t.endsWord(end - 1)) {
            return !Character.isUpperCase(t.first(end));
        }
        return true;
    }

    private static boolean continuesList(TokenView t, int at) {
        if (isPiece(t, at)) {
            return false;
        }
        int len = t.end(at) - t.start(at);
        if (t.kind(at) == TokenKind.PUNCT) {
            return len == 1 && (t.first(at) == ',' || t.first(at) == ';');
        }
        return len == 2 && t.text().startsWith("và", t.start(at));
    }

    /**
     * The units of the context's level; those of the written kind first if any (a unit's kind changes
     * over time: "huyện Mộc Châu" is a thị xã in 2025, so the kind prefers, the level decides). A unit
     * of earlier times (no code) takes any type word: "Đặc khu Quảng Đà".
     */
    private List<Unit> typedCandidates(List<Unit> units, Context ctx) {
        List<Unit> ofLevel = new ArrayList<>();
        List<Unit> ofKind = new ArrayList<>();
        for (Unit u : units) {
            if (u.isCountry() || !(ctx.levels().contains(u.level()) || u.code() == null)) {
                continue;
            }
            if (ctx.kind() != null && !ctx.kind().equalsIgnoreCase(u.kind()) && isNumber(u.name())) {
                continue; // a unit named by a number only after its own type word: "thành phố 4 triệu dân" is no Quận 4
            }
            ofLevel.add(u);
            if (ctx.kind() == null || ctx.kind().equals(u.kind())) {
                ofKind.add(u);
            }
        }
        return ofKind.isEmpty() ? ofLevel : ofKind;
    }

    private List<Unit> bareCandidates(TokenView t, int first, Gazetteer.Name name, int lastCountryEnd) {
        if (name.bareNone()) {
            return List.of();
        }
        if (phraseBefore(t, first, notHeads)) {
            return List.of();
        }
        if (name.bareUnits() != null) {
            return name.bareUnits(); // no country among them: the loop below would keep these
        }
        List<Unit> units = name.entry().units();
        boolean province = name.anyProvince();
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (province && u.level().equals("district")) {
                continue; // a bare name of a province and its capital is the province
            }
            if (u.isCountry()) {
                if (!u.has("cue") || lastCountryEnd >= first - 2 || phraseBefore(t, first, countryCues)) {
                    out.add(u);
                }
            } else if (u.isProvince() || u.level().equals("district")) {
                out.add(u); // a bare district stays only if the article is about its province (resolve)
            }
        }
        return out;
    }

    /** The value of the longest phrase of {@code set} that ends right before token {@code first}; false when none. */
    private static boolean phraseBefore(TokenView t, int first, PhraseTrie<Boolean> set) {
        int from = 0;
        if (t.hasSplits()) {
            for (int k = first - 1; k >= 0 && k >= first - set.maxLength(); k--) {
                if (isPiece(t, k)) {
                    from = k + 1;
                    break;
                }
            }
        }
        // longest first; only a token that may be a phrase's first word is looked up in the trie
        for (int s = Math.max(from, first - set.maxLength()); s < first; s++) {
            if (set.firstWordAt(t, s)) {
                PhraseTrie.Match<Boolean> m = set.exactlyByChars(t, s, first);
                if (m != null) {
                    return last(m);
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- resolving

    private void resolve(TokenView t, List<Found> found, String era, Outlets.Outlet outlet) {
        Set<String> provinces = new HashSet<>(); // "pre:64", "post:52"
        for (Found f : found) {
            List<Unit> sure = f.candidates;
            if (f.bare) {
                sure = new ArrayList<>(f.candidates.size());
                for (Unit u : f.candidates) {
                    if (!u.level().equals("district")) {
                        sure.add(u);
                    }
                }
            }
            List<String> ps = new ArrayList<>(2); // distinct
            for (Unit u : sure) {
                if (!u.isCountry() && u.province() != null && u.era() != null) {
                    String k = gazetteer.links(u).provinceKey();
                    if (!ps.contains(k)) {
                        ps.add(k);
                    }
                }
            }
            if (ps.size() == 1 || (ps.size() == 2 && allProvinces(sure))) {
                provinces.addAll(ps);
                for (Unit u : sure) {
                    if (u.isProvince() && u.after() != null) {
                        provinces.add(gazetteer.links(u).afterKey());
                    }
                }
            }
        }
        if (outlet != null) {
            provinces.add("pre:" + outlet.code());
            Unit p = gazetteer.unit("pre", "province", outlet.code());
            if (p != null && p.after() != null) {
                provinces.add("post:" + p.after());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            List<Unit> c = f.candidates;
            if (f.bare) {
                List<Unit> kept = new ArrayList<>();
                for (Unit u : c) {
                    if (!u.level().equals("district") || provinces.contains(gazetteer.links(u).provinceKey())) {
                        kept.add(u);
                    }
                }
                c = kept;
            }
            if (c.size() > 1) {
                // the unit named right after: "xã Sơn Tân, huyện Sơn Tây, tỉnh Quảng Ngãi"
                if (i + 1 < found.size() && textTokens(t, f.endToken, found.get(i + 1).firstToken) <= 3) {
                    List<Unit> parents = found.get(i + 1).candidates;
                    List<Unit> within = new ArrayList<>();
                    for (Unit u : c) {
                        for (Unit p : parents) {
                            if (isInside(u, p)) {
                                within.add(u);
                                break;
                            }
                        }
                    }
                    if (!within.isEmpty()) {
                        c = within;
                    }
                }
            }
            if (distinctUnits(c) > 1) {
                List<Unit> inArticle = new ArrayList<>();
                for (Unit u : c) {
                    if (u.isProvince() || u.isCountry() || provinces.contains(gazetteer.links(u).provinceKey())) {
                        inArticle.add(u);
                    }
                }
                if (!inArticle.isEmpty()) {
                    c = inArticle;
                }
            }
            if (distinctUnits(c) > 1) {
                List<Unit> ofEra = new ArrayList<>();
                for (Unit u : c) {
                    if (era.equals(u.era()) || u.era() == null) {
                        ofEra.add(u);
                    }
                }
                if (!ofEra.isEmpty() && distinctUnits(ofEra) == 1) {
                    c = ofEra;
                }
            }
            f.candidates = c;
            f.unit = pick(c, era);
        }
        found.removeIf(f -> f.candidates.isEmpty());
    }

    private static boolean allProvinces(List<Unit> us) {
        for (Unit u : us) {
            if (!u.isProvince()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInside(Unit u, Unit p) {
        if (u.era() == null || !u.era().equals(p.era()) || u.isCountry() || p.isCountry()) {
            return false;
        }
        return (p.level().equals("district") && p.code().equals(u.district()))
                || (p.isProvince() && p.code().equals(u.province()) && !u.isProvince());
    }

    /** Units differing in more than their era (a province named alike before and after the reform is one). */
    private static int distinctUnits(List<Unit> us) {
        if (us.size() <= 16) { // the same count without building a key per unit
            int named = 0;
            int eraless = 0;
            for (int i = 0; i < us.size(); i++) {
                Unit u = us.get(i);
                boolean newNamed = true;
                boolean newEraless = true;
                for (int j = 0; j < i && (newNamed || newEraless); j++) {
                    Unit v = us.get(j);
                    if (!u.level().equals(v.level())) {
                        continue;
                    }
                    boolean whole = u.isProvince() || u.isCountry();
                    boolean sameCode = whole || java.util.Objects.equals(u.era(), v.era()) && java.util.Objects.equals(u.code(), v.code());
                    if (sameCode && u.name().equals(v.name())) {
                        newNamed = false;
                    }
                    if (whole ? Gazetteer.sameKey(u.name(), v.name()) : sameCode) {
                        newEraless = false;
                    }
                }
                named += newNamed ? 1 : 0;
                eraless += newEraless ? 1 : 0;
            }
            return Math.min(named, eraless);
        }
        Set<String> k = new HashSet<>();
        for (Unit u : us) {
            k.add(u.level() + ":" + u.name() + ":" + (u.isProvince() || u.isCountry() ? "" : u.era() + u.code()));
        }
        Set<String> eraless = new HashSet<>();
        for (Unit u : us) {
            eraless.add(u.level() + ":" + (u.isProvince() || u.isCountry() ? Gazetteer.key(u.name()) : u.era() + u.code()));
        }
        return Math.min(k.size(), eraless.size());
    }

    /** The one unit meant, or null when the candidates remain several. */
    private static Unit pick(List<Unit> c, String era) {
        if (c.isEmpty()) {
            return null;
        }
        if (distinctUnits(c) > 1) {
            return null;
        }
        for (Unit u : c) {
            if (era.equals(u.era())) {
                return u;
            }
        }
        return c.get(0);
    }

    // ---------------------------------------------------------------- output

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A numbered unit's name as it is written and listed: its type word, capitalised, and its number. */
    private static String numberedName(String kind, String number) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + number;
    }

    private List<PlaceLocation> locations(List<Found> found) {
        Map<String, String[]> info = new LinkedHashMap<>();
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        for (Found f : found) {
            Unit u = f.unit;
            String level;
            String id;
            String name;
            String kind = f.kind;
            String code = null;
            String province = null;
            String provinceCode = null;
            if (u != null) {
                level = u.level();
                code = u.code();
                name = u.has("typed") || u.code() != null && !Gazetteer.sameKey(u.name(), f.written)
                        ? u.name() : spelling(f.written, u.name());
                if (kind == null) {
                    kind = u.kind();
                }
                Gazetteer.Links links = gazetteer.links(u);
                if (!u.isProvince() && !u.isCountry()) {
                    Unit p = links.province();
                    province = p != null ? p.name() : null;
                    provinceCode = u.province();
                }
                id = code != null ? links.id() : level + ":" + Gazetteer.key(name);
            } else {
                level = f.candidates.stream().map(Unit::level).distinct().count() == 1 ? f.candidates.get(0).level() : "commune";
                name = spelling(f.written, f.candidates.get(0).name());
                id = level + ":" + Gazetteer.key(name);
            }
            if (kind != null && isNumber(name)) {
                name = numberedName(kind, name); // "Phường 4", "Quận 1": a number alone names nothing a reader knows
            }
            if (!info.containsKey(id)) {
                info.put(id, new String[] {name, kind, level, code, province, provinceCode});
            }
            mentions.computeIfAbsent(id, x -> new ArrayList<>()).add(new Mention(f.start, f.end, f.written));
        }
        List<PlaceLocation> out = new ArrayList<>();
        info.forEach((id, v) -> out.add(new PlaceLocation(v[0], v[1], v[2], v[3], v[4], v[5], mentions.get(id))));
        return out;
    }

    /** The article's spelling, with the standard hyphen form where the standard name has one. */
    static String spelling(String written, String standard) {
        // by hand, not by two regular expressions (\s*[-–]\s* to the hyphen, then \s+ to one space):
        // this runs for every place found
        if (isPlainSpelling(written)) {
            return written; // single spaces between words and no hyphen: the loops below give it back
        }
        String hyphen = standard.contains(" - ") ? " - " : " ";
        StringBuilder b = new StringBuilder(written.length() + 2);
        int n = written.length();
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && isRegexSpace(written.charAt(j))) {
                j++;
            }
            if (j < n && (written.charAt(j) == '-' || written.charAt(j) == '–')) {
                j++;
                while (j < n && isRegexSpace(written.charAt(j))) {
                    j++;
                }
                b.append(hyphen);
            } else if (j > i) {
                b.append(' ');
            } else {
                b.append(written.charAt(i));
                j = i + 1;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(b.length());
        for (int k = 0; k < b.length(); k++) {
            char c = b.charAt(k);
            if (c != ' ' || out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * True when {@link #spelling} gives {@code written} back whatever the standard name: no hyphen,
     * white space only as single plain spaces between other chars, nothing that {@link String#strip}
     * would drop at either end.
     */
    private static boolean isPlainSpelling(String written) {
        int n = written.length();
        if (n == 0 || Character.isWhitespace(written.charAt(0)) || Character.isWhitespace(written.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = written.charAt(i);
            if (c == '-' || c == '–' || (c == ' ' ? written.charAt(i - 1) == ' ' : isRegexSpace(c))) {
                return false;
            }
        }
        return true;
    }

    /** White space as {@code \s} of a Java regular expression reads it. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    // ---------------------------------------------------------------- the article's place

    private ArticlePlace place(AnalyzedText t, TokenView tv, List<Found> found, String era, Outlets.Outlet outlet) {
        List<Span> paras = t.paragraphs();
        Map<String, Double> score = new LinkedHashMap<>();
        Set<String> named = new HashSet<>(); // provinces with evidence other than a venue
        Map<String, Unit> provinceOf = new HashMap<>();
        int[] opening = null; // read at the first province found
        int p = 0;
        org.vnextract.text.Sentence lastSentence = null;
        boolean lastBiography = false;
        int captionPara = -1; // founds come in order: each paragraph is read once
        boolean caption = false;
        for (Found f : found) {
            Unit prov = provinceIn(f.unit, era);
            if (prov == null) {
                continue;
            }
            while (p + 1 < paras.size() && paras.get(p).end() <= f.start) {
                p++;
            }
            if (opening == null) {
                opening = openingSentenceEnds(t);
            }
            double w = f.start < opening[0] ? 5 : f.start < opening[1] ? 3 : f.start < opening[2] ? 2 : 1;
            org.vnextract.text.Sentence sentence = t.sentenceAt(f.start);
            if (sentence != lastSentence) { // founds come in order: each sentence is read once
                lastSentence = sentence;
                lastBiography = inBiography(tv, sentence);
            }
            if (lastBiography) {
                continue;
            }
            if (captionPara != p) {
                captionPara = p;
                caption = isCaption(t, paras.get(p));
            }
            if (caption) {
                continue;
            }
            String k = gazetteer.links(prov).key();
            provinceOf.putIfAbsent(k, prov);
            if (f.bare && f.unit.isProvince() && phraseBefore(tv, f.firstToken, venueWords)) {
                w = w / 2; // "họp tại Hà Nội": the venue alone makes no place
            } else {
                named.add(k);
            }
            score.merge(k, w, Double::sum);
        }
        Boolean bodiesKnown = null; // the whole text is read for local bodies only when the decision needs it
        boolean local = false;
        if (outlet != null) {
            bodiesKnown = hasLocalCue(tv);
            local = bodiesKnown;
        }
        if (local) {
            Unit prov = provinceIn(gazetteer.unit("pre", "province", outlet.code()), era);
            if (prov != null) {
                String k = gazetteer.links(prov).key();
                provinceOf.putIfAbsent(k, prov);
                named.add(k);
                score.merge(k, 2.0, Double::sum);
            }
        }
        String top = null;
        double first = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            if (e.getValue() > first) {
                second = first;
                first = e.getValue();
                top = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        // the place is where local bodies act: without any ("Tỉnh ủy", "UBND tỉnh"), one passing mention is not enough
        if (top == null || first < 2 * second || !named.contains(top)) {
            return null;
        }
        if (first < 4 && !(bodiesKnown != null ? bodiesKnown : hasLocalCue(tv))) {
            return null;
        }
        // a national article has no place: read last, only when the text would give one
        String head = paras.isEmpty() ? "" : " " + numbersAsNine(words(t.text().substring(paras.get(0).start(),
                paras.get(Math.min(1, paras.size() - 1)).end()))) + " ";
        for (int k = 0; k < nationalNames.size(); k++) {
            if (containsAll(head, nationalNameParts.get(k))) { // else the pattern cannot match
                head = nationalNames.get(k).matcher(head).replaceAll(" "); // the national congress a province prepares is not the article's scope
            }
        }
        for (String cue : nationalCues) {
            if (head.contains(cue)) {
                return null;
            }
        }
        Unit prov = provinceOf.get(top);
        Unit after = "post".equals(prov.era()) ? prov : prov.after() == null ? null : gazetteer.unit("post", "province", prov.after());
        return new ArticlePlace(prov.name(), prov.code(), after == null ? null : after.name(), after == null ? null : after.code());
    }

    private static boolean containsAll(String s, List<String> parts) {
        for (String p : parts) {
            if (!s.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each run of the digits 0-9 written as one "9": any number matches a number of
     * national_cues.txt ("9 tỉnh" = "63 tỉnh"). By hand, as {@code replaceAll("[0-9]+", "9")} gives
     * it, without a regular expression per article.
     */
    static String numbersAsNine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inNumber = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inNumber) {
                    b.append('9');
                    inNumber = true;
                }
            } else {
                b.append(c);
                inNumber = false;
            }
        }
        return b.toString();
    }

    /**
     * The province of a unit, as a unit of the article's era ({@link Gazetteer.Links}, computed at
     * load); null for countries and units of earlier times (no code).
     */
    private Unit provinceIn(Unit u, String era) {
        if (u == null) {
            return null;
        }
        Gazetteer.Links l = gazetteer.links(u);
        return "post".equals(era) ? l.provinceInPost() : l.provinceInPre();
    }

    /**
     * Where the opening ends: the ends of the first, second and fourth sentences of at least three words
     * (the title, the lead's first sentence, the rest of the lead; page chrome before them, "menu_WAR_…",
     * does not count).
     */
    private static int[] openingSentenceEnds(AnalyzedText t) {
        int[] ends = {0, 0, 0};
        int seen = 0;
        for (org.vnextract.text.Sentence s : t.sentences()) {
            int wordsIn = 0;
            for (int k = s.firstToken(); k < s.endToken() && wordsIn < 3; k++) {
                if (t.tokens().get(k).kind() == TokenKind.WORD) {
                    wordsIn++;
                }
            }
            if (wordsIn < 3) {
                continue;
            }
            seen++;
            if (seen <= 2) {
                ends[seen - 1] = s.end();
            }
            if (seen == 4) {
                ends[2] = s.end();
                return ends;
            }
        }
        for (int k = Math.max(seen, 0); k < 3; k++) {
            ends[k] = seen == 0 ? 0 : Integer.MAX_VALUE;
        }
        return ends;
    }

    private boolean isCaption(AnalyzedText t, Span para) {
        if (para.end() - para.start() > 600) { // a caption is short: a long paragraph is text
            return false;
        }
        String f = t.text().substring(para.start(), para.end()).toLowerCase(Locale.ROOT);
        for (String cue : captionCues) {
            if (f.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private boolean inBiography(TokenView tv, org.vnextract.text.Sentence s) {
        if (s == null || biographyKeys != null && (!mayStartCue(tv, s)
                || !mayHaveCue(tv.text(), s.start(), s.end(), biographyKeys, biographyLastKeys))) {
            return false;
        }
        String f = " " + words(withoutExceptions(tv, s)) + " ";
        for (String cue : biographyCues) {
            if (f.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False when no token of the sentence may be a biography cue's first word as {@link #words} reads
     * the sentence (only when every cue is words of letters and digits, {@link #biographyKeys}): a
     * token of one run of word chars is asked of {@link #biographyStarts} by its chars; a token a run
     * may cross or leave part of (a piece of a split word, an abbreviation with dots, punctuation
     * holding a word char) says it may; any other char that is no letter the gate itself lets through.
     */
    private boolean mayStartCue(TokenView tv, org.vnextract.text.Sentence s) {
        int from = tv.tokenAtOrAfter(s.start(), 0);
        int to = tv.tokenAtOrAfter(s.end(), from);
        String text = tv.text();
        for (int k = from; k < to; k++) {
            TokenKind kind = tv.kind(k);
            if (kind == TokenKind.PUNCT) {
                for (int c = tv.start(k); c < tv.end(k); c++) {
                    if (isWordChar(text.charAt(c))) {
                        return true;
                    }
                }
                continue;
            }
            if (isPiece(tv, k) || kind == TokenKind.ABBREVIATION && hasChar(text, tv.start(k), tv.end(k), '.')) {
                return true;
            }
            if (kind == TokenKind.WORD && !startsWith(biographyStartChars, biographyStarts, tv.first(k))) {
                continue; // firstWordAt would say no, told by the first char
            }
            if (biographyStarts.firstWordAt(tv, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence's text with each phrase of {@code biographyExceptions} blanked out where no name
     * follows it: "xây dựng quê hương" is the homeland, "quê hương Bình Định" still someone's origin.
     * Read on the view's tokens with the rules' one trie.
     */
    private String withoutExceptions(TokenView tv, org.vnextract.text.Sentence s) {
        String text = tv.text().substring(s.start(), s.end());
        if (biographyExceptions.maxLength() == 0) {
            return text;
        }
        int limit = tv.tokenAtOrAfter(s.end(), 0);
        char[] out = null;
        for (int k = tv.tokenAtOrAfter(s.start(), 0); k < limit; k++) {
            PhraseTrie.Match<Boolean> m = biographyExceptions.longestByChars(tv, k, limit);
            if (m == null) {
                continue;
            }
            if (m.end() < limit && tv.capitalized(m.end())) {
                continue; // a name follows: someone's homeland is their origin
            }
            if (out == null) {
                out = text.toCharArray();
            }
            java.util.Arrays.fill(out, tv.start(k) - s.start(), tv.end(m.end() - 1) - s.start(), ' ');
            k = m.end() - 1;
        }
        return out == null ? text : new String(out);
    }

    /**
     * False when text[from, to) has none of the cues (each given as the name-key hashes of its words):
     * read as {@link #words} reads it, without building it, each cue word must be a run of letters,
     * digits and marks with that hash, the runs of a cue in a row with only white space between.
     * True says only that it may (folding keeps the name key; hashes may collide). Every cue has at
     * most 8 words; {@code lastKeys} holds the hashes of their last words (a run whose hash it lacks
     * ends no cue).
     */
    private static boolean mayHaveCue(String text, int from, int to, int[][] cues, boolean[] lastKeys) {
        int[] recent = new int[8];
        int runs = 0; // runs since the last punctuation
        int h = 0;
        boolean inRun = false;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ' ';
            if (i < to && isWordChar(c)) {
                if (!inRun) {
                    inRun = true;
                    h = 0;
                }
                char k = Gazetteer.keyChar(c);
                if (k != 0) {
                    h = 31 * h + k;
                }
                continue;
            }
            if (inRun) {
                inRun = false;
                recent[runs & 7] = h;
                runs++;
                if (lastKeys[h & (lastKeys.length - 1)]) {
                    for (int[] cue : cues) {
                        if (cue.length <= runs && endsWith(recent, runs, cue)) {
                            return true;
                        }
                    }
                }
            }
            if (i < to && !(Character.isWhitespace(c) || c == '\u00A0')) {
                runs = 0;
            }
        }
        return false;
    }

    /** True when the last {@code cue.length} of {@code runs} hashes kept in {@code recent} are the cue's. */
    private static boolean endsWith(int[] recent, int runs, int[] cue) {
        for (int x = 0; x < cue.length; x++) {
            if (recent[(runs - cue.length + x) & 7] != cue[x]) {
                return false;
            }
        }
        return true;
    }

    /** {@link Character#isUpperCase} of each char below U+2070; built once, then read only. */
    private static final boolean[] UPPER = new boolean[0x2070];

    static {
        for (char c = 0; c < UPPER.length; c++) {
            UPPER[c] = Character.isUpperCase(c);
        }
    }

    /** {@link Character#isUpperCase}, by {@link #UPPER} below its end. */
    private static boolean isUpper(char c) {
        return c < UPPER.length ? UPPER[c] : Character.isUpperCase(c);
    }

    /** Chars up to U+1EFF that are letters, digits or non-spacing marks; built once, then read only. */
    private static final boolean[] WORD_CHARS = new boolean[0x1F00];

    static {
        for (int c = 0; c < WORD_CHARS.length; c++) {
            WORD_CHARS[c] = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
        }
    }

    /** A letter, digit or non-spacing mark: a char of a word as {@link #words} reads it. */
    private static boolean isWordChar(char c) {
        return c < WORD_CHARS.length ? WORD_CHARS[c] : Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * The folded words of a text, each run of punctuation read as one separator word ("¶" when it
     * ends a sentence or clause, else "|"), so that phrases are matched as whole words and never
     * across punctuation they do not contain ("(28/7), Tỉnh ủy" is no "9 tỉnh", "Công an tỉnh. Thành
     * công" no "tỉnh, thành"; "tỉnh, thành phố" is).
     */
    private static String words(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean punct = false;
        boolean stop = false;
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                if (stop) {
                    b.append(" ¶ "); // a sentence or clause ends: no phrase runs across it
                } else if (punct) {
                    b.append(" | ");
                } else if (gap) {
                    b.append(' ');
                }
                punct = false;
                stop = false;
                gap = false;
                b.append(c);
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                gap = true;
            } else {
                punct = true;
                stop |= c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n';
            }
        }
        return Fold.fold(b.toString());
    }

    /** True when the text names a province's own bodies ({@code local_cues.txt}), read token by token. */
    private boolean hasLocalCue(TokenView t) {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            TokenKind kind = t.kind(i);
            if (kind == TokenKind.WORD ? !startsWith(localCueChars, localCuePhrases, t.first(i)) : kind != TokenKind.ABBREVIATION) {
                continue; // firstWordAt would say no, told by the kind and first char
            }
            if (localCuePhrases.firstWordAt(t, i) && localCuePhrases.longestByChars(t, i, phraseLimit(t, i, localCuePhrases.maxLength())) != null) {
                return true;
            }
        }
        return false;
    }
}
