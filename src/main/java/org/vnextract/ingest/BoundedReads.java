package org.vnextract.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads whole sources into memory without ever holding more than the limit: over-size files and
 * gzip bombs are detected while reading, never after inflating them.
 *
 * <p>Stateless; thread-safe.
 */
final class BoundedReads {
    private BoundedReads() {}

    /** Thrown when a source passes a limit; the message is the user-facing reason. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String reason) {
            super(reason);
        }
    }

    /** Thrown when a streamed gzip source inflates past its ratio: the rest of the source is not read. */
    static final class GzipBomb extends IOException {
        private static final long serialVersionUID = 1L;

        GzipBomb(String reason) {
            super(reason);
        }
    }

    /**
     * A gzip stream read lazily (JSON Lines), cut off once it has inflated to more than
     * {@code maxRatio} times {@code compressedSize}, or {@code floor} bytes if that is more: a bomb
     * of blank lines or of one endless line is never inflated to the end.
     */
    static InputStream ratioCapped(InputStream inflated, long compressedSize, int maxRatio, long floor) {
        long cap = Math.max(floor, compressedSize * maxRatio);
        return new java.io.FilterInputStream(inflated) {
            private long total;

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    count(1);
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = super.read(b, off, len);
                if (r > 0) {
                    count(r);
                }
                return r;
            }

            private void count(int n) throws GzipBomb {
                total += n;
                if (total > cap) {
                    throw new GzipBomb("decompressed content is over " + maxRatio + "x its compressed size of "
                            + compressedSize + " bytes (--max-gzip-ratio): a gzip bomb?");
                }
            }
        };
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /** Reads at most {@code limit} bytes; more is an error naming both sizes. */
    static byte[] readAll(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                throw new LimitExceeded(what + " is over the limit of " + limit + " bytes (--max-bytes)");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /** Inflates gzip data, refusing to go past {@code limit} bytes or {@code maxRatio} times its size. */
    static byte[] gunzip(byte[] compressed, long limit, int maxRatio) throws IOException {
        long ratioLimit = Math.max(1L << 20, (long) compressed.length * maxRatio);
        long cap = Math.min(limit, ratioLimit);
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed), 64 * 1024)) {
            return readAll(in, cap, cap == limit ? "decompressed content" : "decompressed content (over " + maxRatio
                    + "x its compressed size: a gzip bomb?)");
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("corrupt gzip data: " + e.getMessage(), e);
        }
    }
}
