package org.vnextract.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a page's publication time in the form of RECORD.md ({@code 2023-11-05T13:45:00+07:00} or
 * {@code 2023-11-05}), whatever form the page used: fractions of a second and a space before the
 * offset ("2026-03-07T08:06:11.000 +07:00"), an offset without its colon ("+0700"), "Z", or none (a
 * Vietnamese outlet's local time, +07:00). A value it cannot read is returned as it was.
 *
 * <p>The pattern is anchored and bounded (input over {@value #MAX} characters is returned as is).
 * Stateless; thread-safe.
 */
final class Published {
    private static final int MAX = 64;
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d{1,9})?\\s?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private Published() {}

    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX) {
            return value;
        }
        Matcher m = TIMESTAMP.matcher(v);
        if (!m.matches()) {
            return value;
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        String seconds = m.group(4) == null ? "00" : m.group(4);
        String offset = m.group(5);
        if (offset == null) {
            offset = "+07:00";
        } else if (offset.equals("Z")) {
            offset = "+00:00";
        } else if (offset.length() == 5) {
            offset = offset.substring(0, 3) + ":" + offset.substring(3);
        }
        return m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + seconds + offset;
    }
}
