package org.vnextract.store;

/**
 * Turns the record's code-point offsets back into {@code char} indices of one text, clamped into
 * the text (a record from another tool may carry offsets past its end). Identity, at no cost, for
 * text without surrogate pairs, which is nearly all Vietnamese text.
 *
 * <p>Immutable; thread-safe.
 */
final class Offsets {
    private final String text;
    private final int[] cpToChar; // null: identity

    Offsets(String text) {
        this.text = text;
        int[] table = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                int n = text.codePointCount(0, text.length());
                table = new int[n + 1];
                int cp = 0;
                for (int c = 0; c < text.length(); c += Character.charCount(text.codePointAt(c))) {
                    table[cp++] = c;
                }
                table[n] = text.length();
                break;
            }
        }
        this.cpToChar = table;
    }

    int toChar(int cp) {
        if (cpToChar == null) {
            return Math.max(0, Math.min(cp, text.length()));
        }
        return cpToChar[Math.max(0, Math.min(cp, cpToChar.length - 1))];
    }

    int toCodePoint(int charIndex) {
        int c = Math.max(0, Math.min(charIndex, text.length()));
        return cpToChar == null ? c : text.codePointCount(0, c);
    }
}
