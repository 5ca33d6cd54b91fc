package org.vnextract.internal;

/**
 * White space as the cleaner and the text normaliser both read it: Java white space and the
 * no-break spaces news pages use (U+00A0, U+202F), plus what each caller also counts as a space.
 * {@link Collapser} does the collapsing one character at a time, so a caller that rewrites
 * characters as well (the text normaliser) needs one pass and one builder, not two.
 *
 * <p>Stateless; thread-safe. A {@link Collapser} is not.
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
        Collapser c = new Collapser(s.length(), alsoSpace);
        for (int i = 0; i < s.length(); i++) {
            c.append(s.charAt(i));
        }
        return c.toString();
    }

    /**
     * Builds a string from characters appended one by one, every run of spaces made one ' ' and
     * none at either end. Not thread-safe: one per call.
     */
    public static final class Collapser {
        private final StringBuilder sb;
        private final String alsoSpace;
        private boolean space;

        /** @param alsoSpace characters that count as spaces besides {@link #isSpace} */
        public Collapser(int capacity, String alsoSpace) {
            this.sb = new StringBuilder(capacity);
            this.alsoSpace = Validate.notNull(alsoSpace, "alsoSpace");
        }

        public void append(char c) {
            if (isSpace(c) || alsoSpace.indexOf(c) >= 0) {
                space = sb.length() > 0;
                return;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
