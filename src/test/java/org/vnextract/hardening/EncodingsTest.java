package org.vnextract.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnextract.ingest.CharsetSniffer;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.LegacyVietnamese;
import org.vnextract.ingest.LegacyVietnamese.Encoding;
import org.vnextract.ingest.VietnameseSyllables;
import org.vnextract.pipeline.ModelSource;

/**
 * The encodings of issue 9 over real Vietnamese: the bundled corpus's real articles ({@code corpus/seeds},
 * {@code corpus/heldout}) written in each encoding,
 * read back, must give the same Unicode with the warning that names the encoding; and text that is
 * real UTF-8 or windows-1258 is never taken for a legacy encoding.
 */
class EncodingsTest {
    /** Real articles in the repository (a fresh clone has them; the written samples are left out). */
    static final List<Path> CORPUS = List.of(Path.of("corpus", "seeds"), Path.of("corpus", "heldout"));
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Charset CP1258 = Charset.forName("windows-1258");

    static List<String> articles;
    static List<String> sentences;
    final CharsetSniffer sniffer = new CharsetSniffer();
    final VietnameseSyllables syllables = new VietnameseSyllables(ModelSource.bundled());
    final LegacyVietnamese legacy = new LegacyVietnamese(ModelSource.bundled(), syllables);

    @BeforeAll
    static void readCorpus() throws IOException {
        articles = new ArrayList<>();
        sentences = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : CORPUS) {
            try (Stream<Path> s = Files.list(dir)) {
                files.addAll(s.filter(x -> x.toString().endsWith(".txt")).sorted().toList());
            }
        }
        for (Path p : files) {
            // some articles write Đ as the lookalike eth Ð, which no legacy encoding has (TCVN3 reads its byte as é)
            String a = Normalizer.normalize(Files.readString(p, StandardCharsets.UTF_8), Normalizer.Form.NFC)
                    .replace('\u00D0', 'Đ').replace('\u00F0', 'đ');
            articles.add(a);
            for (String line : a.split("\n")) {
                for (String sent : line.split("(?<=[.!?])\\s+")) {
                    if (sent.strip().length() > 20) {
                        sentences.add(sent.strip());
                    }
                }
            }
        }
        assertThat(articles).hasSizeGreaterThan(20);
        assertThat(sentences).hasSizeGreaterThan(300);
    }

    /** TCVN3 has no capitals with tone marks; typists used the lower-case letter. */
    static String tcvn3Expected(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            boolean toned = d.chars().anyMatch(x -> x == 0x300 || x == 0x301 || x == 0x303 || x == 0x309 || x == 0x323);
            sb.append(Character.isUpperCase(c) && toned ? Character.toLowerCase(c) : c);
        }
        return sb.toString();
    }

    static String expected(Encoding e, String s) {
        return e == Encoding.TCVN3 ? tcvn3Expected(s) : s;
    }

    @Test
    void everyVietnameseLetterRoundTrips() {
        String lower = "aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ";
        for (Encoding e : Encoding.values()) {
            assertThat(legacy.decode(e, legacy.encode(e, lower))).as(e.name()).isEqualTo(lower);
            String upper = lower.toUpperCase(java.util.Locale.ROOT);
            assertThat(legacy.decode(e, legacy.encode(e, upper))).as(e.name()).isEqualTo(expected(e, upper));
            // every letter really became legacy bytes: nothing outside windows-1252 is left
            for (char c : legacy.encode(e, lower + upper).toCharArray()) {
                assertThat(LegacyVietnamese.byteOf(c)).as(e + " " + c).isNotNegative();
            }
        }
    }

    @Test
    void corpusSentencesRoundTripThroughLegacyBytes() {
        for (Encoding e : Encoding.values()) {
            int changed = 0;
            for (String s : sentences) {
                String view = legacy.encode(e, s);
                if (!view.equals(s)) {
                    changed++;
                }
                assertThat(legacy.decode(e, view)).as(e + ": " + s).isEqualTo(expected(e, s));
            }
            assertThat(changed).as(e.name()).isGreaterThan(sentences.size() * 9 / 10);
        }
    }

    @Test
    void knownMojibakeReadsAsVietnamese() {
        // how these encodings look in the wild, read as windows-1252
        assertThat(legacy.decode(Encoding.TCVN3, "§¶ng Céng s¶n ViÖt Nam")).isEqualTo("Đảng Cộng sản Việt Nam");
        assertThat(legacy.decode(Encoding.TCVN3, "Uû ban nh©n d©n tØnh")).isEqualTo("uỷ ban nhân dân tỉnh".replaceFirst("u", "U"));
        assertThat(legacy.decode(Encoding.VNI, "Ñaûng Coäng saûn Vieät Nam")).isEqualTo("Đảng Cộng sản Việt Nam");
        assertThat(legacy.decode(Encoding.VNI, "UÛy ban nhaân daân tænh")).isEqualTo("Ủy ban nhân dân tỉnh");
        // a mark byte of the other case (typed "Aù" for Á) still reads
        assertThat(legacy.decode(Encoding.VNI, "Aù")).isEqualTo("Á");
    }

    @Test
    void legacyFilesAreDetectedConvertedAndWarned() {
        for (Encoding e : Encoding.values()) {
            int n = 0;
            for (String a : articles) {
                byte[] bytes = legacy.encode(e, a).getBytes(CP1252);
                CharsetSniffer.Decoded d = sniffer.decode(bytes, ContentType.TEXT, null);
                assertThat(d.ok()).as(e + " " + d.error()).isTrue();
                assertThat(d.charset()).as(e + ": " + a.substring(0, 60)).isEqualTo(e.label());
                assertThat(d.text()).isEqualTo(expected(e, a));
                assertThat(d.warnings()).anyMatch(w -> w.startsWith("legacy " + e.label()));
                n++;
            }
            assertThat(n).isEqualTo(articles.size());
        }
    }

    @Test
    void legacyMojibakeAlreadyInUnicodeIsConverted() {
        // an archive that read a TCVN3 page as windows-1252 and saved it as UTF-8; a VNI page declared iso-8859-1
        String a = articles.get(0);
        byte[] utf8 = legacy.encode(Encoding.TCVN3, a).getBytes(StandardCharsets.UTF_8);
        CharsetSniffer.Decoded d = sniffer.decode(utf8, ContentType.TEXT, null);
        assertThat(d.text()).isEqualTo(tcvn3Expected(a));
        assertThat(d.warnings()).anyMatch(w -> w.startsWith("legacy TCVN3"));

        String html = "<html><head><meta charset=\"iso-8859-1\"><title>x</title></head><body><p>"
                + legacy.encode(Encoding.VNI, a) + "</p></body></html>";
        CharsetSniffer.Decoded h = sniffer.decode(html.getBytes(CP1252), ContentType.HTML, null);
        assertThat(h.text()).contains(a.substring(0, 40));
        assertThat(h.warnings()).anyMatch(w -> w.startsWith("legacy VNI"));
    }

    @Test
    void realUtf8IsNeverTakenForLegacy() {
        for (String a : articles) {
            CharsetSniffer.Decoded d = sniffer.decode(a.getBytes(StandardCharsets.UTF_8), ContentType.TEXT, null);
            assertThat(d.text()).isEqualTo(a);
            assertThat(d.warnings()).noneMatch(w -> w.startsWith("legacy"));
        }
        // single sentences too: the shortest texts give the detector the least to go on
        int checked = 0;
        for (String s : sentences) {
            List<String> w = new ArrayList<>();
            assertThat(sniffer.review(s, true, w)).isEqualTo(s);
            assertThat(w).as(s).noneMatch(x -> x.startsWith("legacy"));
            checked++;
        }
        assertThat(checked).isEqualTo(sentences.size());
    }

    @Test
    void realWindows1258IsNeverTakenForLegacy() {
        for (String a : articles) {
            CharsetSniffer.Decoded d = sniffer.decode(toneMarksApart(a).getBytes(CP1258), ContentType.TEXT, null);
            assertThat(d.ok()).as("%s… %s", a.substring(0, 60), d.error()).isTrue();
            assertThat(d.charset()).isEqualTo("windows-1258");
            assertThat(d.text()).isEqualTo(a);
        }
    }

    @Test
    void westernEuropeanTextIsNotVietnamese() {
        String[] latin1 = {
            "Le député a présenté hier à l'Assemblée un rapport détaillé sur la réforme de l'éducation nationale.",
            "Die Bürger der Stadt Köln wählten am Sonntag einen neuen Oberbürgermeister; über 60 % gingen zur Wahl.",
            "El presidente español habló con los periodistas después de la reunión del Consejo de Ministros.",
            "Açores, São Paulo e Coimbra: a comissão aprovou as alterações à lei orçamental na sexta-feira.",
        };
        for (String s : latin1) {
            CharsetSniffer.Decoded d = sniffer.decode(s.getBytes(CP1252), ContentType.TEXT, "windows-1252");
            assertThat(d.text()).isEqualTo(s);
            assertThat(d.warnings()).as(s).isEmpty();
            CharsetSniffer.Decoded u = sniffer.decode(s.getBytes(StandardCharsets.UTF_8), ContentType.TEXT, null);
            assertThat(u.text()).isEqualTo(s);
            assertThat(u.warnings()).as(s).isEmpty();
        }
    }

    @Test
    void utf16WithAndWithoutByteOrderMark() {
        String a = articles.get(1);
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            CharsetSniffer.Decoded bom = sniffer.decode(("\uFEFF" + a).getBytes(cs), ContentType.TEXT, null);
            assertThat(bom.text()).isEqualTo(a);
            assertThat(bom.warnings()).anyMatch(w -> w.contains(cs.name()));
            CharsetSniffer.Decoded bare = sniffer.decode(a.getBytes(cs), ContentType.TEXT, null);
            assertThat(bare.ok()).isTrue();
            assertThat(bare.text()).isEqualTo(a);
            assertThat(bare.warnings()).anyMatch(w -> w.contains("no byte-order mark") && w.contains(cs.name()));
        }
        // binary with NULs is still binary: no zero-every-other-byte pattern
        byte[] bin = new byte[4096];
        for (int i = 0; i < bin.length; i++) {
            bin[i] = (byte) (i % 3 == 0 ? 0 : i * 7);
        }
        assertThat(CharsetSniffer.utf16ByNuls(bin)).isNull();
    }

    @Test
    void decomposedTextIsComposedWithAWarning() {
        String a = articles.get(2);
        String nfd = Normalizer.normalize(a, Normalizer.Form.NFD);
        CharsetSniffer.Decoded d = sniffer.decode(nfd.getBytes(StandardCharsets.UTF_8), ContentType.TEXT, null);
        assertThat(d.text()).isEqualTo(a);
        assertThat(d.warnings()).anyMatch(w -> w.startsWith("decomposed (NFD)"));
        CharsetSniffer.Decoded n = sniffer.decode(a.getBytes(StandardCharsets.UTF_8), ContentType.TEXT, null);
        assertThat(n.warnings()).noneMatch(w -> w.startsWith("decomposed"));
    }

    @Test
    void mixedToneMarkPlacementIsNoted() {
        List<String> w = new ArrayList<>();
        String mixed = "Ông được bầu làm Chủ tịch Ủy ban Hòa bình; bà Thuý là Phó Chủ tịch Uỷ ban hoà giải.";
        assertThat(sniffer.review(mixed, true, w)).isEqualTo(mixed); // kept as written (RECORD.md)
        assertThat(w).anyMatch(x -> x.startsWith("mixed tone-mark placement"));
        for (String one : List.of("Chủ tịch Ủy ban hòa giải, bà Thúy, khỏe mạnh.", "Chủ tịch Uỷ ban hoà giải, bà Thuý, khoẻ mạnh.",
                "Quý vị, hoàn thành, thuyết phục, khoảng.")) {
            List<String> none = new ArrayList<>();
            sniffer.review(one, true, none);
            assertThat(none).as(one).isEmpty();
        }
        assertThat(syllables.tonePlacement("hoà")).isEqualTo(VietnameseSyllables.TonePlacement.OLD);
        assertThat(syllables.tonePlacement("hòa")).isEqualTo(VietnameseSyllables.TonePlacement.NEW);
        assertThat(syllables.tonePlacement("Ủy")).isEqualTo(VietnameseSyllables.TonePlacement.NEW);
        assertThat(syllables.tonePlacement("quý")).isEqualTo(VietnameseSyllables.TonePlacement.NONE);
    }

    @Test
    void syllableShapes() {
        for (String s : "nghiêng người quyết giữa gì Đảng Việt thuở khuya ươu xoong Ủy".split(" ")) {
            assertThat(syllables.isSyllable(s)).as(s).isTrue();
        }
        for (String s : "cac Céngx Vieät ñaûng street nghiêngg hoáà thx".split(" ")) {
            assertThat(syllables.isSyllable(s)).as(s).isFalse();
        }
    }

    @Test
    void everyEncodingReachesTheRecordWithItsWarning(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String a = articles.get(3);
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("a_tcvn3.txt", legacy.encode(Encoding.TCVN3, a).getBytes(CP1252));
        files.put("b_vni.txt", legacy.encode(Encoding.VNI, a).getBytes(CP1252));
        files.put("c_utf16le.txt", a.getBytes(StandardCharsets.UTF_16LE));
        files.put("d_utf16be_bom.txt", ("\uFEFF" + a).getBytes(StandardCharsets.UTF_16BE));
        files.put("e_nfd.txt", Normalizer.normalize(a, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8));
        files.put("f_cp1258.txt", toneMarksApart(a).getBytes(CP1258));
        files.put("g_utf8_bom.txt", ("\uFEFF" + a).getBytes(StandardCharsets.UTF_8));
        String[] expect = {"legacy TCVN3", "legacy VNI", "no byte-order mark", "UTF-16BE (byte-order mark)", "decomposed (NFD)",
            "windows-1258", null};
        for (var e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Path out = dir.resolve("out.jsonl");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.vnextract.cli.Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(cl.execute("extract", dir.toString(), "-o", out.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(files.size());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String firstWords = a.strip().substring(0, 12);
        for (int i = 0; i < lines.size(); i++) {
            var rec = json.readTree(lines.get(i));
            List<String> w = new ArrayList<>();
            rec.get("provenance").get("warnings").forEach(x -> w.add(x.asText()));
            String text = rec.get("article").get("text").asText();
            assertThat(text).as(lines.get(i)).contains(i == 0 ? tcvn3Expected(firstWords) : firstWords);
            if (expect[i] == null) {
                assertThat(w).noneMatch(x -> x.contains("encoding") || x.contains("byte-order") || x.contains("NFD"));
            } else {
                String want = expect[i];
                assertThat(w).as(rec.get("source").toString()).anyMatch(x -> x.contains(want));
            }
        }
    }

    /** The windows-1258 form: letters with their vowel marks precomposed, tone marks combining after. */
    static String toneMarksApart(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i <= d.length(); i++) {
            char c = i < d.length() ? d.charAt(i) : ' ';
            boolean mark = i < d.length() && Character.getType(c) == Character.NON_SPACING_MARK;
            if (!mark && base.length() > 0) {
                out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
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
}
