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
import org.vnextract.pipeline.ModelSource;

/**
 * Decides how a source's bytes are decoded: a byte-order mark first, then a charset the source
 * declares (HTTP header, {@code <meta charset>}), then strict UTF-8, then windows-1258 for legacy
 * Vietnamese Windows pages (which no detector recognises; see ECOSYSTEM.md), with a warning.
 * Corrupt UTF-8 (mostly valid multi-byte sequences with some invalid bytes, or any valid ones with at most
 * four bad bytes) is rejected before any legacy guess, not guessed at;
 * a windows-1258 text where a tone mark before "…" or a quote happens to form a valid sequence is not.
 * UTF-16 without a byte-order mark is recognised by its NUL bytes. Bytes that are not UTF-8 are
 * scored as windows-1258 and as the legacy font encodings TCVN3 and VNI ({@link LegacyVietnamese});
 * the reading that makes the most Vietnamese syllables wins.
 *
 * <p>Every decoded text is then reviewed ({@link #review}): legacy TCVN3/VNI mojibake that was
 * already turned into Unicode is converted, decomposed (NFD) text composed, and mixed tone-mark
 * placement ("hoà" beside "hòa") noted. Each of these adds a warning for the record's provenance.
 *
 * <p>Immutable; thread-safe.
 */
public final class CharsetSniffer {
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final int META_SCAN_BYTES = 4096;
    private static final int UTF16_SCAN_BYTES = 4096;
    /** Marked words looked at for mixed tone-mark placement; enough to see both styles. */
    private static final int MAX_TONE_WORDS = 20_000;

    private final VietnameseSyllables syllables;
    private final LegacyVietnamese legacy;

    /** A sniffer with the encoding tables bundled in the jar. */
    public CharsetSniffer() {
        this(ModelSource.bundled());
    }

    public CharsetSniffer(ModelSource models) {
        Validate.notNull(models, "models");
        this.syllables = new VietnameseSyllables(models);
        this.legacy = new LegacyVietnamese(models, syllables);
    }

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
            return reviewed(strict(bytes, 3, StandardCharsets.UTF_8, warnings), true);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            warnings.add("source is UTF-16BE (byte-order mark); decoded");
            return reviewed(strict(bytes, 2, StandardCharsets.UTF_16BE, warnings), true);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            warnings.add("source is UTF-16LE (byte-order mark); decoded");
            return reviewed(strict(bytes, 2, StandardCharsets.UTF_16LE, warnings), true);
        }
        Charset utf16 = utf16ByNuls(bytes);
        if (utf16 != null) {
            warnings.add("source has no byte-order mark but the NUL bytes of " + utf16.name() + "; decoded as " + utf16.name());
            return reviewed(strict(bytes, 0, utf16, warnings), true);
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
            return reviewed(Decoded.ok(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, warnings), true);
        }
        if (declaredCs != null && !declaredCs.equals(StandardCharsets.UTF_8)) {
            // a TCVN3 or VNI page usually declares iso-8859-1 or windows-1252: review() finds it
            return reviewed(strict(bytes, 0, declaredCs, warnings), true);
        }
        if (mostlyUtf8(bytes)) {
            // UTF-8 with a few broken bytes (a cut download, a bad copy), not a legacy encoding: read as
            // TCVN3 or VNI its good letters would be garbled, and a short text can score as either
            return Decoded.fail("invalid UTF-8 at byte " + badUtf8);
        }
        String w1258 = java.text.Normalizer.normalize(new String(bytes, WINDOWS_1258), java.text.Normalizer.Form.NFC);
        LegacyVietnamese.Detection d = legacy.detect(LegacyVietnamese.byteView(bytes), legacy.scoreAsIs(w1258));
        if (d != null) {
            warnings.add(d.warning());
            return reviewed(new Decoded(d.text(), d.encoding().label(), List.copyOf(warnings), null), false);
        }
        if (looksVietnamese(w1258)) {
            warnings.add("not UTF-8; decoded as windows-1258 (legacy Vietnamese Windows encoding)");
            // windows-1258 writes tone marks as combining characters: composed here, not worth a warning of their own
            return reviewed(Decoded.ok(w1258, WINDOWS_1258, warnings), false);
        }
        return Decoded.fail("invalid UTF-8 at byte " + badUtf8 + " and no charset declared");
    }

    private Decoded reviewed(Decoded d, boolean lookForLegacy) {
        if (!d.ok()) {
            return d;
        }
        List<String> warnings = new ArrayList<>(d.warnings());
        // windows-1258 writes tone marks as combining characters by design: composed without a warning
        String text = review(d.text(), lookForLegacy, !WINDOWS_1258.name().equals(d.charset()), warnings);
        return new Decoded(text, d.charset(), List.copyOf(warnings), null);
    }

    /**
     * Reviews decoded text (a file's, or a JSON Lines field's): converts TCVN3/VNI mojibake when
     * {@code lookForLegacy}, composes decomposed (NFD) text, and notes mixed tone-mark placement,
     * adding a warning to {@code warnings} for each. Returns the text to use.
     */
    public String review(String text, boolean lookForLegacy, List<String> warnings) {
        Validate.notNull(text, "text");
        Validate.notNull(warnings, "warnings");
        return review(text, lookForLegacy, true, warnings);
    }

    private String review(String text, boolean lookForLegacy, boolean warnDecomposed, List<String> warnings) {
        String t = text;
        if (lookForLegacy && hasLatin1Letters(t)) {
            LegacyVietnamese.Detection d = legacy.detect(t, legacy.scoreAsIs(t));
            if (d != null) {
                warnings.add(d.warning());
                t = d.text();
            }
        }
        if (!java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFC)) {
            String c = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
            if (warnDecomposed && hasToneMarks(t)) {
                warnings.add("decomposed (NFD) Vietnamese text: tone and vowel marks were separate characters; composed to NFC");
            }
            t = c;
        }
        String mixed = mixedTonePlacement(t);
        if (mixed != null) {
            warnings.add(mixed);
        }
        return t;
    }

    private static boolean hasLatin1Letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xA0 && c <= 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasToneMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (VietnameseSyllables.isToneMark(s.charAt(i)) || s.charAt(i) == '\u0302' || s.charAt(i) == '\u031B'
                    || s.charAt(i) == '\u0306') {
                return true;
            }
        }
        return false;
    }

    /** A warning when the text writes some oa/oe/uy syllables old style (hoà) and some new style (hòa). */
    private String mixedTonePlacement(String s) {
        int oldStyle = 0;
        int newStyle = 0;
        String oldExample = null;
        String newExample = null;
        int words = 0;
        int n = s.length();
        int i = 0;
        while (i < n && words < MAX_TONE_WORDS) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean marked = false;
            while (i < n && Character.isLetter(s.charAt(i))) {
                marked |= s.charAt(i) >= 0x80;
                i++;
            }
            if (!marked || i - start > VietnameseSyllables.MAX_WORD) {
                continue;
            }
            words++;
            String w = s.substring(start, i);
            switch (syllables.tonePlacement(w)) {
                case OLD -> {
                    oldStyle++;
                    oldExample = oldExample == null ? w : oldExample;
                }
                case NEW -> {
                    newStyle++;
                    newExample = newExample == null ? w : newExample;
                }
                default -> { }
            }
        }
        if (oldStyle == 0 || newStyle == 0) {
            return null;
        }
        return "mixed tone-mark placement: " + oldStyle + " word(s) old style like '" + oldExample + "', " + newStyle
                + " new style like '" + newExample + "'; kept as written (matching treats them alike)";
    }

    /**
     * UTF-16 without a byte-order mark, told by its NUL bytes: text that is mostly ASCII or Latin
     * has a zero in every other byte, at odd offsets for little-endian, even for big-endian, and
     * (nearly) none at the others. Null when the bytes do not look like that.
     */
    public static Charset utf16ByNuls(byte[] b) {
        int n = Math.min(b.length, UTF16_SCAN_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        int even = 0;
        int odd = 0;
        int controlLe = 0; // a zero high byte with a control character: binary, not text
        int controlBe = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                even++;
                controlBe += isControl(b[i + 1]) ? 1 : 0;
            }
            if (b[i + 1] == 0) {
                odd++;
                controlLe += isControl(b[i]) ? 1 : 0;
            }
        }
        int pairs = n / 2;
        if (odd * 4 >= pairs && even * 20 <= odd && controlLe * 10 <= odd) {
            return StandardCharsets.UTF_16LE;
        }
        if (even * 4 >= pairs && odd * 20 <= even && controlBe * 10 <= even) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isControl(byte x) {
        return x >= 0 && x < 0x20 && x != '\n' && x != '\r' && x != '\t' && x != '\f';
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
        return firstInvalidUtf8(b, b.length);
    }

    /** As {@link #firstInvalidUtf8(byte[])}, over the first {@code n} bytes. */
    static int firstInvalidUtf8(byte[] b, int n) {
        int i = 0;
        while (i < n) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int len = sequenceAt(b, i, n);
            if (len == 0) {
                return i;
            }
            i += len;
        }
        return -1;
    }

    /** The length of the valid multi-byte UTF-8 sequence at {@code i} (before {@code n}), or 0. */
    private static int sequenceAt(byte[] b, int i, int n) {
        int c = b[i] & 0xFF;
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
            return 0;
        }
        if (i + len > n) {
            return 0;
        }
        int cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return len;
    }

    /**
     * Whether the bytes are UTF-8 damaged in places, not a legacy encoding: some valid multi-byte
     * sequences, and either at least as many bytes inside them as high bytes outside them, or no more
     * bad bytes than one corruption makes (at most four). Legacy Vietnamese (TCVN3, VNI, windows-1258)
     * writes its letters as single high bytes, which only now and then line up as a valid sequence (a
     * windows-1258 tone mark 0xCC, 0xD2 or 0xDE before "…" or a curly quote), among many that do not.
     * Checked before any legacy guess: a short text with one bad byte was taken for TCVN3 and garbled.
     */
    static boolean mostlyUtf8(byte[] b) {
        long inSequences = 0;
        long outside = 0;
        int i = 0;
        int n = b.length;
        while (i < n) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int len = sequenceAt(b, i, n);
            if (len > 0) {
                inSequences += len;
                i += len;
            } else {
                outside++;
                i++;
            }
        }
        // one broken or stray byte spoils at most four: a short text with one bad byte is still UTF-8
        return inSequences > 0 && (inSequences >= outside || outside <= 4);
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
