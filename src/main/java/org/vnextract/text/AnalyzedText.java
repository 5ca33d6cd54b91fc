package org.vnextract.text;

import java.util.List;
import java.util.function.ToIntFunction;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * The article text every extractor reads: NFC, normalised white space and quotes, the title, lead
 * and body as paragraphs separated by {@code '\n'}, with sentences and tokens as {@code char}
 * ranges into it. The record writer turns {@code char} offsets into code points.
 *
 * @param text       the article text ({@code article.text} of the record)
 * @param paragraphs paragraph ranges, in order
 * @param sentences  sentence ranges, in order, never crossing a paragraph
 * @param tokens     tokens, in order
 * @param titleEnd   the end of the title paragraph, or 0 when there is no title
 */
public record AnalyzedText(String text, List<Span> paragraphs, List<Sentence> sentences, List<Token> tokens,
                           int titleEnd) {
    public static final Key<AnalyzedText> KEY = Key.of("text", AnalyzedText.class);

    public AnalyzedText {
        Validate.notNull(text, "text");
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
        tokens = List.copyOf(tokens);
    }

    public String text(Token t) {
        return text.substring(t.start(), t.end());
    }

    public String text(Sentence s) {
        return text.substring(s.start(), s.end());
    }

    /** The sentence containing {@code charIndex}, by binary search; null between sentences. */
    public Sentence sentenceAt(int charIndex) {
        return containing(sentences, charIndex, Sentence::start, Sentence::end);
    }

    public List<Token> tokens(Sentence s) {
        return tokens.subList(s.firstToken(), s.endToken());
    }

    /** The index of the first token that starts at or after {@code charIndex} (the token count when none does), by binary search. */
    public int firstTokenAt(int charIndex) {
        return firstTokenAt(tokens, charIndex);
    }

    /** The index in {@code tokens} (in text order) of the first that starts at or after {@code charIndex}, by binary search. */
    public static int firstTokenAt(List<Token> tokens, int charIndex) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < charIndex) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The paragraph containing {@code charIndex}, by binary search; null on a line break. */
    public Span paragraphAt(int charIndex) {
        return containing(paragraphs, charIndex, Span::start, Span::end);
    }

    /** The range of {@code ranges} (in text order, not overlapping) containing {@code charIndex}, or null. */
    private static <T> T containing(List<T> ranges, int charIndex, ToIntFunction<T> start, ToIntFunction<T> end) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            T r = ranges.get(mid);
            if (charIndex < start.applyAsInt(r)) {
                hi = mid - 1;
            } else if (charIndex >= end.applyAsInt(r)) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }
}
