package org.vnextract.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnextract.internal.Validate;

/**
 * The small token stream the dates and counts extractors read (shared here, in the extract root,
 * because extractor packages do not depend on each other): words, numbers with their inner
 * separators ("28-6-2021", "4.595", "25-27/9", "224/274"), single punctuation characters and
 * paragraph breaks. It is our own single left-to-right scan rather than the shared tokenizer's
 * tokens, because dates and counts need the inner structure of numbers ("25-27/9" is two days,
 * "07/08 chi bộ" a ratio) and must not change when the tokenizer's classification does.
 *
 * <p>Linear in the text: every character is looked at a bounded number of times; one object per
 * token, none per character. Stateless; thread-safe.
 */
public final class Lexer {

    /** What a lexeme is. */
    public enum Kind { WORD, NUMBER, PUNCT, BREAK }

    /**
     * One lexeme: {@code text[start, end)}, its kind, and for words the lower-case form used to look
     * words up in the rule files.
     */
    public record Lexeme(int start, int end, Kind kind, String lower) {
        public boolean isWord() {
            return kind == Kind.WORD;
        }

        public boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        /** True for the punctuation character {@code c}. */
        public boolean is(char c, String text) {
            return kind == Kind.PUNCT && text.charAt(start) == c;
        }
    }

    /** The lexemes of {@code text}, in order. */
    public List<Lexeme> lex(String text) {
        Validate.notNull(text, "text");
        List<Lexeme> out = new ArrayList<>(text.length() / 4 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.add(new Lexeme(i, i + 1, Kind.BREAK, null));
                i++;
            } else if (Character.isWhitespace(c) || c == '\u00A0') {
                i++;
            } else if (isDigit(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (isDigit(d)) {
                        j++;
                    } else if (isInnerSeparator(d) && j + 1 < n && isDigit(text.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                out.add(new Lexeme(i, j, Kind.NUMBER, null));
                i = j;
            } else if (isLetter(c)) {
                int j = i + 1;
                while (j < n && isLetter(text.charAt(j))) {
                    j++;
                }
                out.add(new Lexeme(i, j, Kind.WORD, text.substring(i, j).toLowerCase(Locale.ROOT)));
                i = j;
            } else {
                int j = i + 1;
                if (Character.isHighSurrogate(c) && j < n && Character.isLowSurrogate(text.charAt(j))) {
                    j++;
                }
                out.add(new Lexeme(i, j, Kind.PUNCT, null));
                i = j;
            }
        }
        return out;
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isInnerSeparator(char c) {
        return c == '.' || c == ',' || c == '/' || c == '-' || c == ':' || c == '–';
    }

    public static boolean isLetter(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
