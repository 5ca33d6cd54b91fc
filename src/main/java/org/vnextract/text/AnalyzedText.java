package org.vnextract.text;

import java.util.List;
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
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (charIndex < s.start()) {
                hi = mid - 1;
            } else if (charIndex >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    public List<Token> tokens(Sentence s) {
        return tokens.subList(s.firstToken(), s.endToken());
    }

    /** The index of the first token that starts at or after {@code charIndex} (the token count when none does), by binary search. */
    public int firstTokenAt(int charIndex) {
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
        int lo = 0;
        int hi = paragraphs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span p = paragraphs.get(mid);
            if (charIndex < p.start()) {
                hi = mid - 1;
            } else if (charIndex >= p.end()) {
                lo = mid + 1;
            } else {
                return p;
            }
        }
        return null;
    }
}
