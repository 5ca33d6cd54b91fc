package org.vnextract.text;

/**
 * A sentence: its {@code char} range in the article text and the range of its tokens
 * {@code [firstToken, endToken)} in {@link AnalyzedText#tokens()}.
 */
public record Sentence(int start, int end, int firstToken, int endToken) {
    public Span span() {
        return new Span(start, end);
    }
}
