package org.vnextract.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {
    private static final String VI = "Đồng chí Châu Ngọc Tuấn, Phó Bí thư Thường trực Tỉnh ủy chủ trì buổi làm việc.";
    private final CharsetSniffer sniffer = new CharsetSniffer();

    @Test
    void utf8WithAndWithoutBom() {
        byte[] b = VI.getBytes(StandardCharsets.UTF_8);
        assertThat(sniffer.decode(b, ContentType.TEXT, null).text()).isEqualTo(VI);
        byte[] bom = new byte[b.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(b, 0, bom, 3, b.length);
        assertThat(sniffer.decode(bom, ContentType.TEXT, null).text()).isEqualTo(VI);
    }

    @Test
    void utf16ByBom() {
        byte[] le = ("\uFEFF" + VI).getBytes(StandardCharsets.UTF_16LE);
        byte[] be = ("\uFEFF" + VI).getBytes(StandardCharsets.UTF_16BE);
        assertThat(sniffer.decode(le, ContentType.TEXT, null).text()).isEqualTo(VI);
        assertThat(sniffer.decode(be, ContentType.TEXT, null).text()).isEqualTo(VI);
    }

    @Test
    void windows1258FallbackWarns() {
        Charset cp = Charset.forName("windows-1258");
        // windows-1258 writes tone marks as combining characters
        byte[] b = toneMarksApart(VI).getBytes(cp);
        CharsetSniffer.Decoded d = sniffer.decode(b, ContentType.TEXT, null);
        assertThat(d.ok()).isTrue();
        assertThat(java.text.Normalizer.normalize(d.text(), java.text.Normalizer.Form.NFC)).isEqualTo(VI);
        assertThat(d.warnings()).anyMatch(w -> w.contains("windows-1258"));
    }

    /** The windows-1258 form: letters with their vowel marks precomposed, tone marks combining after. */
    static String toneMarksApart(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i <= d.length(); i++) {
            char c = i < d.length() ? d.charAt(i) : ' ';
            boolean mark = i < d.length() && Character.getType(c) == Character.NON_SPACING_MARK;
            if (!mark && base.length() > 0) {
                out.append(java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFC)).append(tones);
                base.setLength(0);
                tones.setLength(0);
            }
            if (i == d.length()) {
                break;
            }
            if (mark && "\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0) {
                tones.append(c);
            } else {
                base.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void declaredMetaCharsetIsUsed() {
        Charset cp = Charset.forName("windows-1258");
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>"
                + toneMarksApart(VI) + "</body></html>";
        CharsetSniffer.Decoded d = sniffer.decode(html.getBytes(cp), ContentType.HTML, null);
        assertThat(d.charset()).isEqualTo("windows-1258");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void windows1258WithAToneMarkBeforeAnEllipsisIsNotCorruptUtf8() {
        // found in corpus/seeds/002 and corpus/heldout/h005: "đề…" is e, 0xCC (grave), 0x85 (…): a valid UTF-8 pair
        Charset cp = Charset.forName("windows-1258");
        for (String s : List.of(VI + " Chuyên đề… Các đại biểu", VI + " Bà nói: “Chỉ” là chỉ.", VI + " Địa chỉ… Tuy nhiên")) {
            CharsetSniffer.Decoded d = sniffer.decode(toneMarksApart(s).getBytes(cp), ContentType.TEXT, null);
            assertThat(d.ok()).as(d.error()).isTrue();
            assertThat(d.charset()).isEqualTo("windows-1258");
            assertThat(d.text()).isEqualTo(s);
        }
    }

    @Test
    void corruptUtf8IsRejectedWithTheOffset() {
        byte[] b = (VI + "x").getBytes(StandardCharsets.UTF_8);
        b[b.length - 1] = (byte) 0xE1; // truncated three-byte sequence
        CharsetSniffer.Decoded d = sniffer.decode(b, ContentType.TEXT, null);
        assertThat(d.ok()).isFalse();
        assertThat(d.error()).isEqualTo("invalid UTF-8 at byte " + (b.length - 1));
    }

    /**
     * Issue 14, item 14: a short UTF-8 text with one bad byte was taken for TCVN3 or VNI and garbled
     * (63 of these 1,704 corruptions before). Now a text that still holds a valid multi-byte letter is
     * rejected as invalid UTF-8, wherever the bad byte falls and whatever it is.
     */
    @Test
    void shortUtf8WithOneBadByteIsRejectedNotTakenForALegacyEncoding() {
        CharsetSniffer cs = new CharsetSniffer();
        String[] texts = {"Ông là TS.", "Hội nghị.", "Đảng ủy họp.", "Bí thư Tỉnh ủy", "Xã hội", "Tin tức",
            "Chủ tịch UBND tỉnh Gia Lai phát biểu.", "Ngày 20-7, Đảng ủy Khối tổ chức hội nghị sơ kết."};
        int[] bad = {0xFF, 0x80, 0xC3, 0xE1, 0xA9, 0xB8, 0xF5, 0xC0};
        java.util.List<String> garbled = new java.util.ArrayList<>();
        for (String t : texts) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            for (int x : bad) {
                for (int pos = 0; pos <= b.length; pos++) {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, pos);
                    c[pos] = (byte) x;
                    System.arraycopy(b, pos, c, pos + 1, b.length - pos);
                    boolean keepsALetter = new String(c, StandardCharsets.UTF_8).chars().anyMatch(ch -> ch >= 0x80 && ch != 0xFFFD);
                    CharsetSniffer.Decoded d = cs.decode(c, ContentType.TEXT, null);
                    if (keepsALetter && d.ok()) {
                        garbled.add(t + " with 0x" + Integer.toHexString(x) + " at " + pos + " -> " + d.text());
                    }
                    if (keepsALetter) {
                        assertThat(d.error()).as(t).startsWith("invalid UTF-8 at byte ");
                    }
                }
            }
        }
        assertThat(garbled).isEmpty();
    }
}
