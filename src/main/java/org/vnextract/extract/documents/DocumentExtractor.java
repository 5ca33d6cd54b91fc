package org.vnextract.extract.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.Extractor;
import org.vnextract.extract.Mention;
import org.vnextract.extract.PhraseTrie.Match;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.documents.IssuingDates.DateAt;
import org.vnextract.extract.documents.SymbolReader.Symbol;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.NumberParts;
import org.vnextract.text.SymbolShape;
import org.vnextract.text.SymbolShape.Part;
import org.vnextract.text.TokenKind;

/**
 * Finds the party and state documents an article cites (RECORD.md "Documents"):
 *
 * <ol>
 *   <li>every symbol ("21-KL/TW", "03- CT/HU", "100/2019/NĐ-CP"), read by {@link SymbolReader}
 *       from the shape the token view gives at each token that starts with a digit, with the type word before it ("Kết luận số");</li>
 *   <li>every bare number after a type word ("Kế hoạch số 213", "Đề án 03");</li>
 *   <li>around each, the issuing date (", ngày 28-6-2021"), the issuer ("của Ban Thường vụ Tỉnh
 *       ủy", or the subject of "… đã ban hành"), and the subject ("về …", a quoted title);</li>
 *   <li>then bare numbers become mentions of the cited document of the same type and number, or
 *       documents of their own with an id inferred from the issuer ({@code explicit: false}).</li>
 * </ol>
 *
 * All lexicons are the data files of {@code models/documents/}. Work is bounded per token that
 * starts with a digit (a fixed window of characters and tokens around it), so the time is linear
 * in the text whatever it holds.
 *
 * <p>Immutable; thread-safe.
 */
public final class DocumentExtractor implements Extractor<DocumentReference> {
    private static final int MAX_ISSUER_TOKENS = 16;
    private static final int MAX_SUBJECT_TOKENS = 80;
    private static final int MAX_CLAUSE_TOKENS = 30;
    private static final int MAX_HEADER_TOKENS = 16;
    /** How far into the text (chars) a header that lost its line breaks may stand. */
    private static final int HEADER_OPENING = 400;
    private static final int MAX_CONTEXT_STEPS = 8;
    /** Numbers sharing one symbol ("số 1652, 1656, 1659-NQ/QUTW") read at most. */
    private static final int MAX_LIST = 24;
    /** How far back an issuing verb is looked for ({@link #earlierIssuer}). */
    private static final int MAX_EARLIER_TOKENS = 50;
    /** How far an issuing verb may stand after "do"/"được" ({@link #issuedOn}). */
    private static final int MAX_AGENT_TOKENS = 12;

    private static final String SO = Fold.fold("số");
    private static final String NGAY = Fold.fold("ngày");
    private static final String BAN = Fold.fold("ban");
    private static final String HANH = Fold.fold("hành");
    private static final String CUA = Fold.fold("của");
    private static final String VE = Fold.fold("về");
    private static final String THU = Fold.fold("thứ");
    private static final String KHOA = Fold.fold("khóa");
    private static final String LAN = Fold.fold("lần");
    private static final String VA = Fold.fold("và");
    private static final String NAM = Fold.fold("năm");

    private final DocumentLexicon lexicon;
    private final SymbolReader symbols;

    public DocumentExtractor(ModelSource models) {
        Validate.notNull(models, "models");
        this.lexicon = new DocumentLexicon(models);
        this.symbols = new SymbolReader(lexicon);
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public Key<List<DocumentReference>> key() {
        return DocumentReference.KEY;
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Words.KEY, TokenView.KEY);
    }

    @Override
    public List<DocumentReference> extract(Analysis in) {
        return extract(TokenView.of(in));
    }

    /** The references of {@code t}; without {@code words} (null) every token counts as a word. */
    List<DocumentReference> extract(AnalyzedText t, Words words) {
        return extract(TokenView.of(t, words));
    }

    private List<DocumentReference> extract(TokenView v) {
        List<Ref> refs = find(v);
        return assemble(v, refs);
    }

    // ---------------------------------------------------------------- finding references

    /** A type word before a number: its type code, first token, and whether SO follows it. */
    private record TypeWord(String code, int start, boolean so) {}

    /** One place a document is cited: a symbol, or a bare number after a type word. */
    private static final class Ref {
        final int start;
        final int end;
        final int firstTok;
        final int afterTok;
        final Symbol symbol;
        final String wordType;
        final String number;
        final boolean so;
        final boolean header;
        Context context;

        Ref(int start, int end, int firstTok, int afterTok, Symbol symbol, String wordType, String number,
            boolean so, boolean header) {
            this.start = start;
            this.end = end;
            this.firstTok = firstTok;
            this.afterTok = afterTok;
            this.symbol = symbol;
            this.wordType = wordType;
            this.number = number;
            this.so = so;
            this.header = header;
        }
    }

    private List<Ref> find(TokenView v) {
        List<Ref> refs = new ArrayList<>();
        int n = v.size();
        for (int i = 0; i < n; i++) {
            if (!v.startsWithDigit(i)) {
                continue;
            }
            TypeWord tw = typeWordBefore(v, i);
            if (tw != null && bareNumber(v, i)) {
                int after = numberList(v, tw, i, refs);
                if (after > 0) {
                    i = after - 1;
                    continue;
                }
            }
            // "số31-QĐ/TW": the number word written without its space still names the symbol after it
            boolean gluedSo = i > 0 && v.is(i - 1, SO) && v.end(i - 1) == v.start(i);
            // a header's "Số:" names the page's own document as a type word would ("Số: 278/PGD&ĐT-THCS")
            boolean header = tw == null && isHeader(v, i);
            Symbol s = symbols.read(v.symbolShape(i), tw != null || header, gluedSo);
            if (s != null && s.party() && lexicon.typeName(s.type()) == null
                    && (tw == null || tw.code.equals(DocumentLexicon.ANY_TYPE))) {
                s = null; // a code outside the tables needs a type word naming the document ("Văn bản 12-XY/TU")
            }
            if (s != null) {
                int after = v.tokenAtOrAfter(s.end(), i + 1);
                int first = tw != null ? tw.start : i;
                String wt = tw == null || tw.code.equals(DocumentLexicon.ANY_TYPE) ? null : tw.code;
                refs.add(new Ref(v.start(first), s.end(), first, after, s, wt, s.number(), tw != null && tw.so,
                        tw == null ? header : isTypedHeader(v, tw, i)));
                i = after - 1;
                continue;
            }
            if (tw != null && !tw.code.equals(DocumentLexicon.ANY_TYPE) && numberOfYear(v, i)) {
                // "Nghị quyết số 35/2016 của Chính phủ": a state document by number and year, its
                // symbol inferred below when a state issuer follows
                refs.add(new Ref(v.start(tw.start), v.end(i), tw.start, i + 1, null, tw.code,
                        v.text().substring(v.start(i), v.end(i)), tw.so, false));
                continue;
            }
            if (tw == null || tw.code.equals(DocumentLexicon.ANY_TYPE) || !bareNumber(v, i)) {
                continue;
            }
            String number = v.text().substring(v.start(i), v.end(i));
            boolean notCount = tw.so || number.charAt(0) == '0' || number.length() >= 3; // "Kế hoạch 5 năm 2021"
            if (notCount && v.is(i + 1, NAM) && yearAt(v, i + 2) && stateIssuerAfter(v, i + 3) != null) {
                // "Nghị định số 178 năm 2013 của Chính phủ": the number and year of "178/2013", its symbol
                // inferred below from the state issuer as for "Nghị định số 178/2013 của Chính phủ"
                refs.add(new Ref(v.start(tw.start), v.end(i + 2), tw.start, i + 3, null, tw.code,
                        number + "/" + v.text().substring(v.start(i + 2), v.end(i + 2)), true, false));
                i += 2;
                continue;
            }
            int typeEnd = typeAfterNumber(v, i);
            if (typeEnd > 0) {
                // "Thông báo 159-TB của Bộ Chính trị": a symbol without its issuer part, read as a bare number
                int after = v.tokenAtOrAfter(typeEnd, i + 1);
                refs.add(new Ref(v.start(tw.start), typeEnd, tw.start, after, null, tw.code, number, tw.so, false));
                i = after - 1;
                continue;
            }
            if (!tw.so && (number.length() == 4 && number.charAt(0) != '0' || countedAfter(v, i + 1))) {
                continue; // "Kế hoạch 2024", "Kế hoạch 5 năm": a year or a count, not a number of a document
            }
            refs.add(new Ref(v.start(tw.start), v.end(i), tw.start, i + 1, null, tw.code, number, tw.so, false));
        }
        return refs;
    }

    /**
     * "các Nghị quyết số 1652, 1656, 1657-NQ/QUTW": numbers listed after one type word that share
     * the symbol ending the list are documents of that symbol each. Adds the references and returns
     * the token after the list, or -1 (nothing added) when the list does not end in a symbol.
     * Only the number right after the type word starts a list, so each token is read once.
     */
    private int numberList(TokenView v, TypeWord tw, int i, List<Ref> refs) {
        int[] numbers = new int[MAX_LIST];
        int count = 0;
        int k = i;
        while (count < MAX_LIST) {
            numbers[count++] = k;
            int next = k + 2;
            if (!(v.isChar(k + 1, ',') || v.is(k + 1, VA)) || next >= v.size() || v.newlineBefore(next)
                    || !v.startsWithDigit(next)) {
                return -1;
            }
            Symbol s = symbols.read(v.symbolShape(next), true);
            if (s != null) {
                String tail = s.id().substring(s.number().length());
                String wt = tw.code.equals(DocumentLexicon.ANY_TYPE) ? null : tw.code;
                for (int m = 0; m < count; m++) {
                    int t = numbers[m];
                    String number = v.text().substring(v.start(t), v.end(t));
                    Symbol shared = new Symbol(v.start(t), v.end(t), number + tail, SymbolReader.key(number, tail),
                            s.type(), number, s.issuerCode(), s.party());
                    int first = m == 0 ? tw.start : t;
                    refs.add(new Ref(v.start(first), v.end(t), first, t + 1, shared, wt, number, tw.so, false));
                }
                int after = v.tokenAtOrAfter(s.end(), next + 1);
                refs.add(new Ref(v.start(next), s.end(), next, after, s, wt, s.number(), tw.so, false));
                return after;
            }
            if (!bareNumber(v, next)) {
                return -1;
            }
            k = next;
        }
        return -1;
    }

    /**
     * "159-TB", "18 - NQ": a type code after the number with no issuer part; the character index
     * after the code, or -1. A slash or a letter after the code means another symbol ("18-NQ/XYZ").
     */
    private int typeAfterNumber(TokenView v, int i) {
        SymbolShape s = v.symbolShape(i);
        // one plain space at most around the dash, the letters of the code ending before the 12th character
        if (s == null || s.hasLetter() || s.kind(0) != Part.DASH || !oneSpace(s, 0) || s.kind(1) != Part.CODE
                || !oneSpace(s, 1)) {
            return -1;
        }
        int e = s.lettersEnd(1);
        int limit = v.end(i) + 12;
        if (e >= limit && limit < v.text().length() || lexicon.typeCode(s.written(s.start(1), e), true) == null) {
            return -1;
        }
        if (e == s.end(1) && (s.adjacent(2, Part.SLASH) || s.continues(1))
                || e < s.end(1) && v.text().charAt(e) != '&') {
            return -1;
        }
        return e;
    }

    /** No white space, or one plain space, before part {@code k} of {@code s}. */
    private static boolean oneSpace(SymbolShape s, int k) {
        return s.gap(k) == 0 || s.gap(k) == 1 && s.plainGap(k);
    }

    /** "5 năm", "3 tháng", "15 ngày": a counted word follows; "12 ngày 3/4/2023" is a dated document. */
    private boolean countedAfter(TokenView v, int i) {
        if (!lexicon.notAfterNumber(nextWord(v, i))) {
            return false;
        }
        return !(v.is(i, NGAY) && IssuingDates.read(v, i + 1) != null);
    }

    private String nextWord(TokenView v, int i) {
        if (i >= v.size() || v.newlineBefore(i)) {
            return "";
        }
        return v.isLetters(i) ? v.fold(i) : String.valueOf(v.first(i)); // "%"; never a copy of a long token
    }

    /** "Nghị quyết số", "Kết luận", "Thông báo kết luận số:" right before token {@code i}. */
    private TypeWord typeWordBefore(TokenView v, int i) {
        int j = i - 1;
        if (v.isChar(j, ':')) {
            j--;
        }
        boolean so = false;
        if (v.is(j, SO)) {
            so = true;
            j--;
        }
        if (j < 0) {
            return null;
        }
        Match<String> m = lexicon.typeWords.endingAt(v, j + 1);
        if (m == null) {
            return null;
        }
        // the type word and its number are written together: a line may break only after SO
        for (int k = m.end(); k <= i; k++) {
            if (v.newlineBefore(k) && !(k == i && so)) {
                return null;
            }
        }
        return new TypeWord(m.value(), m.start(), so);
    }

    /**
     * "Số: 2074/QĐ-UBND" opening a paragraph: the header of the document the article reproduces; also
     * a capital "Số:" with its colon in the page's opening when the header lost its line breaks
     * ("Chính phủ Số: 203/NQ-CP Hà Nội, ngày …", "***Số: 367 - QĐ/…").
     */
    private static boolean isHeader(TokenView v, int i) {
        boolean colon = v.isChar(i - 1, ':');
        int j = colon ? i - 2 : i - 1;
        if (!v.is(j, SO)) {
            return false;
        }
        return j == 0 || v.newlineBefore(j)
                || colon && v.start(j) <= HEADER_OPENING && Character.isUpperCase(v.first(j));
    }

    /** "Nghị quyết số: 653/2019/UBTVQH14" opening a paragraph: a header naming the type too. */
    private static boolean isTypedHeader(TokenView v, TypeWord tw, int i) {
        return tw.so && v.isChar(i - 1, ':') && (tw.start == 0 || v.newlineBefore(tw.start));
    }

    /** "35/2016": one to four digits, a slash and a year (1945–2099), the whole token. */
    private static boolean numberOfYear(TokenView v, int i) {
        int s = v.start(i);
        int e = v.end(i);
        if (e - s < 6 || e - s > 9) {
            return false; // checked on the token alone: a search past it would make the pass quadratic
        }
        NumberParts p = NumberParts.of(v.text(), s, e);
        return p.groups() == 2 && p.separator(0) == '/' && p.length(1) == 4 && p.value(1) >= 1945
                && p.value(1) <= 2099;
    }

    /** Token {@code i} is a year (1945–2099) and nothing more. */
    private static boolean yearAt(TokenView v, int i) {
        if (i >= v.size() || v.end(i) - v.start(i) != 4 || !bareNumber(v, i)) {
            return false;
        }
        int year = Integer.parseInt(v.text(), v.start(i), v.end(i), 10);
        return year >= 1945 && year <= 2099;
    }

    /** Token {@code i} is digits alone, at most five ("213", "03"). */
    private static boolean bareNumber(TokenView v, int i) {
        return v.kind(i) == TokenKind.NUMBER && v.end(i) - v.start(i) <= 5
                && NumberParts.of(v.text(), v.start(i), v.end(i)).groups() == 1;
    }

    // ---------------------------------------------------------------- context

    /** What the text says around a reference. */
    private record Context(String date, String issuerName, String issuerCode, boolean issuerFromSubject,
                           String subject, String year) {}

    private record Issuer(String name, String code, int end) {}

    private record Code(String code, int end) {}

    private Context context(TokenView v, Ref r) {
        int n = v.size();
        int k = r.afterTok;
        String date = null;
        String year = null; // "Chỉ thị số 35 năm 2019": the year written after a bare number
        Issuer issuer = null;
        int glue = k > 0 ? v.end(k - 1) - r.end : 0;
        if (glue >= 4 && glue <= 8 && Fold.fold(v.text().substring(r.end, r.end + glue)).equals(NGAY)) {
            DateAt d = IssuingDates.read(v, k); // "…/TT-BNNPTNTngày 19/8/2014": "ngày" glued to the symbol
            if (d != null) {
                date = d.iso();
                k = d.end();
            }
        }
        for (int steps = 0; k < n && steps < MAX_CONTEXT_STEPS; steps++) {
            if (v.newlineBefore(k) && !(v.isLetters(k) && Character.isLowerCase(v.first(k)))) {
                break; // a new paragraph, unless a hard-wrapped line goes on in lower case
            }
            if (v.isChar(k, ',') || (v.isChar(k, '(') && v.is(k + 1, NGAY)) || (v.isChar(k, ')') && date != null)) {
                k++; // "…, ngày …", "… (ngày 5/5/2022) …"
                continue;
            }
            if (issuer != null && v.isChar(k, '(') && v.is(k + 1, KHOA) && v.isChar(k + 3, ')')) {
                k += 4; // "của Bộ Chính trị (khóa XII) ngày 30/5/2019": the term of the issuer in brackets
                continue;
            }
            if (issuer == null && v.is(k, KHOA) && term(v, k + 1) && v.is(k + 2, CUA)) {
                k += 2; // "Nghị quyết số 29, khóa XI của BCH TW Đảng": the issuer's term before its name
                continue;
            }
            String f = v.fold(k);
            DateAt on;
            if (date == null && isNgay(v, k, f)) {
                DateAt d = IssuingDates.read(v, k + 1);
                if (d == null) {
                    break;
                }
                date = d.iso();
                k = d.end();
            } else if (date == null && v.isChar(k, '(') && (on = IssuingDates.read(v, k + 1)) != null
                    && v.isChar(on.end(), ')')) {
                date = on.iso(); // "Nghị quyết số 18-NQ/TW (25/10/2017)": the full date alone in brackets
                k = on.end() + 1;
            } else if (date == null && (on = issuedOn(v, k)) != null) {
                date = on.iso();
                k = on.end();
            } else if (k == r.afterTok && r.symbol == null && f.equals(NAM) && yearAt(v, k + 1)) {
                year = v.text().substring(v.start(k + 1), v.end(k + 1));
                k += 2; // "Nghị quyết số 08 năm 2017 của Bộ Chính trị": the year of a bare number
            } else if (f.equals(BAN) && v.is(k + 1, HANH)) {
                k += 2;
            } else if (f.equals(CUA) && issuer == null) {
                issuer = readIssuer(v, k + 1, true, n);
                if (issuer == null) {
                    break;
                }
                k = issuer.end;
            } else {
                break;
            }
        }
        String subject = subject(v, k);
        boolean fromSubject = false;
        if (date == null) {
            date = rowDate(v, r.firstTok);
        }
        if (date == null) {
            date = bracketDate(v, r.firstTok);
        }
        if (date == null && r.header) {
            date = headerDate(v, r.afterTok);
            if (date == null) {
                date = headerDateAbove(v, r.firstTok);
            }
        }
        if (issuer == null || date == null) {
            Before b = before(v, r.firstTok);
            if (b != null) {
                if (date == null) {
                    date = b.date;
                }
                if (issuer == null && b.issuer != null) {
                    issuer = b.issuer;
                    fromSubject = true;
                }
            }
        }
        if (issuer == null && r.symbol == null && r.wordType != null) {
            Issuer earlier = earlierIssuer(v, r);
            if (earlier != null && earlier.code != null) {
                issuer = earlier;
                fromSubject = true;
            }
        }
        return new Context(date, issuer == null ? null : issuer.name, issuer == null ? null : issuer.code,
                fromSubject, subject, date != null ? date.substring(0, 4) : year);
    }

    /**
     * "ngày", or the same word on a page that garbled its tone marks ("ngàỷ 24/01/2025": a mirror
     * moving the marks around); {@code folded} is the token's fold. Only read right after a
     * symbol, where a full date must follow for it to count.
     */
    private static boolean isNgay(TokenView v, int k, String folded) {
        if (folded.equals(NGAY)) {
            return true;
        }
        int len = v.end(k) - v.start(k);
        if (len < 4 || len > 8 || (v.first(k) | 0x20) != 'n') {
            return false;
        }
        String d = java.text.Normalizer.normalize(v.text().substring(v.start(k), v.end(k)), java.text.Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < '\u0300' || c > '\u036F') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().equals("ngay");
    }

    /**
     * "… được Thủ tướng Chính phủ ban hành ngày 7/7/2014", "… do Thứ trưởng X ký ngày 30.5.2017",
     * "… ký ngày 2/12/2004" at token {@code k}: a clause that says who issued or signed the document
     * and on which day (issued_on.tsv). The date and the token after it, or null. Bounded: the verb
     * is looked for at most {@link #MAX_AGENT_TOKENS} tokens on, within the clause.
     */
    private DateAt issuedOn(TokenView v, int k) {
        int n = v.size();
        Match<String> m = lexicon.issuedOn.longest(v, k, n);
        if (m == null || m.value().equals("at")) {
            return null;
        }
        int j = m.end();
        if (m.value().equals("by")) {
            int limit = Math.min(n, j + MAX_AGENT_TOKENS);
            Match<String> verb = null;
            for (; j < limit && verb == null; j++) {
                boolean nameComma = v.isChar(j, ',') && j > m.end() && j + 1 < n && v.capitalized(j + 1)
                        && !v.newlineBefore(j + 1); // "do Chủ tịch UBND tỉnh Thái Bình, Nguyễn Hồng Diên ký ngày …"
                if (v.newlineBefore(j) || (isClauseBreak(v, j) && !nameComma) || v.startsWithDigit(j)
                        || lexicon.typeWords.longest(v, j, n) != null) {
                    return null; // the clause is over, or another document is named ("được sửa đổi tại Quyết định …")
                }
                verb = lexicon.issuedOn.longest(v, j, n, x -> x.equals("verb"));
            }
            if (verb == null) {
                return null;
            }
            j = verb.end();
        }
        Match<String> at = lexicon.issuedOn.longest(v, j, n, x -> x.equals("at"));
        if (at != null) {
            j = at.end();
        }
        if (j >= n || v.newlineBefore(j) || !v.is(j, NGAY)) {
            return null;
        }
        return IssuingDates.read(v, j + 1);
    }

    /**
     * "09/07/2013 Văn bản được ban hành 30/2013/QĐ-UBND": a validity history's row recording the
     * issuing (issue_rows.tsv); the full date opening the line right before the label is the
     * symbol's issuing date.
     */
    private String rowDate(TokenView v, int first) {
        Match<String> label = lexicon.issueRows.endingAt(v, first);
        if (label == null || v.newlineBefore(first)) {
            return null;
        }
        int d = label.start() - 1;
        if (d < 0 || !(d == 0 || v.newlineBefore(d))) {
            return null;
        }
        DateAt at = IssuingDates.read(v, d);
        return at != null && at.end() == label.start() ? at.iso() : null;
    }

    /**
     * "… được Chính phủ ban hành ngày 12/02/2020 (Nghị định số 19/2020/NĐ-CP)": a reference opening a bracket
     * right after an issuing verb and its full date (issued_on.tsv: verb, then "vào" at most, then "ngày")
     * names the document that clause issued, and that date is its issuing date. Reads at most ten tokens back.
     */
    private String bracketDate(TokenView v, int first) {
        int open = first - 1;
        if (!v.isChar(open, '(') || v.newlineBefore(first)) {
            return null;
        }
        for (int q = Math.max(0, open - 8); q < open - 1; q++) {
            if (!v.is(q, NGAY)) {
                continue;
            }
            DateAt d = IssuingDates.read(v, q + 1);
            if (d == null || d.end() != open) {
                continue;
            }
            int e = q;
            Match<String> at = lexicon.issuedOn.endingAt(v, e);
            if (at != null && at.values().contains("at")) {
                e = at.start();
            }
            Match<String> verb = lexicon.issuedOn.endingAt(v, e);
            return verb != null && verb.values().contains("verb") ? d.iso() : null;
        }
        return null;
    }

    /** Token {@code k} is a term's number: a Roman numeral in capitals ("XI") or digits, on the same line. */
    private static boolean term(TokenView v, int k) {
        if (k >= v.size() || v.newlineBefore(k)) {
            return false;
        }
        String w = v.text().substring(v.start(k), v.end(k));
        return !w.isEmpty() && (w.chars().allMatch(c -> "IVXLC".indexOf(c) >= 0) || w.chars().allMatch(Character::isDigit));
    }

    /** "Số: 2074/QĐ-UBND / Quảng Ngãi, ngày 20 tháng 12 năm 2021": the date line under the number. */
    private static String headerDate(TokenView v, int k) {
        // the place and date line ("Hà Nội, ngày …") may stand below the two lines of the state's name and motto
        // ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập – Tự do – Hạnh phúc"): farther only after a comma
        int end = Math.min(v.size(), k + 2 * MAX_HEADER_TOKENS);
        for (int i = k; i < end; i++) {
            if (v.is(i, NGAY) && i - k >= MAX_HEADER_TOKENS && !v.isChar(i - 1, ',')) {
                return null;
            }
            if (v.is(i, NGAY)) {
                DateAt d = IssuingDates.read(v, i + 1);
                return d == null ? null : d.iso();
            }
        }
        return null;
    }

    /**
     * "Hà Nội, ngày 30 tháng 10 năm 2020 / Số 33-HD/BTCTW": the date line right above the number (a header
     * copied with its two columns in the other order). Only the one line above is read.
     */
    private static String headerDateAbove(TokenView v, int first) {
        int so = v.isChar(first - 1, ':') ? first - 2 : first - 1;
        if (so <= 0 || !v.is(so, SO) || !v.newlineBefore(so)) {
            return null;
        }
        int lineStart = so - 1;
        while (lineStart > 0 && lineStart > so - MAX_HEADER_TOKENS && !v.newlineBefore(lineStart)) {
            lineStart--;
        }
        if (lineStart > 0 && !v.newlineBefore(lineStart)) {
            return null; // no line of a header's length above
        }
        for (int i = lineStart; i < so; i++) {
            if (v.is(i, NGAY)) {
                DateAt d = IssuingDates.read(v, i + 1);
                return d == null ? null : d.iso();
            }
        }
        return null;
    }

    /** The issuer code named at token {@code k}: [organ] body ("Ban Tổ chức Tỉnh ủy" → BTCTU). */
    private Code issuerCode(TokenView v, int k) {
        Match<String> organ = lexicon.organs.longest(v, k, k + lexicon.organs.maxLength());
        int b = organ != null ? organ.end() : k;
        if (organ != null && v.newlineBefore(b)) {
            return null;
        }
        Match<String> body = lexicon.bodies.longest(v, b, b + lexicon.bodies.maxLength());
        if (body == null) {
            return null;
        }
        String value = body.value();
        int bar = value.indexOf('|');
        String code = value;
        if (bar >= 0) {
            boolean named = body.end() < v.size() && v.capitalized(body.end()) && !v.newlineBefore(body.end());
            code = named ? value.substring(bar + 1) : value.substring(0, bar);
        }
        return new Code((organ != null ? organ.value() : "") + code, body.end());
    }

    /** The issuer's name from token {@code k} ("Ban Chấp hành Trung ương Đảng khóa XIII"). */
    private Issuer readIssuer(TokenView v, int k, boolean newlineBefore, int limitTok) {
        int n = Math.min(v.size(), limitTok);
        if (k >= n || (!newlineBefore && v.newlineBefore(k))) {
            return null;
        }
        Code c = issuerCode(v, k);
        int e = c != null ? Math.min(c.end, n) : k;
        int limit = Math.min(n, k + MAX_ISSUER_TOKENS);
        while (e < limit && (e == k || !v.newlineBefore(e))) {
            if (e > k && lexicon.typeWords.longest(v, e, e + lexicon.typeWords.maxLength()) != null) {
                break;
            }
            boolean more;
            if (v.isLetters(e) && e > k && !v.endsWord(e - 1) && Character.isUpperCase(v.first(Math.max(k, v.wordHead(e - 1))))) {
                more = true; // the rest of a word: "Tài" + "chính", "Ngân" + "hàng"
            } else if (v.isLetters(e)) {
                more = Character.isUpperCase(v.first(e)) || lexicon.issuerNameWord(v.fold(e));
            } else if (v.startsWithDigit(e)) {
                more = e > k && v.is(e - 1, THU);
            } else {
                more = e > k && SymbolShape.isDash(v.first(e)) && v.end(e) - v.start(e) == 1
                        && v.capitalized(e - 1) && e + 1 < limit && v.capitalized(e + 1);
            }
            if (!more) {
                break;
            }
            e++;
        }
        while (e > k + 1 && (c == null || e > c.end) && !v.endsWord(e - 1)) {
            e--; // a name ends on a word: "Chính phủ" + "thành" (thành_lập) stops before "thành"
        }
        while (e > k && (c == null || e > c.end) && (v.is(e - 1, KHOA) || v.is(e - 1, THU) || v.is(e - 1, LAN))) {
            e--; // "… khóa" without its number is not part of the name
        }
        if (e <= k || (c == null && !v.capitalized(k))) {
            return null;
        }
        return new Issuer(v.slice(k, e), c == null ? null : c.code, e);
    }

    /** The subject: "về …" to the end of the clause, or a quoted title, from token {@code k}. */
    private String subject(TokenView v, int k) {
        int n = v.size();
        if (k >= n || v.newlineBefore(k)) {
            return null;
        }
        char q = v.first(k);
        if (q == '“' || q == '"') {
            return quoted(v, k);
        }
        if (!v.is(k, VE)) {
            return null;
        }
        int limit = Math.min(n, k + MAX_SUBJECT_TOKENS);
        int e = k + 1;
        int depth = 0;
        while (e < limit && !v.newlineBefore(e)) {
            char c = v.first(e);
            boolean single = v.end(e) - v.start(e) == 1;
            if (single && c == '“') {
                depth++;
            } else if (single && c == '”') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && single && (c == ';' || c == '.' || c == '!' || c == '?' || c == ')' || c == '(')) {
                break;
            } else if (depth == 0 && single && c == ',' && e + 1 < n && v.capitalized(e + 1)) {
                break; // ", Ban Thường vụ Huyện ủy đã …": the clause is over
            }
            e++;
        }
        return e > k + 1 ? v.slice(k, e) : null;
    }

    private static String quoted(TokenView v, int k) {
        int n = v.size();
        char open = v.first(k);
        int limit = Math.min(n, k + MAX_SUBJECT_TOKENS);
        int depth = 1;
        int e = k + 1;
        while (e < limit && !v.newlineBefore(e)) {
            char c = v.first(e);
            if (v.end(e) - v.start(e) == 1) {
                if (open == '“' && c == '“') {
                    depth++;
                } else if ((open == '“' && c == '”') || (open == '"' && c == '"')) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
            }
            e++;
        }
        if (e <= k + 1) {
            return null;
        }
        String s = v.text().substring(v.end(k), e < n && depth == 0 ? v.start(e) : v.end(e - 1)).strip();
        return s.isEmpty() ? null : s;
    }

    private record Before(String date, Issuer issuer) {}

    /** Commas inside the subject between an opening date and the issuing verb. */
    private static final int MAX_NAME_COMMAS = 2;

    /**
     * "Ngày 22-7-1986, Bộ Chính trị đã ban hành Nghị quyết số 34-NQ/TW": the subject of the clause
     * whose verb issues the document is its issuer, and a date opening that sentence its date.
     */
    private Before before(TokenView v, int firstTok) {
        int j = firstTok;
        boolean verb = false;
        for (int s = 0; s < 4 && j > 0 && !v.newlineBefore(j); s++) {
            Match<String> m = lexicon.issueVerbs.endingAt(v, j);
            if (m == null) {
                break;
            }
            verb |= m.value().equals("verb");
            j = m.start();
        }
        if (!verb) {
            return null;
        }
        // "Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị, ký ban hành …": the verb right after a comma takes the
        // clause before that comma as its subject
        int c = v.isChar(j - 1, ',') ? j - 2 : j - 1;
        int clauseStart = -1;
        for (int steps = 0; c >= 0 && steps < MAX_CLAUSE_TOKENS; steps++, c--) {
            if (isClauseBreak(v, c)) {
                clauseStart = c + 1;
                break;
            }
            if (v.newlineBefore(c) || c == 0) {
                clauseStart = c;
                break;
            }
        }
        if (clauseStart < 0 || clauseStart >= j) {
            return null;
        }
        Issuer issuer = null;
        for (int p = clauseStart; p < j && issuer == null; p++) {
            if (issuerCode(v, p) != null) {
                issuer = readIssuer(v, p, true, j); // the clause may open a paragraph
            }
        }
        // the date opens the sentence before a comma: the one closing the clause, or an earlier one when
        // the commas between are inside the subject's name or a place ("Ngày 02/11/2021, Sở Văn hóa, Thể
        // thao và Du lịch đã ban hành …", "Ngày 5/1/2021, tại Hà Nội, Bộ Chính trị …"): each comma skipped
        // is followed by a capital, and all stays within one clause's length of the verb
        String date = null;
        int comma = clauseStart - 1;
        for (int hops = 0; hops <= MAX_NAME_COMMAS && date == null && v.isChar(comma, ','); hops++) {
            for (int q = Math.max(0, comma - 10); q < comma - 1 && date == null; q++) {
                if (v.is(q, NGAY)) {
                    DateAt d = IssuingDates.read(v, q + 1);
                    if (d != null && (d.end() == comma || !v.newlineBefore(d.end())
                            && endsAt(lexicon.dateTails.longest(v, d.end(), comma), comma))) {
                        date = d.iso(); // "Ngày 14/6/2024 vừa qua, Bộ Chính trị đã ban hành …" (date_tails.tsv)
                    }
                }
            }
            if (date != null || comma + 1 >= v.size()) {
                break;
            }
            int prev = comma - 1;
            while (prev >= 0 && j - prev < MAX_CLAUSE_TOKENS && !isClauseBreak(v, prev) && !v.newlineBefore(prev + 1)) {
                prev--;
            }
            if (prev < 0 || j - prev >= MAX_CLAUSE_TOKENS || !v.isChar(prev, ',')) {
                break;
            }
            // ", thay mặt Bộ Chính trị, đồng chí đã ký ban hành …": a clause naming on whose behalf the signer acts
            // is skipped whatever follows it, and the body it names is the issuer when the subject names none
            Match<String> behalf = lexicon.onBehalf.longest(v, prev + 1, comma);
            if (behalf == null && !Character.isUpperCase(v.first(comma + 1))) {
                break;
            }
            for (int p = behalf == null ? comma : behalf.end(); p < comma && issuer == null; p++) {
                if (issuerCode(v, p) != null) {
                    issuer = readIssuer(v, p, false, comma);
                }
            }
            comma = prev;
        }
        return date == null && issuer == null ? null : new Before(date, issuer);
    }

    /**
     * "Bộ Chính trị ban hành Nghị quyết về … . Nghị quyết số 18-NQ": the subject of an issuing verb
     * earlier in the text (the lead, an earlier sentence) issued a symbol-less reference of the type
     * the verb introduces, when no other type of document is named between them. Bounded look-back.
     */
    private Issuer earlierIssuer(TokenView v, Ref r) {
        int lo = Math.max(0, r.firstTok - MAX_EARLIER_TOKENS);
        for (int t = r.firstTok; t > lo; t--) {
            Match<String> verb = lexicon.earlierIssueVerbs.endingAt(v, t);
            if (verb != null) {
                Before b = before(v, t);
                return b == null ? null : b.issuer;
            }
            if (t < r.firstTok) {
                Match<String> tw = lexicon.typeWords.endingAt(v, t);
                if (tw != null && !tw.value().equals(r.wordType) && !tw.value().equals(DocumentLexicon.ANY_TYPE)) {
                    return null; // "ban hành Kế hoạch thực hiện Nghị quyết số 18": the plan is what was issued
                }
            }
        }
        return null;
    }

    private static boolean endsAt(Match<String> m, int end) {
        return m != null && m.end() == end;
    }

    private static boolean isClauseBreak(TokenView v, int i) {
        if (v.end(i) - v.start(i) != 1) {
            return false;
        }
        char c = v.first(i);
        return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')'
                || c == '“' || c == '”' || c == '"';
    }

    // ---------------------------------------------------------------- assembling documents

    private static final class Doc {
        final String id;
        final String symbolType;
        final String number;
        final String issuerCode;
        final boolean explicit;
        final int anchor; // where it was first cited, for choosing the nearest of equal candidates
        final Set<String> wordTypes = new LinkedHashSet<>();
        final List<Ref> refs = new ArrayList<>();

        Doc(String id, String symbolType, String number, String issuerCode, boolean explicit, int anchor) {
            this.id = id;
            this.anchor = anchor;
            this.symbolType = symbolType;
            this.number = number;
            this.issuerCode = issuerCode;
            this.explicit = explicit;
        }

        void add(Ref r) {
            refs.add(r);
            if (r.wordType != null) {
                wordTypes.add(r.wordType);
            }
        }

        boolean hasType(String t) {
            return t.equals(symbolType) || wordTypes.contains(t);
        }
    }

    /** Candidates for resolving a short reference, by number; at most {@link #MAX_SAME_NUMBER} each. */
    private static final int MAX_SAME_NUMBER = 32;

    private static final class Docs {
        final Map<String, Doc> byKey = new LinkedHashMap<>();
        final Map<String, List<Doc>> byNumber = new HashMap<>();

        Doc get(String key, java.util.function.Supplier<Doc> make) {
            Doc d = byKey.get(key);
            if (d == null) {
                d = make.get();
                byKey.put(key, d);
                List<Doc> same = byNumber.computeIfAbsent(SymbolReader.key(d.number, ""), k -> new ArrayList<>(2));
                if (same.size() < MAX_SAME_NUMBER) {
                    same.add(d); // a hostile page citing thousands of "1-KL/…" cannot make resolution quadratic
                }
            }
            return d;
        }
    }

    private List<DocumentReference> assemble(TokenView v, List<Ref> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Docs docs = new Docs();
        List<Ref> bare = new ArrayList<>();
        for (Ref r : refs) {
            r.context = context(v, r);
            if (r.symbol == null) {
                bare.add(r);
                continue;
            }
            Symbol s = r.symbol;
            docs.get(s.key(), () -> new Doc(s.id(), s.type(), s.number(), s.issuerCode(), true, r.start)).add(r);
        }
        // bare numbers with an issuer: the cited document of that issuer, else a document inferred
        for (Ref r : bare) {
            if (r.number.indexOf('/') > 0) { // "35/2016 của Chính phủ" → "35/2016/NQ-CP"
                String state = stateIssuerAfter(v, r.afterTok);
                if (state != null) {
                    String tail = "/" + r.wordType + "-" + state;
                    docs.get(SymbolReader.key(r.number, tail),
                            () -> new Doc(r.number + tail, r.wordType, r.number, state, false, r.start)).add(r);
                }
                continue;
            }
            String code = r.context.issuerCode();
            if (code == null) {
                continue;
            }
            Doc d = match(docs, r, code);
            if (d == null && r.context.issuerFromSubject()) {
                d = match(docs, r, null);
            }
            if (d == null) {
                String tail = "-" + r.wordType + "/" + code;
                d = docs.get(SymbolReader.key(r.number, tail),
                        () -> new Doc(r.number + tail, r.wordType, r.number, code, false, r.start));
            }
            d.add(r);
        }
        // bare numbers without an issuer: a short form of a document cited in full elsewhere
        for (Ref r : bare) {
            if (r.context.issuerCode() != null || r.number.indexOf('/') > 0) {
                continue; // a number/year with no state issuer: its symbol cannot be told
            }
            Doc d = match(docs, r, null);
            if (d == null) {
                if (!r.so && r.context.date() == null) {
                    continue; // "Chỉ thị 03" with nothing to resolve it to: too weak to be listed
                }
                String tail = "-" + r.wordType;
                d = docs.get(SymbolReader.key(r.number, tail),
                        () -> new Doc(r.number + tail, r.wordType, r.number, null, false, r.start));
            }
            d.add(r);
        }
        List<Doc> list = new ArrayList<>(docs.byKey.values());
        for (Doc d : list) {
            d.refs.sort(Comparator.comparingInt(r -> r.start));
        }
        List<Cited> cited = new ArrayList<>(list.size());
        for (Doc d : list) {
            for (List<Ref> group : byYear(d)) {
                cited.add(new Cited(d, group));
            }
        }
        cited.sort(Comparator.comparingInt(c -> c.refs().get(0).start));
        List<DocumentReference> out = new ArrayList<>(cited.size());
        for (Cited c : cited) {
            out.add(toReference(v, c.doc(), c.refs()));
        }
        return out;
    }

    /** One document of the output: a symbol's references, or those of one issuing year ({@link #byYear}). */
    private record Cited(Doc doc, List<Ref> refs) {}

    /**
     * The references of {@code d} split by issuing year: one symbol cited with full issuing dates of two
     * different years is two documents ("Chỉ thị số 35-CT/TW, ngày 30/5/2019 … ngày 14/6/2024, Bộ Chính
     * trị đã ban hành Chỉ thị số 35-CT/TW": party numbers start again with each term). A short reference
     * with its year ("Chỉ thị số 35 năm 2019") goes with the document of that year; one without a date goes
     * with the last dated one before it (the first document when none is). Explicit symbols only; one
     * group (all the references) otherwise.
     */
    private static List<List<Ref>> byYear(Doc d) {
        List<String> years = new ArrayList<>(2);
        for (Ref r : d.refs) {
            String date = r.context.date();
            if (d.explicit && date != null && !years.contains(date.substring(0, 4))) {
                years.add(date.substring(0, 4));
            }
        }
        if (years.size() < 2) {
            return List.of(d.refs);
        }
        List<List<Ref>> groups = new ArrayList<>(years.size());
        for (int i = 0; i < years.size(); i++) {
            groups.add(new ArrayList<>());
        }
        int g = 0;
        for (Ref r : d.refs) {
            int y = r.context.year() == null ? -1 : years.indexOf(r.context.year());
            if (r.context.date() != null) {
                g = y;
            }
            groups.get(y >= 0 ? y : g).add(r);
        }
        groups.sort(Comparator.comparingInt(x -> x.get(0).start));
        return groups;
    }

    /** The code of the state body named by "của …" at token {@code k} ("của Chính phủ" → CP), or null. */
    private String stateIssuerAfter(TokenView v, int k) {
        if (k >= v.size() || !v.is(k, CUA) || v.newlineBefore(k + 1)) {
            return null;
        }
        Match<String> m = lexicon.stateBodies.longest(v, k + 1, k + 1 + lexicon.stateBodies.maxLength());
        return m == null ? null : m.value();
    }

    /** The document of the reference's type and number (and issuer, when given), nearest first. */
    private static Doc match(Docs docs, Ref r, String issuerCode) {
        List<Doc> same = docs.byNumber.get(SymbolReader.key(r.number, ""));
        if (same == null) {
            return null;
        }
        Doc best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Doc d : same) {
            if (!d.hasType(r.wordType)) {
                continue;
            }
            if (issuerCode != null && !issuerCode.equals(d.issuerCode)) {
                continue;
            }
            if (issuerCode == null && !d.explicit && d.issuerCode == null) {
                continue; // resolve to documents that were cited in full or with an issuer
            }
            int dist = Math.abs(d.anchor - r.start);
            if (dist < bestDistance) {
                best = d;
                bestDistance = dist;
            }
        }
        return best;
    }

    private DocumentReference toReference(TokenView v, Doc d, List<Ref> refs) {
        String date = null;
        String issuer = null;
        String subject = null;
        for (Ref r : refs) {
            Context c = r.context;
            date = date != null ? date : c.date();
            issuer = issuer != null ? issuer : c.issuerName();
            subject = subject != null ? subject : c.subject();
        }
        String type = d.wordTypes.isEmpty() ? d.symbolType : d.wordTypes.iterator().next();
        List<Mention> mentions = new ArrayList<>(refs.size());
        for (Ref r : refs) {
            mentions.add(Mention.of(v.text(), r.start, r.end));
        }
        return new DocumentReference(d.id, type, lexicon.typeName(type), d.number, d.issuerCode,
                issuer != null ? issuer : lexicon.issuerName(d.issuerCode), date, subject, d.explicit, mentions);
    }
}
