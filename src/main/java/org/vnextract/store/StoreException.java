package org.vnextract.store;

/**
 * A database failure while reading the store (server gone, file unreadable, schema mismatch): the
 * look-up commands print its message, the web server answers 500. Unchecked, so that callers
 * outside the store (the web) need not know JDBC.
 *
 * <p>Immutable; thread-safe.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
