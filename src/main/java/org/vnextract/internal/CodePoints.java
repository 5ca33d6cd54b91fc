package org.vnextract.internal;

/**
 * Converts Java {@code char} indices into code-point indices. The record contract counts offsets in
 * code points; all stages work in {@code char} indices because that is what {@link String} indexes.
 * Vietnamese text is almost always in the Basic Multilingual Plane, so the common case is the
 * identity and costs nothing; only text with surrogate pairs (emoji, rare CJK) pays for a table.
 *
 * <p>Immutable; thread-safe.
 */
public final class CodePoints {
    private final int[] charToCodePoint; // null: identity

    private CodePoints(int[] table) {
        this.charToCodePoint = table;
    }

    public static CodePoints of(String text) {
        Validate.notNull(text, "text");
        int n = text.length();
        boolean surrogates = false;
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (!surrogates) {
            return new CodePoints(null);
        }
        int[] table = new int[n + 1];
        int cp = 0;
        for (int i = 0; i < n; i++) {
            table[i] = cp;
            if (!(Character.isHighSurrogate(text.charAt(i)) && i + 1 < n
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                cp++;
            }
        }
        table[n] = cp;
        return new CodePoints(table);
    }

    public boolean isIdentity() {
        return charToCodePoint == null;
    }

    /** The code-point index of the character at {@code charIndex} (or of the end, for {@code length()}). */
    public int toCodePoint(int charIndex) {
        return charToCodePoint == null ? charIndex : charToCodePoint[charIndex];
    }
}
