package org.vnextract.extract.documents;

import java.util.Locale;

/**
 * Reads a document symbol starting at a digit, character by character with a fixed bound
 * ({@link #MAX_LENGTH}), so it cannot backtrack and costs O(1) per start. It accepts the written
 * variants the tokenizer may not keep whole: spaces or a dash of another kind around the first
 * separator ("03- CT/HU", "55 -TB/TW", "05 – CT/TW"), a line break after a separator (a symbol
 * broken across lines), "Ð" for "Đ", and aliases of type and issuer codes ("Tư" for TW).
 *
 * <ul>
 *   <li>party: {@code number - TYPE / ISSUER} ("21-KL/TW", "03-ĐA/TU", "60-CTr/TU"); right after
 *       a type word the dash may be written as a space ("Kết luận số 21 KL/TW")</li>
 *   <li>state: {@code number / [year /] CODE(-CODE)*} ("20/NQ-HĐND", "100/2019/NĐ-CP",
 *       "45/2013/QH13", "621/NQ-NS-TU"); without a year the first code must be a type code,
 *       unless a type word stands before the number ("Công văn số 573/TTg-KTN"). A dash written
 *       for a slash around the year ("19-2017/NQ-CP", "134/2016-NĐ-CP") is read as the slash.</li>
 * </ul>
 *
 * <p>Immutable; thread-safe.
 */
final class SymbolScanner {
    /** No symbol is longer than this many characters, written variants included. */
    static final int MAX_LENGTH = 64;
    private static final int MAX_NUMBER_DIGITS = 5;
    private static final int MAX_CODE = 12;
    private static final int MAX_PARTS = 4;

    private final DocumentLexicon lexicon;

    SymbolScanner(DocumentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * A symbol read from a text.
     *
     * @param id     canonical id ("03-CT/HU")
     * @param key    the id as compared: upper case, number without leading zeros
     * @param type   canonical type code, or null ("45/2013/QH13")
     * @param issuerCode canonical issuer code (party: after the slash; state: the last part), or null
     */
    record Symbol(int start, int end, String id, String key, String type, String number, String issuerCode,
                  boolean party) {}

    /** The symbol starting at {@code from} (a digit), or null. */
    Symbol scan(String t, int from, boolean afterTypeWord) {
        return scan(t, from, afterTypeWord, false);
    }

    /**
     * The symbol starting at {@code from} (a digit), or null. A symbol glued to the letter before it
     * is no symbol ("ABC12-QĐ/TW"), unless {@code gluedToNumberWord}: the caller saw the word "số"
     * written without its space ("Quyết định số31-QĐ/TW", "số204/QĐ-UBND").
     */
    Symbol scan(String t, int from, boolean afterTypeWord, boolean gluedToNumberWord) {
        int limit = Math.min(t.length(), from + MAX_LENGTH);
        int i = from;
        while (i < limit && isDigit(t.charAt(i))) {
            i++;
        }
        if (i == from || i - from > MAX_NUMBER_DIGITS
                || (from > 0 && Character.isLetterOrDigit(t.charAt(from - 1)) && !gluedToNumberWord)) {
            return null;
        }
        if (i + 1 < limit && isAsciiLetter(t.charAt(i)) && t.charAt(i + 1) == '/') {
            i++; // "30c/NQ-CP": a number with a letter, written before the slash only
        }
        String number = t.substring(from, i);
        int j = skipSpace(t, i, limit, 2, false);
        if (j >= limit) {
            return null;
        }
        char c = t.charAt(j);
        if (isDash(c)) {
            Symbol p = party(t, from, number, j + 1, limit, afterTypeWord);
            // "19-2017/NQ-CP": a state symbol with a dash for its first slash
            return p != null || j > i ? p : state(t, from, number, j + 1, limit, afterTypeWord, true);
        }
        if (c == '/' && j - i <= 1) {
            return state(t, from, number, j + 1, limit, afterTypeWord, false);
        }
        if (j > i && afterTypeWord && Character.isUpperCase(c)) {
            // "Kết luận số 21 KL/TW": a space written for the dash. Only right after a type word,
            // and the code must still be a type code followed by "/ISSUER", so a count
            // ("21 người/TW") or a bare code ("21 KL") is not read as a symbol.
            Symbol p = party(t, from, number, j, limit, false);
            return p == null || lexicon.typeCode(p.type(), true) == null ? null : p;
        }
        return null;
    }

    private Symbol party(String t, int from, String number, int p, int limit, boolean afterTypeWord) {
        int k = skipSpace(t, p, limit, 3, true);
        int e = letters(t, k, limit, 5);
        if (e <= k) {
            return null;
        }
        String type = lexicon.typeCode(t.substring(k, e), true);
        if (type == null) {
            Symbol f = fusedParty(t, from, number, k, limit);
            if (f != null) {
                return f;
            }
        }
        // a well-formed code outside the tables after a type word ("Chương trình hành động số
        // 147-CTHĐ/TU"): kept as written, when every issuer part after the slash is a known issuer;
        // without the type word ("Mã hồ sơ 12-AB/TU") it is no document
        boolean unlisted = type == null && afterTypeWord && looksLikeCode(t, k, e);
        if (type == null && !unlisted) {
            return null;
        }
        if (unlisted) {
            type = t.substring(k, e).replace('\u00D0', 'Đ');
        }
        int m = skipSpace(t, e, limit, 2, true);
        if (m >= limit || t.charAt(m) != '/') {
            return null;
        }
        int n = skipSpace(t, m + 1, limit, 2, true);
        StringBuilder issuer = new StringBuilder();
        int end = -1;
        int parts = 0;
        boolean glued = false;
        while (parts < MAX_PARTS) {
            int se = code(t, n, limit);
            if (se <= n) {
                break;
            }
            int cut = unglued(t, n, se);
            if (cut == n) {
                break;
            }
            glued = cut < se;
            se = cut;
            String written = t.substring(n, se);
            if (!allCaps(written) && !lexicon.isIssuerAlias(written)) {
                break;
            }
            if (unlisted && !lexicon.isIssuerBody(written)) {
                return null;
            }
            if (parts > 0) {
                issuer.append('-');
            }
            issuer.append(lexicon.issuerCode(written));
            parts++;
            end = se;
            if (glued) {
                break;
            }
            // "…/VC- ĐT": a further part, a space allowed after its dash
            int q = se + 1 < limit && t.charAt(se) == '-' ? skipSpace(t, se + 1, limit, 1, false) : -1;
            if (q > 0 && q < limit && Character.isUpperCase(t.charAt(q))) {
                n = q;
            } else {
                break;
            }
        }
        if (end < 0 || (!glued && end < t.length() && Character.isLetterOrDigit(t.charAt(end)))) {
            return null;
        }
        String code = issuer.toString();
        String id = number + "-" + type + "/" + code;
        return new Symbol(from, end, id, key(number, "-" + type + "/" + code), type, number, code, true);
    }

    /**
     * "09-NQTW": a party symbol whose slash was lost, its type and issuer codes fused (split by the
     * tables, one look-up); the issuer must be a party one and the code must end the symbol.
     */
    private Symbol fusedParty(String t, int from, String number, int k, int limit) {
        int e = code(t, k, limit);
        if (e <= k || (e < limit && (t.charAt(e) == '/' || isDash(t.charAt(e))))) {
            return null;
        }
        String[] f = lexicon.fusedCode(t.substring(k, e));
        if (f == null || !lexicon.isPartyIssuer(f[1]) || lexicon.typeCode(f[0], true) == null) {
            return null;
        }
        String type = lexicon.typeCode(f[0], true);
        return new Symbol(from, e, number + "-" + type + "/" + f[1], key(number, "-" + type + "/" + f[1]), type, number,
                f[1], true);
    }

    private Symbol state(String t, int from, String number, int p, int limit, boolean afterTypeWord,
                         boolean needYear) {
        int k = skipSpace(t, p, limit, 1, false);
        String year = null;
        int y = k;
        while (y < limit && isDigit(t.charAt(y)) && y - k < 5) {
            y++;
        }
        if (y - k == 4 && y < limit && (t.charAt(y) == '/' || isDash(t.charAt(y)))) {
            year = t.substring(k, y); // "134/2016-NĐ-CP" is written for "134/2016/NĐ-CP"
            k = skipSpace(t, y + 1, limit, 1, false);
        } else if (y > k) {
            return null; // "224/274": a fraction, not a symbol
        }
        if (needYear && year == null) {
            return null;
        }
        StringBuilder rest = new StringBuilder();
        String type = null;
        String first = null;
        String last = null;
        int parts = 0;
        int end = -1;
        int n = k;
        boolean glued = false;
        char join = '-';
        boolean slashed = false;
        while (parts < MAX_PARTS) {
            int se = code(t, n, limit);
            if (se <= n || !Character.isUpperCase(t.charAt(n))) {
                break;
            }
            int cut = unglued(t, n, se);
            if (cut == n) {
                break;
            }
            glued = cut < se;
            se = cut;
            String written = t.substring(n, se);
            String canon;
            if (parts == 0) {
                type = lexicon.typeCode(written, false);
                canon = type != null ? type : lexicon.issuerCode(written);
                first = canon;
                String[] f = type == null && !glued && !lexicon.isIssuerBody(written) && !moreParts(t, se, limit)
                        ? lexicon.fusedCode(written) : null;
                if (f != null) { // "61/2018/NĐCP": the hyphen between type and issuer was lost
                    type = f[0];
                    first = f[0];
                    canon = f[0] + "-" + f[1];
                    last = f[1];
                    parts++; // two parts in one
                }
            } else {
                canon = lexicon.issuerCode(written);
            }
            if (rest.length() > 0) {
                rest.append(join);
                join = '-';
            }
            rest.append(canon);
            if (parts == 0 || canon.indexOf('-') < 0) {
                last = canon;
            }
            parts++;
            end = se;
            if (glued) {
                break;
            }
            if (parts == 1 && type != null && !slashed && se + 1 < limit && t.charAt(se) == '/'
                    && Character.isUpperCase(t.charAt(se + 1))) {
                slashed = true; // "183/2010/TTLT/BTC-BNN": the joint issuers after a slash
                join = '/';
                n = se + 1;
                continue;
            }
            int d = skipSpace(t, se, limit, 1, false);
            if (d < limit && isDash(t.charAt(d))) {
                int q = skipSpace(t, d + 1, limit, 1, false);
                if (q < limit && Character.isUpperCase(t.charAt(q))) {
                    n = q;
                    continue;
                }
            }
            break;
        }
        if (end < 0 || (!glued && end < t.length() && Character.isLetterOrDigit(t.charAt(end)))) {
            return null;
        }
        if (year == null && type == null && !(afterTypeWord && first.length() >= 2)) {
            return null;
        }
        if (year != null && type == null && !afterTypeWord && !lexicon.isIssuerBody(first)) {
            return null; // "GPQC: 2097/2020/XNQC-ATTP" is a permit; "Luật … số 34/2018/QH14" is a law
        }
        if (year == null && type != null && parts < 2) {
            return null; // "3/TB": too little to be a symbol
        }
        if (year == null && parts == 2 && type != null && !slashed && lexicon.isCommittee(last)
                && lexicon.typeCode(type, true) != null) {
            // "Chỉ thị số 22/CT-TW": a party symbol written in the state's shape
            String partyType = lexicon.typeCode(type, true);
            return new Symbol(from, end, number + "-" + partyType + "/" + last, key(number, "-" + partyType + "/" + last),
                    partyType, number, last, true);
        }
        String issuer = parts >= 2 ? last : (type == null ? first : null);
        String tail = "/" + (year == null ? "" : year + "/") + rest;
        return new Symbol(from, end, number + tail, key(number, tail), type, number, issuer, false);
    }

    /** The comparison key of a symbol: upper case, the number without leading zeros. */
    static String key(String number, String tail) {
        int z = 0;
        while (z < number.length() - 1 && number.charAt(z) == '0') {
            z++;
        }
        return (number.substring(z) + tail).toUpperCase(Locale.ROOT);
    }

    /**
     * Where a code part read up to {@code se} really ends: a header that lost its line break glues the
     * next word to the symbol ("367 - QĐ/TWĐTN-VPĐOÀN TNCS"). Codes are initials and carry no tone
     * mark, so a part with a toned capital ends where its last syllable (by the spelling table)
     * begins: {@code se} when the part is no such glue, {@code n} when it is all one syllable.
     */
    private int unglued(String t, int n, int se) {
        boolean toned = false;
        for (int k = n; k < se && !toned; k++) {
            toned = isTonedCapital(t.charAt(k));
        }
        if (!toned) {
            return lowerGlue(t, n, se);
        }
        // "UBNDỦY" ends as UBND + ỦY, not UBN + DỦY: a cut leaving a known code before the syllable wins,
        // else the longest syllable ("VPĐOÀN": VP + ĐOÀN)
        int first = -1;
        for (int k = n; k < se; k++) {
            if (lexicon.isSyllable(t.substring(k, se))) {
                String before = t.substring(n, k);
                if (k > n && (lexicon.isIssuerAlias(before) || lexicon.isIssuerBody(before)
                        || lexicon.typeCode(before, false) != null)) {
                    return k;
                }
                if (first < 0) {
                    first = k;
                }
            }
        }
        return first < 0 ? se : first;
    }

    /**
     * "24/2014/TT-BNNPTNTngày", "…/TT-BGDĐTvề": a symbol whose space before the next word was lost.
     * A part of capitals ending in a run of small letters that is a whole syllable of two letters
     * or more ends where the syllable begins; codes written with small letters ("TTg", "TTr",
     * "QLĐTh", "GDTrH") end in a single letter or in no syllable, and stay whole.
     */
    private int lowerGlue(String t, int n, int se) {
        int k = se;
        while (k > n && Character.isLowerCase(t.charAt(k - 1))) {
            k--;
        }
        if (se - k < 2 || k - n < 2 || !allCaps(t.substring(n, k)) || !lexicon.isSyllable(t.substring(k, se))) {
            return se;
        }
        return k;
    }

    /** A capital vowel with a tone mark (grave, acute, hook, tilde, dot below): À, Ố, Ự … */
    private static boolean isTonedCapital(char c) {
        if (c < 0xC0 || !Character.isUpperCase(c)) {
            return false;
        }
        String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        for (int i = 1; i < d.length(); i++) {
            char m = d.charAt(i);
            if (m == '\u0300' || m == '\u0301' || m == '\u0303' || m == '\u0309' || m == '\u0323') {
                return true;
            }
        }
        return false;
    }

    /** A run of letters and digits starting with a letter, at most {@link #MAX_CODE} long. */
    private static int code(String t, int i, int limit) {
        if (i >= limit || !Character.isLetter(t.charAt(i))) {
            return i;
        }
        int j = i;
        while (j < limit) {
            char c = t.charAt(j);
            // "BGD&ĐT": an ampersand inside a code
            if (!Character.isLetterOrDigit(c) && !(c == '&' && j + 1 < limit && Character.isLetter(t.charAt(j + 1)))) {
                break;
            }
            j++;
            if (j - i > MAX_CODE) {
                return i;
            }
        }
        return j;
    }

    private static int letters(String t, int i, int limit, int max) {
        int j = i;
        while (j < limit && Character.isLetter(t.charAt(j))) {
            j++;
            if (j - i > max) {
                return i;
            }
        }
        return j;
    }

    /** "CTHĐ", "CTr": two or more capitals, then at most two small letters. */
    private static boolean looksLikeCode(String t, int k, int e) {
        int caps = 0;
        while (k + caps < e && Character.isUpperCase(t.charAt(k + caps))) {
            caps++;
        }
        return caps >= 2 && e - (k + caps) <= 2;
    }

    private static boolean allCaps(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Skips at most {@code max} spaces; with {@code newline}, one line break among them. */
    private static int skipSpace(String t, int i, int limit, int max, boolean newline) {
        int j = i;
        boolean brk = false;
        while (j < limit && j - i < max) {
            char c = t.charAt(j);
            if (c == ' ' || c == '\u00A0' || c == '\t') {
                j++;
            } else if (c == '\n' && newline && !brk) {
                brk = true;
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** A further "-CODE" part follows the code ending at {@code se}. */
    private static boolean moreParts(String t, int se, int limit) {
        int d = skipSpace(t, se, limit, 1, false);
        if (d >= limit || !isDash(t.charAt(d))) {
            return false;
        }
        int q = skipSpace(t, d + 1, limit, 1, false);
        return q < limit && Character.isUpperCase(t.charAt(q));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDash(char c) {
        return c == '-' || c == '–' || c == '—' || c == '‑' || c == '−';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
