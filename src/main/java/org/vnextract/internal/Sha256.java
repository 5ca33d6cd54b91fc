package org.vnextract.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. Stateless; thread-safe (a new digest per call). */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] bytes) {
        Validate.notNull(bytes, "bytes");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The record id of a source without a caller's id: the first 16 hex digits of its digest. */
    public static String recordId(byte[] sourceBytes) {
        return hex(sourceBytes).substring(0, 16);
    }
}
