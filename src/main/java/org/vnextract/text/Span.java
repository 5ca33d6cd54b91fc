package org.vnextract.text;

import org.vnextract.internal.Validate;

/** A half-open range {@code [start, end)} of {@code char} indices into the article text. */
public record Span(int start, int end) {
    public Span {
        Validate.isTrue(start >= 0 && end >= start, "start/end", "must satisfy 0 <= start <= end, were ", start, end);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int index) {
        return index >= start && index < end;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
