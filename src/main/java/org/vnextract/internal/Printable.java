package org.vnextract.internal;

/**
 * Makes text from outside (file names, JSON fields, exception messages) safe to print on one
 * terminal line: control characters, line and paragraph separators and the bidirectional
 * overrides are written as escapes ({@code \n}, {@code \e}, {@code \x07}, {@code \u202E}), so a
 * file name with a newline cannot forge a second error line and one with ESC sequences cannot
 * drive the terminal. Every message that names a source goes through {@link #escape}.
 *
 * <p>Stateless; thread-safe.
 */
public final class Printable {
    private Printable() {}

    /** {@code s} with every unprintable character escaped; {@code "null"} for null. */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        int n = s.length();
        int i = 0;
        while (i < n && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x1B -> sb.append("\\e");
                default -> {
                    if (c < 0x100) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** C0 and C1 controls, DEL, line/paragraph separators, bidi marks, embeddings, overrides and isolates, the BOM. */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0xFEFF;
    }
}
