package org.vnextract.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two folded forms of Vietnamese text that full-text search indexes, word by word:
 * <ul>
 * <li><b>strict</b>: lower case, the letters' own diacritics kept (â ê ô ơ ư ă đ), the tone mark
 * taken off and written as a digit after the word ("Đảng" → "đang3", "hoà" = "hòa" → "hoa2"), so
 * the placement of the tone mark does not matter but "Đảng" and "đang" stay apart;</li>
 * <li><b>loose</b>: every diacritic dropped and đ read as d ("Đảng" → "dang"), for queries typed
 * without diacritics.</li>
 * </ul>
 * A query with any diacritic searches the strict form, one without searches the loose form.
 * Words are maximal runs of letters, digits and combining marks, so "21-KL/TW" is the words
 * "21", "kl", "tw" and searching it is a phrase search. The same words, with their offsets,
 * drive the highlighting of matches in the original text.
 *
 * <p>Stateless; thread-safe.
 */
public final class SearchText {
    /** A word of a text: its char range and both folded forms. */
    public record Word(int start, int end, String strict, String loose) {}

    private SearchText() {}

    /** The words of a text, in order. */
    public static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!isWordChar(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            String w = text.substring(start, i);
            out.add(new Word(start, i, strict(w), loose(w)));
        }
        return out;
    }

    /** The strict form of a whole text: its words' strict forms joined by spaces. */
    public static String strictText(String text) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words(text)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.strict());
        }
        return sb.toString();
    }

    /** The loose form of a whole text: its words' loose forms joined by spaces. */
    public static String looseText(String text) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words(text)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.loose());
        }
        return sb.toString();
    }

    /** True when the text has a letter with a diacritic (or đ): it is then matched strictly. */
    public static boolean hasDiacritics(String text) {
        for (Word w : words(text)) {
            if (!w.strict().equals(w.loose())) {
                return true;
            }
        }
        return false;
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static int tone(char c) {
        switch (c) {
            case '\u0301': return 1; // sắc
            case '\u0300': return 2; // huyền
            case '\u0309': return 3; // hỏi
            case '\u0303': return 4; // ngã
            case '\u0323': return 5; // nặng
            default: return 0;
        }
    }

    /** One word in strict form. */
    public static String strict(String word) {
        String d = Normalizer.normalize(word.replace('\u00D0', 'Đ').replace('\u00F0', 'đ').toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(d.length());
        int tone = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int t = tone(c);
            if (t > 0) {
                tone = t;
            } else {
                base.append(c);
            }
        }
        String b = Normalizer.normalize(base, Normalizer.Form.NFC);
        return tone == 0 ? b : b + tone;
    }

    /** One word in loose form. */
    public static String loose(String word) {
        String d = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == '\u00F0') {
                c = 'd';
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The folded words of a query, in the form it is matched in. */
    public static List<String> queryWords(String query, boolean strict) {
        List<String> out = new ArrayList<>();
        for (Word w : words(query)) {
            out.add(strict ? w.strict() : w.loose());
        }
        return out;
    }

    /**
     * Where a phrase (folded words, in the form named by {@code strict}) occurs in a text: char
     * ranges {start, end} of each occurrence, in order, never overlapping.
     */
    public static List<int[]> find(List<Word> textWords, List<String> phrase, boolean strict) {
        List<int[]> out = new ArrayList<>();
        if (phrase.isEmpty()) {
            return out;
        }
        int i = 0;
        while (i + phrase.size() <= textWords.size()) {
            boolean match = true;
            for (int k = 0; k < phrase.size(); k++) {
                Word w = textWords.get(i + k);
                if (!phrase.get(k).equals(strict ? w.strict() : w.loose())) {
                    match = false;
                    break;
                }
            }
            if (match) {
                out.add(new int[] {textWords.get(i).start(), textWords.get(i + phrase.size() - 1).end()});
                i += phrase.size();
            } else {
                i++;
            }
        }
        return out;
    }
}
