package org.vnextract.ingest;

import org.vnextract.internal.Validate;

/**
 * A source that yields no record, with the reason in words a user can act on ("empty", "binary
 * content", "2 097 152 bytes, over the limit of 1 048 576"). The CLI prints it as
 * {@code vnextract: SOURCE: REASON}; the batch goes on.
 */
public record Rejected(String source, String reason, Throwable cause) implements IngestResult {
    /** @param cause the exception behind an internal error (its stack trace is shown under {@code -vv}), or null */
    public Rejected {
        Validate.notEmpty(source, "source");
        Validate.notEmpty(reason, "reason");
    }

    public Rejected(String source, String reason) {
        this(source, reason, null);
    }
}
