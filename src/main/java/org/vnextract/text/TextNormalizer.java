package org.vnextract.text;

import java.text.Normalizer;
import org.vnextract.internal.Spaces;

/**
 * Normalises one paragraph: NFC; the Icelandic eth (Ð/ð), which legacy Vietnamese pages use for
 * Đ/đ, read as Đ/đ; typographic quote variants folded to “ ” and ‘ ’; zero-width characters gone;
 * white space collapsed. Tone-mark placement is left as written (RECORD.md: output keeps the
 * spelling; matching folds it).
 *
 * <p>Stateless; thread-safe.
 */
public final class TextNormalizer {
    /** What changed, so the stage can warn once per article. */
    public record Result(String text, boolean ethReplaced) {}

    public Result normalize(String paragraph) {
        String s = Normalizer.isNormalized(paragraph, Normalizer.Form.NFC)
                ? paragraph : Normalizer.normalize(paragraph, Normalizer.Form.NFC);
        Spaces.Collapser out = new Spaces.Collapser(s.length(), "\u2007");
        boolean eth = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u00D0' -> {
                    c = 'Đ';
                    eth = true;
                }
                case '\u00F0' -> {
                    c = 'đ';
                    eth = true;
                }
                case '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02' -> c = '"';
                case '\u201A', '\u201B', '\u2032' -> c = '\'';
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {
                    continue;
                }
                default -> { }
            }
            out.append(c);
        }
        return new Result(out.toString(), eth);
    }
}
