package org.vnextract.ingest;

import org.vnextract.internal.Validate;

/**
 * Limits that keep one bad source from taking the batch down.
 *
 * @param maxBytes       bytes per source (a file, or one JSON Lines line), after decompression
 * @param maxGzipRatio   largest decompressed/compressed size ratio accepted before a gzip stream is
 *                       treated as a bomb and rejected
 * @param lenientUtf8    a JSON Lines line with invalid UTF-8 is read with the bad bytes replaced by
 *                       U+FFFD and a warning, instead of being rejected
 */
public record IngestLimits(long maxBytes, int maxGzipRatio, boolean lenientUtf8) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_GZIP_RATIO = 200;

    public IngestLimits {
        Validate.positive(maxBytes, "maxBytes");
        Validate.positive(maxGzipRatio, "maxGzipRatio");
    }

    /** Strict UTF-8. */
    public IngestLimits(long maxBytes, int maxGzipRatio) {
        this(maxBytes, maxGzipRatio, false);
    }

    public static IngestLimits defaults() {
        return new IngestLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_GZIP_RATIO);
    }

    public IngestLimits withMaxBytes(long bytes) {
        return new IngestLimits(bytes, maxGzipRatio, lenientUtf8);
    }

    public IngestLimits withLenientUtf8(boolean lenient) {
        return new IngestLimits(maxBytes, maxGzipRatio, lenient);
    }
}
