package org.vnextract.text;

import java.util.List;
import org.vnextract.internal.Validate;

/**
 * Splits text into tokens with a single left-to-right scan (no regular expressions, so no
 * backtracking, and no allocation per character). Domain tokens stay whole: document symbols
 * ("21-KL/TW", "03- CT/HU", "100/2019/NĐ-CP", "20/NQ-HĐND"), dates ("28-6-2021", "29/6"), numbers
 * ("4.595", "5,8", "224/274", "100%"), URLs and e-mail addresses; a hyphen joining a name to a
 * title ("Tuấn-Phó Bí thư") is a token of its own.
 *
 * <p>Stateless; thread-safe.
 */
public final class Tokenizer {

    /** Appends the tokens of {@code text[from, to)} to {@code out}. */
    public void tokenize(String text, int from, int to, List<Token> out) {
        Validate.notNull(text, "text");
        Validate.range(from, to, text.length(), "from/to");
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end;
            if ((end = link(text, i, to)) > i) {
                out.add(new Token(i, end, TokenKind.LINK));
            } else if (isDigit(c)) {
                end = numberish(text, i, to);
                int sym = symbolTail(text, end, to);
                if (sym > end) {
                    out.add(new Token(i, sym, TokenKind.SYMBOL));
                    end = sym;
                } else {
                    out.add(new Token(i, end, classifyNumber(text, i, end)));
                }
            } else if (isWordChar(c)) {
                end = word(text, i, to);
                out.add(new Token(i, end, isAbbreviation(text, i, end) ? TokenKind.ABBREVIATION : TokenKind.WORD));
            } else {
                end = i + 1;
                if (Character.isHighSurrogate(c) && end < to && Character.isLowSurrogate(text.charAt(end))) {
                    end++;
                }
                out.add(new Token(i, end, TokenKind.PUNCT));
            }
            i = end;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** A run of letters; an apostrophe between letters stays inside ("H’Drai", "Ê-đê" splits). */
    private static int word(String t, int i, int to) {
        int j = i;
        while (j < to) {
            char c = t.charAt(j);
            if (isWordChar(c)) {
                j++;
            } else if ((c == '\'' || c == '’') && j + 1 < to && isWordChar(t.charAt(j + 1)) && j > i) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static boolean isAbbreviation(String t, int i, int end) {
        if (end - i < 2) {
            return false;
        }
        for (int k = i; k < end; k++) {
            if (!Character.isUpperCase(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Digits with inner separators . , / - : each followed by a digit, then an optional %. */
    private static int numberish(String t, int i, int to) {
        int j = i;
        while (j < to) {
            char c = t.charAt(j);
            if (isDigit(c)) {
                j++;
            } else if ((c == '.' || c == ',' || c == '/' || c == '-' || c == ':') && j + 1 < to && isDigit(t.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        if (j < to && t.charAt(j) == '%') {
            j++;
        }
        return j;
    }

    /**
     * After a number: "-KL/TW", "/NQ-HĐND", "/2019/NĐ-CP" (already in the number), "- CT/HU",
     * " -TB/TW". Returns the end of the symbol, or {@code end} when none follows. A symbol needs a
     * slash or a hyphen then capitals, and at least one slash overall.
     */
    private static int symbolTail(String t, int end, int to) {
        int j = end;
        // optional spaces around the first separator: "03- CT/HU", "55 -TB/TW"
        int k = j;
        while (k < to && t.charAt(k) == ' ' && k - j < 2) {
            k++;
        }
        if (k >= to || (t.charAt(k) != '-' && t.charAt(k) != '/' && t.charAt(k) != '–')) {
            return end;
        }
        k++;
        while (k < to && t.charAt(k) == ' ' && k - j < 5) {
            k++;
        }
        if (k >= to || !Character.isUpperCase(t.charAt(k))) {
            return end;
        }
        boolean slash = t.charAt(end) == '/' || hasSlash(t, j - 12 < 0 ? 0 : j - 12, end);
        int m = k;
        int last = end;
        while (m < to) {
            char c = t.charAt(m);
            if (Character.isLetterOrDigit(c) || c == '&') {
                m++;
                last = m;
            } else if ((c == '/' || c == '-') && m + 1 < to
                    && (Character.isLetterOrDigit(t.charAt(m + 1)))) {
                slash |= c == '/';
                m++;
            } else {
                break;
            }
        }
        if (!slash) {
            // "2074/QĐ-UBND" has its slash before the letters; "21-KL" alone is not a symbol
            for (int x = end; x < last; x++) {
                if (t.charAt(x) == '/') {
                    slash = true;
                    break;
                }
            }
        }
        return slash && last > k ? last : end;
    }

    private static boolean hasSlash(String t, int from, int to) {
        for (int x = from; x < to; x++) {
            if (t.charAt(x) == '/') {
                return true;
            }
        }
        return false;
    }

    /** DATE for d-m(-yyyy) shapes with a plausible day and month; NUMBER otherwise. */
    private static TokenKind classifyNumber(String t, int i, int end) {
        int parts = 1;
        char sep = 0;
        int[] v = new int[3];
        int cur = 0;
        int digits = 0;
        for (int k = i; k < end; k++) {
            char c = t.charAt(k);
            if (isDigit(c)) {
                cur = cur * 10 + (c - '0');
                digits++;
                if (digits > 4) {
                    return TokenKind.NUMBER;
                }
            } else if (c == '-' || c == '/' || c == '.') {
                if (sep != 0 && c != sep || parts == 3) {
                    return TokenKind.NUMBER;
                }
                sep = c;
                v[parts - 1] = cur;
                parts++;
                cur = 0;
                digits = 0;
            } else {
                return TokenKind.NUMBER;
            }
        }
        v[parts - 1] = cur;
        if (parts < 2 || v[0] < 1 || v[0] > 31 || v[1] < 1 || v[1] > 12) {
            return TokenKind.NUMBER;
        }
        if (parts == 3 && (v[2] < 1000 || v[2] > 2999)) {
            return TokenKind.NUMBER;
        }
        if (sep == '.' && parts == 2 && end - i > 5) {
            return TokenKind.NUMBER;
        }
        return TokenKind.DATE;
    }

    /** URLs (scheme or www.) and e-mail addresses, up to white space or closing punctuation. */
    private static int link(String t, int i, int to) {
        boolean url = t.startsWith("http://", i) || t.startsWith("https://", i) || t.startsWith("www.", i);
        int j = i;
        boolean at = false;
        while (j < to && !Character.isWhitespace(t.charAt(j)) && t.charAt(j) != '"' && t.charAt(j) != '“'
                && t.charAt(j) != '”' && t.charAt(j) != '<' && t.charAt(j) != '>') {
            if (t.charAt(j) == '@') {
                at = true;
            }
            j++;
        }
        while (j > i && ".,;:!?)]".indexOf(t.charAt(j - 1)) >= 0) {
            j--;
        }
        if (url) {
            return j;
        }
        if (at && j - i >= 5) {
            int a = t.indexOf('@', i);
            if (a > i && a < j - 3 && t.indexOf('.', a) > a && t.indexOf('.', a) < j - 1 && isWordChar(t.charAt(i))) {
                for (int k = i; k < j; k++) {
                    char c = t.charAt(k);
                    if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '@')) {
                        return i;
                    }
                }
                return j;
            }
        }
        return i;
    }
}
