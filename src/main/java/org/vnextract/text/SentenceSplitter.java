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
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            boolean end = false;
            if (t.kind() == TokenKind.PUNCT && isTerminal(text.charAt(t.start()))) {
                int j = i + 1;
                while (j < to && tokens.get(j).kind() == TokenKind.PUNCT && isCloser(text.charAt(tokens.get(j).start()))
                        && tokens.get(j).start() == tokens.get(j - 1).end()) {
                    j++;
                }
                if (j < to && startsSentence(text, tokens.get(j)) && !isAbbreviationBefore(text, tokens, first, i)) {
                    i = j - 1;
                    end = true;
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
        while (k - 2 >= first && text.charAt(tokens.get(k - 1).start()) == '.'
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
