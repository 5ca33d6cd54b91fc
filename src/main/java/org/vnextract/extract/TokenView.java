package org.vnextract.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;
import org.vnextract.text.SymbolShape;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;
import org.vnextract.text.Tokenizer;

/**
 * The tokens of one article as the extractors read them: the text layer's tokens with their kinds,
 * their folded forms ({@link #fold}), capitalisation, sentences and the segmenter's words. A word
 * token with a capital inside it ("viênThường", a missing space) is split there, so that lexicon
 * phrases still match; offsets keep pointing into the article text. Phrases are matched against it
 * with {@link PhraseTrie}, whose phrases are folded by {@link #foldPhrase} the same way.
 *
 * <p>Folding is {@link Fold#fold} per token, done on first use and kept, so each token is folded at
 * most once and an extractor that looks at few tokens folds few. Word ends are looked up the same
 * way.
 *
 * <p>Built once per article by {@link TokenViewStage} and read by every extractor that requires
 * {@link #KEY}. Thread-safe: the per-token caches (folded forms, word ends) are filled on first use
 * by writes that always store the same value (as {@link String#hashCode} does), so a reader on
 * another thread sees either nothing yet, and computes it again, or that value.
 */
public final class TokenView {
    /** The article's one token view, provided by {@link TokenViewStage}. */
    public static final Key<TokenView> KEY = Key.of("tokens", TokenView.class);

    private final String text;
    private final int n;
    private final int[] start;
    private final int[] end;
    private final TokenKind[] kind;
    private final int[] sentence;
    private final int[] sentStart;
    private final int[] sentEnd;
    private final String[] folded;
    /** Whether token i ends a word of the segmenter: 0 not looked up yet, 1 yes, 2 no. */
    private final byte[] wordEnd;
    private final Words words; // null: every token a word
    /** Whether token i is a later piece of a text-layer token split at an inner capital; null when none was split. */
    private final boolean[] joined;

    private TokenView(String text, int[] start, int[] end, TokenKind[] kind, int[] sentence, int n, int sentences,
                      Words words, boolean[] joined) {
        this.text = text;
        this.joined = joined;
        this.n = n;
        this.start = start;
        this.end = end;
        this.kind = kind;
        this.sentence = sentence;
        this.words = words;
        this.folded = new String[n];
        this.wordEnd = new byte[n];
        sentStart = new int[sentences];
        sentEnd = new int[sentences];
        Arrays.fill(sentStart, -1);
        for (int i = 0; i < n; i++) {
            int s = sentence[i];
            if (sentStart[s] < 0) {
                sentStart[s] = i;
            }
            sentEnd[s] = i + 1;
        }
        for (int s = 0; s < sentences; s++) {
            if (sentStart[s] < 0) {
                sentStart[s] = 0;
                sentEnd[s] = 0;
            }
        }
    }

    /** The tokens of {@code t}; {@code words} (may be null: every token a word) marks the segmenter's words. */
    public static TokenView of(AnalyzedText t, Words words) {
        Validate.notNull(t, "t");
        String text = t.text();
        List<Token> tokens = t.tokens();
        Spans out = new Spans(tokens.size() + 8);
        List<Sentence> ss = t.sentences();
        for (int s = 0; s < ss.size(); s++) {
            Sentence sen = ss.get(s);
            for (int k = sen.firstToken(); k < sen.endToken(); k++) {
                Token tok = tokens.get(k);
                int from = tok.start();
                if (tok.kind() == TokenKind.WORD) {
                    for (int c = tok.start() + 1; c < tok.end(); c++) {
                        if (Character.isUpperCase(text.charAt(c)) && Character.isLowerCase(text.charAt(c - 1))) {
                            out.add(from, c, TokenKind.WORD, s);
                            out.joinNext();
                            from = c;
                        }
                    }
                }
                out.add(from, tok.end(), tok.kind(), s);
            }
        }
        return new TokenView(text, out.start, out.end, out.kind, out.sentence, out.n, ss.size(), words,
                out.joined == null ? null : Arrays.copyOf(out.joined, out.n));
    }

    /**
     * The article's view: the pipeline's ({@link #KEY}) when an earlier stage made it, else one made
     * now from the text and its words (when there are any), for a stage run on its own, as tests do.
     */
    public static TokenView of(Analysis in) {
        Validate.notNull(in, "in");
        return in.find(KEY).orElseGet(() -> of(in.get(AnalyzedText.KEY), in.find(Words.KEY).orElse(null)));
    }

    /** The token spans as they are collected. */
    private static final class Spans {
        int[] start;
        int[] end;
        TokenKind[] kind;
        int[] sentence;
        /** Made on the first split: most articles have none. */
        boolean[] joined;
        int n;

        Spans(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            kind = new TokenKind[capacity];
            sentence = new int[capacity];
        }

        void add(int from, int to, TokenKind k, int s) {
            if (n == start.length) {
                int c = 2 * n + 8;
                start = Arrays.copyOf(start, c);
                end = Arrays.copyOf(end, c);
                kind = Arrays.copyOf(kind, c);
                sentence = Arrays.copyOf(sentence, c);
            }
            start[n] = from;
            end[n] = to;
            kind[n] = k;
            sentence[n++] = s;
        }

        /** The next token added continues the one added last (a word split at an inner capital). */
        void joinNext() {
            if (joined == null || joined.length < n + 1) {
                joined = Arrays.copyOf(joined == null ? new boolean[0] : joined, Math.max(2 * n + 8, start.length));
            }
            joined[n] = true;
        }
    }

    /**
     * The folded form of a token written {@code s} of kind {@code k}: {@link Fold#fold}, with the
     * inner dots of an abbreviation dropped ("TP.HCM" = "tphcm"); punctuation, and a token that
     * folds to nothing, as written.
     */
    public static String foldToken(String s, TokenKind k) {
        if (k == TokenKind.PUNCT) {
            return s;
        }
        String f = Fold.fold(s);
        if (k == TokenKind.ABBREVIATION && f.indexOf('.') >= 0) {
            f = f.replace(".", "");
        }
        return f.isEmpty() ? s : f;
    }

    /** The folded tokens of a lexicon phrase, tokenized like article text. */
    public static List<String> foldPhrase(String phrase) {
        Validate.notNull(phrase, "phrase");
        List<Token> out = new ArrayList<>();
        new Tokenizer().tokenize(phrase, 0, phrase.length(), out);
        List<String> f = new ArrayList<>(out.size());
        for (Token tok : out) {
            f.add(foldToken(phrase.substring(tok.start(), tok.end()), tok.kind()));
        }
        return f;
    }

    /** Whether some word token of the article was split at an inner capital ({@link #joinsPrevious}). */
    public boolean hasSplits() {
        return joined != null;
    }

    /**
     * Whether token {@code i} is the second or a later piece of a text-layer token split at an inner
     * capital ("Thường" of "viênThường"): a reader that must see the text layer's tokens (one word
     * "viênthường") joins it to the token before.
     */
    public boolean joinsPrevious(int i) {
        return joined != null && i > 0 && i < n && joined[i];
    }

    /** The article text the offsets point into. */
    public String text() {
        return text;
    }

    public int size() {
        return n;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public TokenKind kind(int i) {
        return kind[i];
    }

    /** The folded form of token {@code i} ({@link #foldToken}); "" outside the tokens. */
    public String fold(int i) {
        if (i < 0 || i >= n) {
            return "";
        }
        String f = folded[i];
        if (f == null) {
            f = foldToken(text.substring(start[i], end[i]), kind[i]);
            folded[i] = f;
        }
        return f;
    }

    /** Whether token {@code i} exists and folds to {@code word} (already folded). */
    public boolean is(int i, String word) {
        return i >= 0 && i < n && fold(i).equals(word);
    }

    /** Whether token {@code i} exists and is the single character {@code c}. */
    public boolean isChar(int i, char c) {
        return i >= 0 && i < n && end[i] - start[i] == 1 && text.charAt(start[i]) == c;
    }

    /** Whether token {@code i} is the punctuation character {@code c}. */
    public boolean isPunct(int i, char c) {
        return kind[i] == TokenKind.PUNCT && isChar(i, c);
    }

    /** The first character of token {@code i}. */
    public char first(int i) {
        return text.charAt(start[i]);
    }

    public boolean startsWithDigit(int i) {
        char c = first(i);
        return c >= '0' && c <= '9';
    }

    /**
     * The written shape of the document symbol that may start at token {@code i} ({@link
     * SymbolShape#at}: its number, then its separators and codes with where each lies), read on
     * demand; null when the token does not start with a number of at most {@link
     * SymbolShape#MAX_NUMBER_DIGITS} digits.
     */
    public SymbolShape symbolShape(int i) {
        return startsWithDigit(i) ? SymbolShape.at(text, start[i]) : null;
    }

    /** A syllable of letters ({@link TokenKind#WORD}). */
    public boolean isWord(int i) {
        return kind[i] == TokenKind.WORD;
    }

    /** A syllable or an abbreviation: a token of letters. */
    public boolean isLetters(int i) {
        return kind[i] == TokenKind.WORD || kind[i] == TokenKind.ABBREVIATION;
    }

    /** A syllable or abbreviation starting with an upper-case letter. */
    public boolean capitalized(int i) {
        return isLetters(i) && Character.isUpperCase(text.charAt(start[i]));
    }

    /** A capitalised syllable: a word starting with an upper-case letter. */
    public boolean isCapWord(int i) {
        return kind[i] == TokenKind.WORD && Character.isUpperCase(text.charAt(start[i]));
    }

    /** Index of the sentence token {@code i} belongs to. */
    public int sentence(int i) {
        return sentence[i];
    }

    public int sentences() {
        return sentStart.length;
    }

    /** The first token of sentence {@code s}. */
    public int sentenceStart(int s) {
        return sentStart[s];
    }

    /** The token after the last of sentence {@code s}. */
    public int sentenceEnd(int s) {
        return sentEnd[s];
    }

    /** Whether token {@code i} ends a word of the segmenter ("Tài" does not in "Tài chính"); always true without words. */
    public boolean endsWord(int i) {
        byte b = wordEnd[i];
        if (b == 0) {
            b = words == null || words.endsWordAt(end[i]) ? (byte) 1 : (byte) 2;
            wordEnd[i] = b;
        }
        return b == 1;
    }

    /** The first token of the segmenter's word that holds token {@code i}. */
    public int wordHead(int i) {
        int j = i;
        while (j > 0 && !endsWord(j - 1) && sentence[j - 1] == sentence[i]) {
            j--;
        }
        return j;
    }

    /** Whether there is white space between token {@code i} and the next one. */
    public boolean spaceAfter(int i) {
        return i + 1 < n && start[i + 1] > end[i];
    }

    /** Whether a line break separates token {@code i} from the token before it. */
    public boolean newlineBefore(int i) {
        if (i <= 0 || i >= n) {
            return false;
        }
        for (int k = end[i - 1]; k < start[i]; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** The first token starting at or after {@code charIndex}, from {@code hint} on (by binary search). */
    public int tokenAtOrAfter(int charIndex, int hint) {
        int lo = Math.max(hint, 0);
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < charIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A name that ends before token {@code e} ends on a word boundary: when the segmenter's word goes
     * on past it, the end moves to the word's end if the word started inside the name with a
     * capital ("Bộ Tài" + "chính": Tài_chính), else back to the word's start ("… Chính phủ" +
     * "thành": thành_lập). {@code from} is the name's first token, {@code limit} the sentence end.
     */
    public int snapEnd(int from, int e, int limit) {
        if (e <= from || e >= limit || endsWord(e - 1)) {
            return e;
        }
        int head = wordHead(e - 1);
        if (capitalized(head)) {
            // a capitalised word goes on in lower case ("Tài_chính"); one merged with the next
            // capitalised word ("Mỹ_Donald", a proper-name run) is left as the rules cut it
            int k = e;
            while (k < limit && !endsWord(k - 1) && kind[k] == TokenKind.WORD && !capitalized(k)) {
                k++;
            }
            return endsWord(k - 1) ? k : e;
        }
        return head > from ? head : e;
    }

    /** The text from the start of token {@code from} to the end of token {@code to - 1}. */
    public String slice(int from, int to) {
        return text.substring(start[from], end[to - 1]);
    }
}
