package org.vnextract.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * Splits a paragraph's tokens into sentences. A sentence ends at . ! ? … (with any closing quotes
 * or brackets after it) when the next token starts a sentence (a capital, a digit, an opening
 * quote or bracket, a dash) and the token before the full stop is not an abbreviation of
 * {@code models/text/abbreviations.txt} ("TP.", "PGS.TS.") or a lone initial. Numbers, dates and
 * symbols never split because the tokenizer keeps them whole. A sentence longer than the token
 * limit is cut, so no later rule ever sees an unbounded sentence.
 *
 * <p>Immutable; thread-safe.
 */
public final class SentenceSplitter {
    public static final String FILE = "text/abbreviations.txt";
    private static final int MAX_DOTTED_PARTS = 6;

    private final Set<String> abbreviations;
    private final int maxTokens;

    public SentenceSplitter(ModelSource models, int maxTokens) {
        Validate.notNull(models, "models");
        this.abbreviations = Set.copyOf(new HashSet<>(models.lines(FILE).stream().map(String::strip).toList()));
        this.maxTokens = Validate.positive(maxTokens, "maxTokens");
    }

    /**
     * Appends the sentences of the paragraph whose tokens are {@code tokens[from, to)}.
     * @return how many sentences were cut at the token limit
     */
    public int split(String text, List<Token> tokens, int from, int to, List<Sentence> out) {
        int cut = 0;
        int first = from;
        // the closers up to here were scanned and no sentence starts after them: a run of 100 000 dots
        // is scanned once, not once per dot
        int noStartBefore = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            boolean end = false;
            if (i >= noStartBefore && t.kind() == TokenKind.PUNCT && isTerminal(text.charAt(t.start()))) {
                int j = i + 1;
                while (j < to && tokens.get(j).kind() == TokenKind.PUNCT && isCloser(text.charAt(tokens.get(j).start()))
                        && tokens.get(j).start() == tokens.get(j - 1).end()) {
                    j++;
                }
                boolean starts = j < to && startsSentence(text, tokens.get(j));
                if (starts && !isAbbreviationBefore(text, tokens, first, i)) {
                    // the closing quotes and brackets after the full stop must not carry the sentence past the limit
                    if (j - first > maxTokens) {
                        i = first + maxTokens - 1;
                        cut++;
                    } else {
                        i = j - 1;
                    }
                    end = true;
                } else if (!starts) {
                    noStartBefore = j;
                }
            }
            if (!end && i + 1 - first >= maxTokens) {
                end = true;
                cut++;
            }
            if (end) {
                out.add(new Sentence(tokens.get(first).start(), tokens.get(i).end(), first, i + 1));
                first = i + 1;
            }
        }
        if (first < to) {
            out.add(new Sentence(tokens.get(first).start(), tokens.get(to - 1).end(), first, to));
        }
        return cut;
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '”' || c == '’' || c == ')' || c == ']' || c == '.' || c == '!' || c == '?' || c == '…'
                || c == '»';
    }

    private static boolean startsSentence(String text, Token t) {
        char c = text.charAt(t.start());
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '(' || c == '['
                || c == '-' || c == '–' || c == '—' || c == '‘' || c == '\'' || c == '*' || c == '•';
    }

    /** "TP." "PGS.TS." "v.v." "Nguyễn V." : the full stop at {@code dot} belongs to a word. */
    private boolean isAbbreviationBefore(String text, List<Token> tokens, int first, int dot) {
        if (text.charAt(tokens.get(dot).start()) != '.' || dot == first) {
            return false;
        }
        Token prev = tokens.get(dot - 1);
        if (prev.end() != tokens.get(dot).start() || prev.kind() == TokenKind.PUNCT) {
            return false;
        }
        // the whole dotted run before the full stop: "PGS.TS", "v.v", "TP"
        int k = dot - 1;
        // no abbreviation has more than a few dotted parts ("PGS.TS.BS"): a long "A.B.A.B." run is not walked back
        int stop = Math.max(first, dot - 1 - 2 * MAX_DOTTED_PARTS);
        while (k - 2 >= stop && text.charAt(tokens.get(k - 1).start()) == '.'
                && tokens.get(k - 1).start() == tokens.get(k - 2).end() && tokens.get(k).start() == tokens.get(k - 1).end()) {
            k -= 2;
        }
        String run = text.substring(tokens.get(k).start(), prev.end());
        if (abbreviations.contains(run) || abbreviations.contains(text.substring(prev.start(), prev.end()))) {
            return true;
        }
        // a lone capital initial ("Nguyễn V. A") or lower-case letter ("v.v")
        return prev.length() == 1 && Character.isLetter(text.charAt(prev.start()));
    }
}
