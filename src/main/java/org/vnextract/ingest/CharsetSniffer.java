package org.vnextract.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnextract.internal.Validate;

/**
 * Decides how a source's bytes are decoded: a byte-order mark first, then a charset the source
 * declares (HTTP header, {@code <meta charset>}), then strict UTF-8, then windows-1258 for legacy
 * Vietnamese Windows pages (which no detector recognises; see ECOSYSTEM.md), with a warning.
 * Corrupt UTF-8 (valid multi-byte sequences mixed with invalid ones) is rejected, not guessed at.
 *
 * <p>Stateless; thread-safe.
 */
public final class CharsetSniffer {
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final int META_SCAN_BYTES = 4096;

    /** The outcome: decoded text with the charset used and any warnings, or the reason it failed. */
    public record Decoded(String text, String charset, List<String> warnings, String error) {
        public boolean ok() {
            return error == null;
        }

        static Decoded ok(String text, Charset cs, List<String> warnings) {
            return new Decoded(text, cs.name(), List.copyOf(warnings), null);
        }

        static Decoded fail(String error) {
            return new Decoded(null, null, List.of(), error);
        }
    }

    public Decoded decode(byte[] bytes, ContentType type, String declaredCharset) {
        Validate.notNull(bytes, "bytes");
        Validate.notNull(type, "type");
        List<String> warnings = new ArrayList<>();
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8, warnings);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE, warnings);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE, warnings);
        }
        String declared = declaredCharset;
        if (declared == null && type == ContentType.HTML) {
            declared = metaCharset(bytes);
        }
        Charset declaredCs = declared == null ? null : lookup(declared);
        if (declared != null && declaredCs == null) {
            warnings.add("unknown declared charset '" + declared + "', ignored");
        }
        int badUtf8 = firstInvalidUtf8(bytes);
        if (badUtf8 < 0) {
            if (declaredCs != null && !isUtf8Compatible(declaredCs) && hasHighBytes(bytes)) {
                // valid UTF-8 that declares something else: the declaration is stale, the bytes win
                warnings.add("declared charset " + declared + " but the content is valid UTF-8; read as UTF-8");
            }
            return Decoded.ok(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, warnings);
        }
        if (declaredCs != null && !declaredCs.equals(StandardCharsets.UTF_8)) {
            return strict(bytes, 0, declaredCs, warnings);
        }
        if (hasValidMultibyteUtf8(bytes)) {
            return Decoded.fail("invalid UTF-8 at byte " + badUtf8);
        }
        String legacy = new String(bytes, WINDOWS_1258);
        if (looksVietnamese(legacy)) {
            warnings.add("not UTF-8; decoded as windows-1258 (legacy Vietnamese Windows encoding)");
            return Decoded.ok(legacy, WINDOWS_1258, warnings);
        }
        return Decoded.fail("invalid UTF-8 at byte " + badUtf8 + " and no charset declared");
    }

    private static Decoded strict(byte[] bytes, int offset, Charset cs, List<String> warnings) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = dec.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Decoded.ok(out.toString(), cs, warnings);
        } catch (CharacterCodingException e) {
            return Decoded.fail("content is not valid " + cs.name());
        }
    }

    private static Charset lookup(String name) {
        try {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("utf8")) {
                n = "utf-8";
            }
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean isUtf8Compatible(Charset cs) {
        return cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII);
    }

    private static boolean hasHighBytes(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first byte that breaks UTF-8, or -1 if all of it is valid. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + len > n) {
                return i;
            }
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += len;
        }
        return -1;
    }

    private static boolean hasValidMultibyteUtf8(byte[] b) {
        int n = b.length;
        for (int i = 0; i + 1 < n; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0xC2 && c <= 0xDF && (b[i + 1] & 0xC0) == 0x80) {
                return true;
            }
            if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
                return true;
            }
        }
        return false;
    }

    /** windows-1258 text of Vietnamese uses its letters ă â đ ê ô ơ ư or its combining tone marks. */
    private static boolean looksVietnamese(String s) {
        int hits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ă', 'Ă', 'â', 'Â', 'đ', 'Đ', 'ê', 'Ê', 'ô', 'Ô', 'ơ', 'Ơ', 'ư', 'Ư',
                        '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' -> hits++;
                default -> { }
            }
        }
        return hits >= 3 || (hits > 0 && s.length() < 60);
    }

    /** The charset named by {@code <meta charset>} or {@code http-equiv} in the first 4 KB, else null. */
    static String metaCharset(byte[] bytes) {
        int n = Math.min(bytes.length, META_SCAN_BYTES);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int i = head.indexOf("charset", from);
            if (i < 0) {
                return null;
            }
            int j = i + 7;
            while (j < head.length() && (head.charAt(j) == ' ' || head.charAt(j) == '\t')) {
                j++;
            }
            if (j < head.length() && head.charAt(j) == '=') {
                j++;
                while (j < head.length() && (head.charAt(j) == ' ' || head.charAt(j) == '"' || head.charAt(j) == '\'')) {
                    j++;
                }
                int k = j;
                while (k < head.length() && isCharsetChar(head.charAt(k))) {
                    k++;
                }
                if (k > j) {
                    return head.substring(j, k);
                }
            }
            from = i + 7;
        }
    }

    private static boolean isCharsetChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
