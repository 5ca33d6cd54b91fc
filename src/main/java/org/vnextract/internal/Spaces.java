package org.vnextract.internal;

/**
 * White space as the cleaner and the text normaliser both read it: Java white space and the
 * no-break spaces news pages use (U+00A0, U+202F), plus what each caller also counts as a space.
 * One pass, one builder per call; no allocation per character.
 *
 * <p>Stateless; thread-safe.
 */
public final class Spaces {
    private Spaces() {}

    /** Java white space or a no-break space. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F';
    }

    /**
     * {@code s} with every run of spaces ({@link #isSpace}, or a character of {@code alsoSpace})
     * made one ' ', and none at either end.
     */
    public static String collapse(CharSequence s, String alsoSpace) {
        Validate.notNull(s, "s");
        Validate.notNull(alsoSpace, "alsoSpace");
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) || alsoSpace.indexOf(c) >= 0) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
