package org.vnextract.segment;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;

/**
 * The words of an article: consecutive, non-overlapping runs of its tokens ({@link
 * AnalyzedText#tokens()}), in order, never crossing a sentence. "Bí thư Thường trực Tỉnh ủy" is
 * three words over six tokens. Stored as two int arrays rather than an object per word.
 *
 * <p>Immutable; thread-safe.
 */
public final class Words {
    public static final Key<Words> KEY = Key.of("words", Words.class);

    /** One word: tokens {@code [firstToken, endToken)}, text {@code [start, end)} in {@code char}s. */
    public record Word(int firstToken, int endToken, int start, int end) {
        public int tokens() {
            return endToken - firstToken;
        }
    }

    private final int[] firstTokens; // length size + 1: the last entry is the token count
    private final int[] charStarts;
    private final int[] charEnds;

    private Words(int[] firstTokens, int[] charStarts, int[] charEnds) {
        this.firstTokens = firstTokens;
        this.charStarts = charStarts;
        this.charEnds = charEnds;
    }

    /**
     * Words from a per-token flag: {@code begins[t]} is true when token t begins a word.
     * @param text the analysed text whose tokens {@code begins} describes
     */
    public static Words of(AnalyzedText text, boolean[] begins) {
        Validate.notNull(text, "text");
        Validate.notNull(begins, "begins");
        int n = text.tokens().size();
        Validate.isTrue(begins.length >= n, "begins", "must have a flag per token");
        int count = 0;
        for (int t = 0; t < n; t++) {
            if (begins[t] || t == 0) {
                count++;
            }
        }
        int[] first = new int[count + 1];
        int[] starts = new int[count];
        int[] ends = new int[count];
        int w = -1;
        for (int t = 0; t < n; t++) {
            if (begins[t] || t == 0) {
                w++;
                first[w] = t;
                starts[w] = text.tokens().get(t).start();
            }
            ends[w] = text.tokens().get(t).end();
        }
        first[count] = n;
        return new Words(first, starts, ends);
    }

    public int size() {
        return charStarts.length;
    }

    public int firstToken(int word) {
        return firstTokens[word];
    }

    public int endToken(int word) {
        return firstTokens[word + 1];
    }

    public int start(int word) {
        return charStarts[word];
    }

    public int end(int word) {
        return charEnds[word];
    }

    public Word get(int word) {
        Validate.index(word, size(), "word");
        return new Word(firstTokens[word], firstTokens[word + 1], charStarts[word], charEnds[word]);
    }

    /** The words as a list (views, made on access). */
    public List<Word> asList() {
        return new AbstractList<>() {
            @Override
            public Word get(int index) {
                return Words.this.get(index);
            }

            @Override
            public int size() {
                return Words.this.size();
            }
        };
    }

    /**
     * Whether a word ends at character offset {@code end} (a name that ends there ends on a word
     * boundary). Offsets between words (spaces, punctuation) count as boundaries too.
     */
    public boolean endsWordAt(int end) {
        int w = wordBefore(end);
        return w < 0 || charEnds[w] <= end;
    }

    /** Whether a word starts at character offset {@code start}, or {@code start} lies outside every word. */
    public boolean startsWordAt(int start) {
        int w = wordBefore(start + 1);
        return w < 0 || charStarts[w] == start || charEnds[w] <= start;
    }

    /** The start of the word that holds the character before {@code end}; {@code end} when none does. */
    public int wordStartBefore(int end) {
        int w = wordBefore(end);
        return w >= 0 && charEnds[w] >= end ? charStarts[w] : end;
    }

    /** The end of the word that holds the character before {@code end}; {@code end} when none does. */
    public int wordEndAfter(int end) {
        int w = wordBefore(end);
        return w >= 0 && charEnds[w] > end ? charEnds[w] : end;
    }

    /** The word holding character {@code offset}, else the last word before it; -1 when none starts at or before it. */
    public int wordAt(int offset) {
        return wordBefore(offset + 1);
    }

    /** The last word starting before {@code offset}, or -1. */
    private int wordBefore(int offset) {
        int i = Arrays.binarySearch(charStarts, offset);
        return i >= 0 ? i - 1 : -i - 2;
    }

    /** The word containing token {@code token}. */
    public int wordOfToken(int token) {
        Validate.index(token, firstTokens[firstTokens.length - 1], "token");
        int i = Arrays.binarySearch(firstTokens, 0, size(), token);
        return i >= 0 ? i : -i - 2;
    }

    /** The words {@code [first, end)} of a sentence. */
    public int[] range(Sentence s) {
        Validate.notNull(s, "s");
        if (s.endToken() <= s.firstToken()) {
            int w = s.firstToken() < firstTokens[firstTokens.length - 1] ? wordOfToken(s.firstToken()) : size();
            return new int[] {w, w};
        }
        return new int[] {wordOfToken(s.firstToken()), wordOfToken(s.endToken() - 1) + 1};
    }

    /** The word's tokens joined by {@code '_'} (VnCoreNLP's output form): "Bí_thư". */
    public String joined(AnalyzedText text, int word) {
        StringBuilder sb = new StringBuilder();
        appendJoined(text, word, sb);
        return sb.toString();
    }

    /** Appends the word's tokens joined by {@code '_'}. */
    public void appendJoined(AnalyzedText text, int word, StringBuilder out) {
        for (int t = firstToken(word); t < endToken(word); t++) {
            if (t > firstToken(word)) {
                out.append('_');
            }
            out.append(text.text(), text.tokens().get(t).start(), text.tokens().get(t).end());
        }
    }
}
