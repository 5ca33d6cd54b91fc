package org.vnextract.text;

import java.util.List;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * Splits text into tokens with a single left-to-right scan (no regular expressions, so no
 * backtracking, and no allocation per character). Domain tokens stay whole: document symbols
 * ("21-KL/TW", "03- CT/HU", "100/2019/NĐ-CP", "20/NQ-HĐND"), dates ("28-6-2021", "29/6"), numbers
 * ("4.595", "5,8", "224/274", "100%"), URLs and e-mail addresses; a hyphen joining a name to a
 * title ("Tuấn-Phó Bí thư") is a token of its own. Abbreviations keep their dots: all-capital
 * runs joined by dots ("TP.HCM", "PGS.TS") and, when the run is listed in {@code
 * models/text/abbreviations.txt}, the final dot too ("TP.", "PGS.TS.", "v.v."), so a sentence
 * never ends there. The written shape of a symbol that starts at a number token, variants the
 * tokens do not keep whole included (a line break after its slash, "19-2017/NQ-CP", "Kết luận số 21
 * KL/TW"), is read from that token by {@link SymbolShape}.
 *
 * <p>Immutable; thread-safe.
 */
public final class Tokenizer {
    /** Longest e-mail address looked for (RFC 5321's limit), so a long run without spaces is scanned once. */
    static final int MAX_EMAIL = 254;

    private final Set<String> abbreviations;

    /** A tokenizer with the abbreviations bundled in the jar ({@code models/text/abbreviations.txt}). */
    public Tokenizer() {
        this(ModelSource.bundled());
    }

    /** A tokenizer with the abbreviations of {@code models}. */
    public Tokenizer(ModelSource models) {
        this(Set.copyOf(Validate.notNull(models, "models").lines(SentenceSplitter.FILE).stream()
                .map(String::strip).toList()));
    }

    /** A tokenizer whose listed abbreviations ("TP", "PGS.TS", "v.v") keep their final dot. */
    public Tokenizer(Set<String> abbreviations) {
        this.abbreviations = Set.copyOf(Validate.noNulls(abbreviations, "abbreviations"));
    }

    /** Appends the tokens of {@code text[from, to)} to {@code out}. */
    public void tokenize(String text, int from, int to, List<Token> out) {
        Validate.notNull(text, "text");
        Validate.range(from, to, text.length(), "from/to");
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int end;
            if ((end = link(text, i, to, from)) > i) {
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
                boolean dotted = false;
                int run = i;
                // "TP.HCM", "PGS.TS", "Th.S", "v.v": letter runs joined by single dots
                while (end + 1 < to && text.charAt(end) == '.' && isWordChar(text.charAt(end + 1))) {
                    int next = word(text, end + 1, to);
                    if (isAbbreviation(text, run, end) && isAbbreviation(text, end + 1, next) && next - end - 1 <= 6
                            || isListed(text, i, next)) {
                        run = end + 1;
                        end = next;
                        dotted = true;
                    } else {
                        break;
                    }
                }
                if (end < to && text.charAt(end) == '.' && isListed(text, i, end)) {
                    end++;
                    dotted = true;
                }
                out.add(new Token(i, end, dotted || isAbbreviation(text, i, end) ? TokenKind.ABBREVIATION : TokenKind.WORD));
            } else if (c == '.' && i + 1 < to && text.charAt(i + 1) == '.') {
                end = i + 2;
                while (end < to && text.charAt(end) == '.') {
                    end++; // an ellipsis written with full stops is one token: "..."
                }
                out.add(new Token(i, end, TokenKind.PUNCT));
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

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A letter or a combining mark: what words are made of. */
    public static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** {@link Character#isWhitespace}, with a fast answer for the letters in between (no white space there). */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return Character.isWhitespace(c);
        }
        return c >= 0x1680 && Character.isWhitespace(c);
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

    /** Whether {@code t[i, end)} is a listed abbreviation (checked only before a dot, so rarely). */
    private boolean isListed(String t, int i, int end) {
        return end - i <= 12 && abbreviations.contains(t.substring(i, end));
    }

    /** All capitals, at least two letters ("HĐND", "TP"). */
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

    /** Digits with inner separators . , / - : – each followed by a digit, then an optional %. */
    private static int numberish(String t, int i, int to) {
        int j = numberEnd(t, i, to);
        if (j < to && t.charAt(j) == '%') {
            j++;
        }
        return j;
    }

    /**
     * The end of the digits with inner separators . , / - : or an en dash (each followed by a digit:
     * "1–3-2017", "2016–2020") that start at {@code i}.
     */
    static int numberEnd(String t, int i, int to) {
        int j = i;
        while (j < to) {
            char c = t.charAt(j);
            if (isDigit(c)) {
                j++;
            } else if ((c == '.' || c == ',' || c == '/' || c == '-' || c == ':' || c == '–') && j + 1 < to && isDigit(t.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
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
        int v0 = 0;
        int v1 = 0;
        int v2;
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
                if (parts == 1) {
                    v0 = cur;
                } else {
                    v1 = cur;
                }
                parts++;
                cur = 0;
                digits = 0;
            } else {
                return TokenKind.NUMBER;
            }
        }
        if (parts == 2) {
            v1 = cur;
        }
        v2 = cur;
        if (parts < 2 || v0 < 1 || v0 > 31 || v1 < 1 || v1 > 12) {
            return TokenKind.NUMBER;
        }
        if (parts == 3 && (v2 < 1000 || v2 > 2999)) {
            return TokenKind.NUMBER;
        }
        if (sep == '.' && parts == 2 && end - i > 5) {
            return TokenKind.NUMBER;
        }
        return TokenKind.DATE;
    }

    /**
     * URLs (a scheme or "www.") and e-mail addresses, up to white space, a quote or an angle
     * bracket, without closing punctuation. An e-mail address is only looked for where a chunk
     * starts (after white space or an opening bracket or quote) and at most {@link #MAX_EMAIL}
     * characters far, so a long run without spaces costs linear time.
     */
    private static int link(String t, int i, int to, int from) {
        char c = t.charAt(i);
        boolean url = (c == 'h' || c == 'H' || c == 'w' || c == 'W')
                && (t.regionMatches(true, i, "http://", 0, 7) || t.regionMatches(true, i, "https://", 0, 8)
                || t.regionMatches(true, i, "www.", 0, 4));
        if (!url && !(isWordChar(c) || isDigit(c))) {
            return i;
        }
        if (!url && i > from && !isChunkStart(t.charAt(i - 1))) {
            return i;
        }
        int limit = url ? to : Math.min(to, i + MAX_EMAIL);
        int j = i;
        int at = -1;
        while (j < limit) {
            char d = t.charAt(j);
            if (!url && !(isWordChar(d) || isDigit(d) || d == '.' || d == '_' || d == '-' || d == '+' || d == '@')) {
                break; // not an e-mail address past here: stop early, most tokens end at their first non-letter
            }
            if (isSpace(d) || d == '"' || d == '“' || d == '”' || d == '<' || d == '>') {
                break;
            }
            if (d == '@' && at < 0) {
                at = j;
            }
            j++;
        }
        while (j > i && ".,;:!?)]".indexOf(t.charAt(j - 1)) >= 0) {
            j--;
        }
        if (url) {
            return j;
        }
        if (at <= i || at >= j - 3) {
            return i;
        }
        boolean dotAfterAt = false;
        for (int k = i; k < j; k++) {
            char d = t.charAt(k);
            if (!(Character.isLetterOrDigit(d) || d == '.' || d == '_' || d == '-' || d == '+' || d == '@')) {
                return i;
            }
            if (d == '@' && k != at) {
                return i;
            }
            if (d == '.' && k > at + 1 && k < j - 1) {
                dotAfterAt = true;
            }
        }
        return dotAfterAt ? j : i;
    }

    private static boolean isChunkStart(char prev) {
        return Character.isWhitespace(prev) || prev == '(' || prev == '[' || prev == '<' || prev == '"' || prev == '“'
                || prev == '\'' || prev == '‘';
    }
}
