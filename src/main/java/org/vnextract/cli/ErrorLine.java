package org.vnextract.cli;

import org.vnextract.internal.Printable;

/**
 * The one shape of every error line: {@code vnextract: SOURCE: REASON}, with the source and the
 * reason escaped ({@link Printable}), so that whatever a file is called the message stays one line
 * and reaches the terminal as text.
 *
 * <p>Stateless; thread-safe.
 */
public final class ErrorLine {
    private ErrorLine() {}

    /** @param source what the line is about, or null for the run as a whole */
    public static String of(String source, String reason) {
        return source == null ? "vnextract: " + Printable.escape(reason)
                : "vnextract: " + Printable.escape(source) + ": " + Printable.escape(reason);
    }
}
