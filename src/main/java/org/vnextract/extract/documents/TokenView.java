package org.vnextract.extract.documents;

import java.util.List;
import org.vnextract.segment.Words;
import org.vnextract.text.Fold;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

/**
 * The tokens of one article with their folded text (lower case, tone mark placement ignored),
 * folded on first use so that each token is folded at most once: the extractor only looks at the
 * few tokens around numbers.
 *
 * <p>Not thread-safe: one per article and call.
 */
final class TokenView {
    final String text;
    private final List<Token> tokens;
    private final String[] folded;
    private final Words words; // null: every token is a word

    TokenView(String text, List<Token> tokens, Words words) {
        this.text = text;
        this.tokens = tokens;
        this.folded = new String[tokens.size()];
        this.words = words;
    }

    /** The first token of the segmenter's word that holds token {@code i}. */
    int wordHead(int i) {
        int j = i;
        while (j > 0 && !endsWord(j - 1)) {
            j--;
        }
        return j;
    }

    /** Whether token {@code i} ends a word of the segmenter ("Tài" does not in "Tài chính"). */
    boolean endsWord(int i) {
        return words == null || words.endsWordAt(end(i));
    }

    int size() {
        return tokens.size();
    }

    Token tok(int i) {
        return tokens.get(i);
    }

    int start(int i) {
        return tokens.get(i).start();
    }

    int end(int i) {
        return tokens.get(i).end();
    }

    /** The folded text of a word or abbreviation token; "" for punctuation and numbers. */
    String fold(int i) {
        if (i < 0 || i >= folded.length) {
            return "";
        }
        String f = folded[i];
        if (f == null) {
            Token t = tokens.get(i);
            TokenKind k = t.kind();
            f = k == TokenKind.WORD || k == TokenKind.ABBREVIATION
                    ? Fold.fold(text.substring(t.start(), t.end())) : "";
            folded[i] = f;
        }
        return f;
    }

    /** Whether token {@code i} exists and folds to {@code word} (already folded). */
    boolean is(int i, String word) {
        return i >= 0 && i < folded.length && fold(i).equals(word);
    }

    /** Whether token {@code i} exists and is the single character {@code c}. */
    boolean isChar(int i, char c) {
        if (i < 0 || i >= folded.length) {
            return false;
        }
        Token t = tokens.get(i);
        return t.end() - t.start() == 1 && text.charAt(t.start()) == c;
    }

    char first(int i) {
        return text.charAt(tokens.get(i).start());
    }

    boolean startsWithDigit(int i) {
        char c = first(i);
        return c >= '0' && c <= '9';
    }

    boolean isWord(int i) {
        TokenKind k = tokens.get(i).kind();
        return k == TokenKind.WORD || k == TokenKind.ABBREVIATION;
    }

    boolean capitalized(int i) {
        return isWord(i) && Character.isUpperCase(first(i));
    }

    /** Whether a line break separates token {@code i} from the token before it. */
    boolean newlineBefore(int i) {
        if (i <= 0 || i >= folded.length) {
            return false;
        }
        int from = tokens.get(i - 1).end();
        int to = tokens.get(i).start();
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** The first token starting at or after {@code charIndex}, from {@code hint} on. */
    int tokenAtOrAfter(int charIndex, int hint) {
        int i = Math.max(hint, 0);
        while (i < folded.length && tokens.get(i).start() < charIndex) {
            i++;
        }
        return i;
    }

    String slice(int fromTok, int toTok) {
        return text.substring(start(fromTok), end(toTok - 1));
    }
}
