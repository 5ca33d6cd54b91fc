package org.vnextract.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.vnextract.internal.Validate;

/**
 * UTF-8 lines of a byte stream, each read whole up to a cap and never more: a line longer than
 * {@code maxChars} is cut there (the rest of it is skipped without being kept) and says so. Lines
 * end at {@code '\n'} ({@code "\r\n"} too); a last line without one is still a line. Invalid UTF-8
 * is replaced by U+FFFD and its first byte offset in the line is given, so the caller can warn.
 *
 * <p>Before a read that would block (nothing available), {@code beforeBlocking} runs: a program
 * reading a pipe can flush its output there, so each answer appears as soon as its line is read,
 * while a file is read without any flush.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class LineReader implements Closeable {
    /**
     * One line.
     * @param number   1-based
     * @param text     the line without its end, U+FFFD for invalid bytes
     * @param cut      the line was longer than the cap and was cut there
     * @param badByte  the offset of the first invalid UTF-8 byte in the line, or -1
     */
    public record Line(long number, String text, boolean cut, int badByte) {}

    private final InputStream in;
    private final int maxChars;
    private final int maxBytes;
    private final Runnable beforeBlocking;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1 << 12];
    private long number;
    private CharsetDecoder strict;

    public LineReader(InputStream in, int maxChars, Runnable beforeBlocking) {
        this.in = Validate.notNull(in, "in");
        this.maxChars = Validate.positive(maxChars, "maxChars");
        // a char of UTF-16 takes at most 3 bytes of UTF-8 (a 4-byte sequence is two chars)
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxChars);
        this.beforeBlocking = Validate.notNull(beforeBlocking, "beforeBlocking");
    }

    /** The per-line cap, in chars. */
    public int maxChars() {
        return maxChars;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int len = 0;
        boolean over = false;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            int take = Math.min(end - pos, maxBytes - len);
            if (take > 0) {
                if (len + take > line.length) {
                    line = Arrays.copyOf(line, Math.max(len + take, Math.min(maxBytes, line.length * 2)));
                }
                System.arraycopy(buf, pos, line, len, take);
                len += take;
            }
            if (end - pos > take) {
                over = true; // the rest of this line is skipped
            }
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        number++;
        if (len > 0 && line[len - 1] == '\r' && !over) {
            len--;
        }
        if (over) {
            len = sequenceBoundary(line, len);
        }
        String text = new String(line, 0, len, StandardCharsets.UTF_8);
        int bad = text.indexOf('\uFFFD') >= 0 ? firstInvalid(line, len) : -1;
        boolean cut = over;
        if (text.length() > maxChars) {
            int at = maxChars;
            if (Character.isLowSurrogate(text.charAt(at)) && Character.isHighSurrogate(text.charAt(at - 1))) {
                at--;
            }
            text = text.substring(0, at);
            cut = true;
        }
        return new Line(number, text, cut, bad);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (in.available() <= 0) {
            beforeBlocking.run();
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** {@code len}, moved back so that a multi-byte sequence cut by the cap is left out whole. */
    private static int sequenceBoundary(byte[] b, int len) {
        int i = len - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0 || (b[i] & 0x80) == 0) {
            return len;
        }
        int need = (b[i] & 0xE0) == 0xC0 ? 2 : (b[i] & 0xF0) == 0xE0 ? 3 : (b[i] & 0xF8) == 0xF0 ? 4 : 1;
        return len - i >= need ? len : i;
    }

    /** The offset of the first invalid byte, or -1 when the U+FFFD found was written in the text. */
    private int firstInvalid(byte[] b, int len) {
        if (strict == null) {
            strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
        try {
            strict.reset().decode(bb);
            return -1;
        } catch (CharacterCodingException e) {
            return bb.position();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
