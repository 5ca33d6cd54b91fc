package org.vnextract.extract.documents;

import java.util.Locale;
import org.vnextract.text.SymbolShape;
import org.vnextract.text.SymbolShape.Part;

/**
 * Reads a document symbol from the {@link SymbolShape} the token layer gives at a number token:
 * which of its codes are type codes and issuers, by the tables of {@link DocumentLexicon} (aliases
 * such as "Tư" for TW, "Ð" for "Đ", fused codes), and so whether it is a party or a state symbol,
 * with its canonical id and comparison key. It reads no characters of the text itself: the shape's
 * parts, where they lie and the white space before them are all it looks at, so it cannot
 * backtrack and costs O(1) per number ({@link SymbolShape#MAX_LENGTH}).
 *
 * <ul>
 *   <li>party: {@code number - TYPE / ISSUER} ("21-KL/TW", "03-ĐA/TU", "60-CTr/TU"); right after
 *       a type word the dash may be written as a space ("Kết luận số 21 KL/TW"); spaces or a line
 *       break may stand around the separators ("03- CT/HU", "55 -TB/TW", a symbol broken across
 *       lines)</li>
 *   <li>state: {@code number / [year /] CODE(-CODE)*} ("20/NQ-HĐND", "100/2019/NĐ-CP",
 *       "45/2013/QH13", "621/NQ-NS-TU"); without a year the first code must be a type code,
 *       unless a type word stands before the number ("Công văn số 573/TTg-KTN"). A dash written
 *       for a slash around the year ("19-2017/NQ-CP", "134/2016-NĐ-CP") is read as the slash.</li>
 * </ul>
 *
 * <p>Immutable; thread-safe.
 */
final class SymbolReader {
    private static final int MAX_PARTS = 4;
    /** The longest type code read in a party symbol. */
    private static final int MAX_PARTY_TYPE = 5;

    private final DocumentLexicon lexicon;

    SymbolReader(DocumentLexicon lexicon) {
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

    /** The symbol of shape {@code s} (null: none), or null. */
    Symbol read(SymbolShape s, boolean afterTypeWord) {
        return read(s, afterTypeWord, false);
    }

    /**
     * The symbol of shape {@code s} (null: none), or null. A symbol glued to the letter before it is
     * no symbol ("ABC12-QĐ/TW"), unless {@code gluedToNumberWord}: the caller saw the word "số"
     * written without its space ("Quyết định số31-QĐ/TW", "số204/QĐ-UBND").
     */
    Symbol read(SymbolShape s, boolean afterTypeWord, boolean gluedToNumberWord) {
        if (s == null || s.joinedBefore() && !gluedToNumberWord || !s.near(0, 2, false)) {
            return null;
        }
        String number = s.number();
        Part first = s.kind(0);
        if (first == Part.DASH) {
            Symbol p = s.near(1, 3, true) ? party(s, number, 1, afterTypeWord) : null;
            // "19-2017/NQ-CP": a state symbol with a dash for its first slash
            return p != null || s.gap(0) > 0 ? p : state(s, number, 1, afterTypeWord, true);
        }
        if (first == Part.SLASH && s.gap(0) <= 1) {
            return state(s, number, 1, afterTypeWord, false);
        }
        if (s.gap(0) > 0 && afterTypeWord && first == Part.CODE && s.upper(0)) {
            // "Kết luận số 21 KL/TW": a space written for the dash. Only right after a type word,
            // and the code must still be a type code followed by "/ISSUER", so a count
            // ("21 người/TW") or a bare code ("21 KL") is not read as a symbol.
            Symbol p = party(s, number, 0, false);
            return p == null || lexicon.typeCode(p.type(), true) == null ? null : p;
        }
        return null;
    }

    /** {@code number - TYPE / ISSUER(-ISSUER)*} with the type code at part {@code k}. */
    private Symbol party(SymbolShape s, String number, int k, boolean afterTypeWord) {
        if (s.kind(k) != Part.CODE || s.lettersEnd(k) - s.start(k) > MAX_PARTY_TYPE) {
            return null;
        }
        String written = s.written(s.start(k), s.lettersEnd(k));
        String type = lexicon.typeCode(written, true);
        if (type == null) {
            Symbol f = fusedParty(s, number, k);
            if (f != null) {
                return f;
            }
        }
        // a well-formed code outside the tables after a type word ("Chương trình hành động số
        // 147-CTHĐ/TU"): kept as written, when every issuer part after the slash is a known issuer;
        // without the type word ("Mã hồ sơ 12-AB/TU") it is no document
        boolean unlisted = type == null && afterTypeWord && looksLikeCode(written);
        if (type == null && !unlisted) {
            return null;
        }
        if (unlisted) {
            type = written.replace('\u00D0', 'Đ');
        }
        if (s.lettersEnd(k) < s.end(k) || s.kind(k + 1) != Part.SLASH || !s.near(k + 1, 2, true)
                || !s.near(k + 2, 2, true)) {
            return null;
        }
        StringBuilder issuer = new StringBuilder();
        int end = -1;
        int last = -1;
        int parts = 0;
        boolean glued = false;
        int c = k + 2;
        while (parts < MAX_PARTS && s.isCode(c)) {
            String code = unglued(s, c);
            if (code == null) {
                break;
            }
            glued = s.start(c) + code.length() < s.end(c);
            if (!allCaps(code) && !lexicon.isIssuerAlias(code)) {
                break;
            }
            if (unlisted && !lexicon.isIssuerBody(code)) {
                return null;
            }
            if (parts > 0) {
                issuer.append('-');
            }
            issuer.append(lexicon.issuerCode(code));
            parts++;
            end = s.start(c) + code.length();
            last = c;
            if (glued) {
                break;
            }
            // "…/VC- ĐT": a further part, a space allowed after its hyphen
            if (s.isHyphen(c + 1) && s.gap(c + 1) == 0 && s.near(c + 2, 1, false) && s.upper(c + 2)) {
                c += 2;
            } else {
                break;
            }
        }
        if (end < 0 || (!glued && s.continues(last))) {
            return null;
        }
        String code = issuer.toString();
        String id = number + "-" + type + "/" + code;
        return new Symbol(s.start(), end, id, key(number, "-" + type + "/" + code), type, number, code, true);
    }

    /**
     * "09-NQTW": a party symbol whose slash was lost, its type and issuer codes fused (split by the
     * tables, one look-up); the issuer must be a party one and the code must end the symbol.
     */
    private Symbol fusedParty(SymbolShape s, String number, int k) {
        if (!s.isCode(k) || s.adjacent(k + 1, Part.SLASH) || s.adjacent(k + 1, Part.DASH)) {
            return null;
        }
        String[] f = lexicon.fusedCode(s.written(k));
        if (f == null || !lexicon.isPartyIssuer(f[1]) || lexicon.typeCode(f[0], true) == null) {
            return null;
        }
        String type = lexicon.typeCode(f[0], true);
        return new Symbol(s.start(), s.end(k), number + "-" + type + "/" + f[1], key(number, "-" + type + "/" + f[1]),
                type, number, f[1], true);
    }

    /** {@code number / [year /] CODE(-CODE)*} from part {@code k}, the one after the first separator. */
    private Symbol state(SymbolShape s, String number, int k, boolean afterTypeWord, boolean needYear) {
        if (!s.near(k, 1, false)) {
            return null;
        }
        String year = null;
        int c = k;
        if (s.kind(c) == Part.DIGITS) {
            if (s.end(c) - s.start(c) != 4 || !(s.adjacent(c + 1, Part.SLASH) || s.adjacent(c + 1, Part.DASH))) {
                return null; // "224/274": a fraction, not a symbol
            }
            year = s.written(c); // "134/2016-NĐ-CP" is written for "134/2016/NĐ-CP"
            c += 2;
            if (!s.near(c, 1, false)) {
                return null;
            }
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
        int lastPart = -1;
        boolean glued = false;
        char join = '-';
        boolean slashed = false;
        while (parts < MAX_PARTS && s.isCode(c) && s.upper(c)) {
            String written = unglued(s, c);
            if (written == null) {
                break;
            }
            glued = s.start(c) + written.length() < s.end(c);
            String canon;
            if (parts == 0) {
                type = lexicon.typeCode(written, false);
                canon = type != null ? type : lexicon.issuerCode(written);
                first = canon;
                String[] f = type == null && !glued && !lexicon.isIssuerBody(written) && !dashedPart(s, c + 1)
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
            end = s.start(c) + written.length();
            lastPart = c;
            if (glued) {
                break;
            }
            if (parts == 1 && type != null && !slashed && s.adjacent(c + 1, Part.SLASH) && s.near(c + 2, 0, false)
                    && s.upper(c + 2)) {
                slashed = true; // "183/2010/TTLT/BTC-BNN": the joint issuers after a slash
                join = '/';
                c += 2;
                continue;
            }
            if (dashedPart(s, c + 1)) {
                c += 2;
                continue;
            }
            break;
        }
        if (end < 0 || (!glued && s.continues(lastPart))) {
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
            return new Symbol(s.start(), end, number + "-" + partyType + "/" + last,
                    key(number, "-" + partyType + "/" + last), partyType, number, last, true);
        }
        String issuer = parts >= 2 ? last : (type == null ? first : null);
        String tail = "/" + (year == null ? "" : year + "/") + rest;
        return new Symbol(s.start(), end, number + tail, key(number, tail), type, number, issuer, false);
    }

    /** Part {@code d} is a dash, at most a space after the code before it, and a capital follows it ("NQ-HĐND", "NQ - CP"). */
    private static boolean dashedPart(SymbolShape s, int d) {
        return s.kind(d) == Part.DASH && s.near(d, 1, false) && s.near(d + 1, 1, false) && s.upper(d + 1);
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
     * Code part {@code c} of {@code s} as far as it really goes (whole, or cut short: a word glued to
     * it), or null when nothing of it is a code (it is all one syllable).
     */
    private String unglued(SymbolShape s, int c) {
        String code = s.written(c);
        int cut = unglued(code);
        return cut == 0 ? null : code.substring(0, cut);
    }

    /**
     * Where a code part really ends (its length when whole): a header that lost its line break glues
     * the next word to the symbol ("367 - QĐ/TWĐTN-VPĐOÀN TNCS"). Codes are initials and carry no
     * tone mark, so a part with a toned capital ends where its last syllable (by the spelling table)
     * begins: 0 when it is all one syllable.
     */
    private int unglued(String code) {
        int len = code.length();
        boolean toned = false;
        for (int k = 0; k < len && !toned; k++) {
            toned = isTonedCapital(code.charAt(k));
        }
        if (!toned) {
            return lowerGlue(code);
        }
        // "UBNDỦY" ends as UBND + ỦY, not UBN + DỦY: a cut leaving a known code before the syllable wins,
        // else the longest syllable ("VPĐOÀN": VP + ĐOÀN)
        int first = -1;
        for (int k = 0; k < len; k++) {
            if (lexicon.isSyllable(code.substring(k))) {
                String before = code.substring(0, k);
                if (k > 0 && (lexicon.isIssuerAlias(before) || lexicon.isIssuerBody(before)
                        || lexicon.typeCode(before, false) != null)) {
                    return k;
                }
                if (first < 0) {
                    first = k;
                }
            }
        }
        return first < 0 ? len : first;
    }

    /**
     * "24/2014/TT-BNNPTNTngày", "…/TT-BGDĐTvề": a symbol whose space before the next word was lost.
     * A part of capitals ending in a run of small letters that is a whole syllable of two letters
     * or more ends where the syllable begins; codes written with small letters ("TTg", "TTr",
     * "QLĐTh", "GDTrH") end in a single letter or in no syllable, and stay whole.
     */
    private int lowerGlue(String code) {
        int len = code.length();
        int k = len;
        while (k > 0 && Character.isLowerCase(code.charAt(k - 1))) {
            k--;
        }
        if (len - k < 2 || k < 2 || !allCaps(code.substring(0, k)) || !lexicon.isSyllable(code.substring(k))) {
            return len;
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

    /** "CTHĐ", "CTr": two or more capitals, then at most two small letters. */
    private static boolean looksLikeCode(String code) {
        int caps = 0;
        while (caps < code.length() && Character.isUpperCase(code.charAt(caps))) {
            caps++;
        }
        return caps >= 2 && code.length() - caps <= 2;
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
}
