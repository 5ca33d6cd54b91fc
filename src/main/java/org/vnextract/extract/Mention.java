package org.vnextract.extract;

import org.vnextract.internal.Validate;

/**
 * Where an entity is written: a {@code char} range of the article text and the text there. The
 * record writer turns the range into code points; a test checks that every range gives back its
 * text (Lucene's {@code ValidatingTokenFilter} idea).
 */
public record Mention(int start, int end, String text) {
    public Mention {
        Validate.isTrue(start >= 0 && end > start, "start/end", "must satisfy 0 <= start < end, were ", start, end);
        Validate.notNull(text, "text");
        Validate.isTrue(text.length() == end - start, "text", "must be as long as its range");
    }

    /** The mention of {@code text[start, end)}. */
    public static Mention of(String text, int start, int end) {
        return new Mention(start, end, text.substring(start, end));
    }
}
