package org.vnextract.internal;

import java.util.Collection;

/**
 * Argument checks for programmer errors. Each failure names the offending parameter, so a stack
 * trace says which call was wrong. Input problems (bad articles) are never reported through here:
 * they become warnings or {@code Rejected} values.
 *
 * <p>Stateless; thread-safe.
 */
public final class Validate {
    private Validate() {}

    public static <T> T notNull(T value, String param) {
        if (value == null) {
            throw new IllegalArgumentException("'" + param + "' must not be null");
        }
        return value;
    }

    public static String notEmpty(String value, String param) {
        notNull(value, param);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + param + "' must not be empty");
        }
        return value;
    }

    public static <C extends Collection<?>> C noNulls(C values, String param) {
        notNull(values, param);
        for (Object o : values) {
            if (o == null) {
                throw new IllegalArgumentException("'" + param + "' must not contain null");
            }
        }
        return values;
    }

    public static void isTrue(boolean condition, String param, String message) {
        if (!condition) {
            throw new IllegalArgumentException("'" + param + "' " + message);
        }
    }

    /**
     * As {@link #isTrue(boolean, String, String)} with two figures appended to the message ("were
     * 3, 2"), the message built only when the check fails: for checks made per token or mention.
     */
    public static void isTrue(boolean condition, String param, String message, int first, int second) {
        if (!condition) {
            throw new IllegalArgumentException("'" + param + "' " + message + first + ", " + second);
        }
    }

    /** Checks {@code 0 <= index < size} ("'token' out of range: 7"), the message built only when it fails. */
    public static int index(int index, int size, String param) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("'" + param + "' out of range: " + index);
        }
        return index;
    }

    public static int positive(int value, String param) {
        if (value <= 0) {
            throw new IllegalArgumentException("'" + param + "' must be positive, was " + value);
        }
        return value;
    }

    public static long positive(long value, String param) {
        if (value <= 0) {
            throw new IllegalArgumentException("'" + param + "' must be positive, was " + value);
        }
        return value;
    }

    /** Checks that {@code [start, end)} is a valid range of a sequence of the given length. */
    public static void range(int start, int end, int length, String param) {
        if (start < 0 || end < start || end > length) {
            throw new IllegalArgumentException(
                    "'" + param + "' range [" + start + ", " + end + ") is outside [0, " + length + ")");
        }
    }
}
