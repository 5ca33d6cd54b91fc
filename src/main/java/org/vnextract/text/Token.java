package org.vnextract.text;

/**
 * One token: its kind and its {@code char} range in the article text. The text itself is not
 * copied; read it with {@link AnalyzedText#text(Token)}.
 */
public record Token(int start, int end, TokenKind kind) {
    public int length() {
        return end - start;
    }
}
