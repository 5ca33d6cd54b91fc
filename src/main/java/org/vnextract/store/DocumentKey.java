package org.vnextract.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * Reads a document symbol, as stored ("21-KL/TW", "20/NQ-HĐND", "100/2019/NĐ-CP") or as people type
 * it ("21 KL TW", "KL21/TW", "kết luận 21", "nghi quyet so 02-nq/tu"), into its parts: number
 * (leading zeros dropped), type, issuer and year. Two symbols with the same parts name the same
 * document, whatever the separators, case, leading zeros or spelled-out type name. The type codes
 * and names come from {@code models/documents/types.tsv} and {@code type_words.tsv}, the tables the
 * extractor uses.
 *
 * <p>Parts have two spellings: {@code strict} keeps Đ ("ĐA", "HĐND") and is the document's key;
 * {@code loose} reads Đ as D, for symbols typed on a keyboard without Vietnamese letters, where
 * "DA" may be Đề án (ĐA) or Dự án (DA): the look-up then says it is ambiguous.
 *
 * <p>Immutable; thread-safe.
 */
public final class DocumentKey {
    /**
     * The parts of a symbol. {@code type} and {@code issuer} are upper case, or "" when not given;
     * {@code year} is "" when not given; {@code number} is null when the text has no number.
     */
    public record Parts(String number, String type, String issuer, String year) {
        /** The key a document is stored under: {@code number|TYPE|ISSUER|year}. */
        public String key() {
            return number + "|" + type + "|" + issuer + "|" + year;
        }

        public String typeLoose() {
            return loose(type);
        }

        public String issuerLoose() {
            return loose(issuer);
        }

        public boolean complete() {
            return number != null && !type.isEmpty() && !issuer.isEmpty();
        }
    }

    private final Map<String, String> codes = new HashMap<>(); // loose upper code → code upper (strict)
    private final Map<String, String> strictCodes = new HashMap<>(); // strict upper code → itself
    private final List<String[]> names = new ArrayList<>(); // {loose words of a type name, code upper}

    public DocumentKey(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("documents/types.tsv")) {
            String[] c = l.split("\t");
            String code = upper(c[0]);
            strictCodes.put(code, code);
            codes.putIfAbsent(loose(code), code);
            addName(c.length > 1 ? c[1] : "", code);
            if (c.length > 2) {
                for (String v : c[2].split("\\|")) {
                    addName(v, code);
                }
            }
        }
        // the phrases the documents extractor reads as type names ("thông báo kết luận" → TB)
        for (String l : models.lines("documents/type_words.tsv")) {
            String[] c = l.split("\t");
            if (c.length > 1 && !c[1].equals("*")) {
                addName(c[0], upper(c[1]));
            }
        }
        // longest names first, so "nghị quyết liên tịch" wins over "nghị quyết"
        names.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
    }

    private void addName(String name, String code) {
        String folded = String.join(" ", SearchText.queryWords(name, false));
        if (!folded.isEmpty()) {
            names.add(new String[] {folded, code});
        }
    }

    /** The parts of a stored symbol ("21-KL/TW"): codes only, no spelled-out type names. */
    public Parts parseSymbol(String id) {
        return parse(id, false);
    }

    /** The parts of what a user typed: a symbol, or a type name with a number ("kết luận 21"). */
    public Parts parseQuery(String text) {
        return parse(text, true);
    }

    private Parts parse(String text, boolean withNames) {
        Validate.notNull(text, "text");
        List<String> tokens = tokens(text);
        String number = null;
        String type = "";
        String year = "";
        List<String> issuer = new ArrayList<>();
        // a spelled-out type name anywhere ("kết luận 21", "Nghị quyết số 02-NQ/TU")
        List<String> looseTokens = new ArrayList<>();
        for (String t : tokens) {
            looseTokens.add(SearchText.loose(t));
        }
        boolean[] used = new boolean[tokens.size()];
        String joined = " " + String.join(" ", looseTokens) + " ";
        for (String[] nm : withNames ? names : List.<String[]>of()) {
            int at = joined.indexOf(" " + nm[0] + " ");
            if (at >= 0) {
                int first = countSpaces(joined, at + 1);
                int len = nm[0].split(" ").length;
                for (int k = first; k < first + len && k < used.length; k++) {
                    used[k] = true;
                }
                type = nm[1];
                break;
            }
        }
        boolean typeFromName = !type.isEmpty();
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            String t = tokens.get(i);
            String lt = looseTokens.get(i);
            if (Character.isDigit(t.charAt(0))) {
                if (number == null) {
                    number = stripZeros(t);
                } else if (year.isEmpty() && t.length() == 4 && issuer.isEmpty()) {
                    year = t;
                } else {
                    issuer.add(t); // "QH13" in 85/2014/QH13 (the 13th National Assembly)
                }
                continue;
            }
            if (lt.equals("so") && number == null) {
                continue; // "số"
            }
            String up = upper(t);
            String code = strictCodes.containsKey(up) ? up : codes.get(loose(up));
            if (code != null && (type.isEmpty() || typeFromName)) {
                // the symbol's own code is more precise than a spelled-out name (ĐA against DA)
                type = code;
                typeFromName = false;
                continue;
            }
            issuer.add(up);
        }
        return new Parts(number, type, String.join("-", issuer), year);
    }

    private static int countSpaces(String s, int end) {
        int n = 0;
        for (int i = 1; i < end; i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Words of the text, with a letter-digit boundary splitting a word ("KL21" → "KL", "21"). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (SearchText.Word w : SearchText.words(nfc)) {
            String s = nfc.substring(w.start(), w.end());
            int start = 0;
            for (int i = 1; i <= s.length(); i++) {
                if (i == s.length() || Character.isDigit(s.charAt(i)) != Character.isDigit(s.charAt(i - 1))) {
                    out.add(s.substring(start, i));
                    start = i;
                }
            }
        }
        return out;
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    static String upper(String s) {
        return Normalizer.normalize(s.replace('\u00D0', 'Đ').replace('\u00F0', 'đ'), Normalizer.Form.NFC)
                .toUpperCase(Locale.ROOT);
    }

    static String loose(String s) {
        return SearchText.loose(s).toUpperCase(Locale.ROOT);
    }
}
