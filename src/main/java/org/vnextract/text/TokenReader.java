package org.vnextract.text;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.vnextract.internal.Validate;

/**
 * Reads the tokens of an {@link AnalyzedText} by index, one paragraph at a time, for the rules that
 * look a few tokens around a number (dates, counts): outside the paragraph being read there is no
 * token ({@link #at} gives null), as at a line break. What the rules ask of a token is made the first
 * time it is asked and kept: the lower-case form of a word, the {@link NumberParts} of a number.
 *
 * <p>A number token ({@link NumberParts#isNumber}) may go on past its digits ("100%", "03- CT/HU",
 * {@link #tail}): what follows the digits inside the token is read as the punctuation after the
 * number ({@link #punctAfter}), and the next token is not its neighbour.
 *
 * <p>Not thread-safe: one per article and reader.
 */
public final class TokenReader {
    private final AnalyzedText t;
    private final String text;
    private final List<Token> tokens;
    private final String[] lower;
    private final NumberParts[] parts;
    private final int[] ends; // where a number token's digits end, 0 until asked
    private int lo;
    private int hi;

    public TokenReader(AnalyzedText t) {
        this.t = Validate.notNull(t, "t");
        this.text = t.text();
        this.tokens = t.tokens();
        this.lower = new String[tokens.size()];
        this.parts = new NumberParts[tokens.size()];
        this.ends = new int[tokens.size()];
        this.hi = tokens.size();
    }

    /**
     * Reads the text paragraph by paragraph, each token once: {@code step} is given a token index
     * and returns the index to go on from (the next token at least; a rule that read several
     * tokens skips them), never past the paragraph's end.
     */
    public void walk(IntUnaryOperator step) {
        Validate.notNull(step, "step");
        for (Span p : t.paragraphs()) {
            enter(p);
            int i = lo;
            while (i < hi) {
                i = Math.max(i + 1, step.applyAsInt(i));
            }
        }
    }

    /** Reads {@code paragraph} (one of {@link AnalyzedText#paragraphs()}) from now on. */
    public void enter(Span paragraph) {
        Validate.notNull(paragraph, "paragraph");
        lo = t.firstTokenAt(paragraph.start());
        hi = t.firstTokenAt(paragraph.end());
    }

    /** The first token of the paragraph being read. */
    public int lo() {
        return lo;
    }

    /** The end (exclusive) of the tokens of the paragraph being read. */
    public int hi() {
        return hi;
    }

    /** Token {@code i}, or null outside the paragraph being read. */
    public Token at(int i) {
        return i >= lo && i < hi ? tokens.get(i) : null;
    }

    /** A word or an abbreviation ("HĐND", "TP.HCM"). */
    public boolean isWord(int i) {
        Token x = at(i);
        return x != null && (x.kind() == TokenKind.WORD || x.kind() == TokenKind.ABBREVIATION);
    }

    /** The lower-case form of word token {@code i} ({@link #isWord}). */
    public String lower(int i) {
        String l = lower[i];
        if (l == null) {
            Token x = tokens.get(i);
            l = text.substring(x.start(), x.end()).toLowerCase(Locale.ROOT);
            lower[i] = l;
        }
        return l;
    }

    /** The lower-case form of token {@code i} when it is a word, else null. */
    public String lowerAt(int i) {
        return isWord(i) ? lower(i) : null;
    }

    /** The lower-case words of the paragraph by index ({@link #lowerAt}): null for other tokens and outside. */
    public List<String> lowerWords() {
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return lowerAt(i);
            }

            @Override
            public int size() {
                return hi;
            }
        };
    }

    /** Whether token {@code i} holds a number ({@link NumberParts#isNumber}). */
    public boolean isNumber(int i) {
        Token x = at(i);
        return x != null && NumberParts.isNumber(text, x);
    }

    /** The parts of number token {@code i}, or null when it is no number or has too many groups. */
    public NumberParts parts(int i) {
        if (!isNumber(i)) {
            return null;
        }
        NumberParts p = parts[i];
        if (p == null) {
            p = NumberParts.of(text, tokens.get(i));
            parts[i] = p;
        }
        return p.tooLong() ? null : p;
    }

    /** Where the digits of number token {@code i} end ({@link NumberParts#end}). */
    public int end(int i) {
        int e = ends[i];
        if (e == 0) {
            e = NumberParts.end(text, tokens.get(i));
            ends[i] = e;
        }
        return e;
    }

    /** Number token {@code i} goes on past its digits ("100%", "03- CT/HU"). */
    public boolean tail(int i) {
        return end(i) < tokens.get(i).end();
    }

    /** Token {@code i} ends with a digit: a number, as the token after it sees it. */
    public boolean endsWithNumber(int i) {
        Token x = at(i);
        return x != null && Tokenizer.isDigit(text.charAt(x.end() - 1));
    }

    /** Token {@code i} is the punctuation {@code c}. */
    public boolean punct(int i, char c) {
        Token x = at(i);
        return x != null && x.kind() == TokenKind.PUNCT && text.charAt(x.start()) == c;
    }

    /** Number token {@code i} is followed by {@code c}: inside the token, past spaces ("100%", "55 -TB/TW"), or as the next token. */
    public boolean punctAfter(int i, char c) {
        if (!tail(i)) {
            return punct(i + 1, c);
        }
        int k = end(i);
        while (text.charAt(k) == ' ') {
            k++;
        }
        return text.charAt(k) == c;
    }
}
