package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import picocli.CommandLine;

/** The {@code segment} and {@code eval-segment} commands, run in-process. */
class SegmentCommandTest {
    static final Path UD_TEST = Path.of("../shared/data/ud-vi-vtb/vi_vtb-ud-test.conllu");

    private static String[] run(String... args) {
        return runWithInput(null, args);
    }

    private static String[] runWithInput(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream saved = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin));
            }
            int code = cl.execute(args);
            return new String[] {Integer.toString(code), out.toString(), err.toString()};
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void oneLineInOneLineOutWithTheSentencesJoined(@TempDir Path dir) throws IOException {
        Segmenters.load(); // skips without the model files
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "Bí thư Tỉnh ủy Nguyễn Văn An phát biểu. Hội nghị kết thúc.\n\nÔng là TS.\n");
        String[] r = run("segment", f.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1].lines()).containsExactly("Bí_thư Tỉnh_ủy Nguyễn_Văn_An phát_biểu . Hội_nghị kết_thúc .", "", "Ông là TS.");
        String[] s = run("segment", "--sentences", f.toString());
        assertThat(s[1].lines()).containsExactly("Bí_thư Tỉnh_ủy Nguyễn_Văn_An phát_biểu .", "Hội_nghị kết_thúc .", "",
                "", "Ông là TS.", "");
    }

    /** Regression (issue 14, item 15): repeated lines were dropped as boilerplate and files ran together. */
    @Test
    void repeatedLinesAreKeptAndFilesFollowEachOtherLineByLine(@TempDir Path dir) throws IOException {
        Segmenters.load();
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        String repeated = "Theo báo Nhân Dân";
        Files.writeString(a, repeated + "\n" + repeated + "\n" + repeated); // no newline at the end
        Files.writeString(b, "Hội nghị kết thúc.\r\n" + repeated + "\n");
        String[] r = runWithInput("Đảng viên\n".getBytes(StandardCharsets.UTF_8), "segment", a.toString(), "-", b.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String seg = r[1].lines().findFirst().orElseThrow();
        assertThat(seg.replace('_', ' ')).isEqualTo(repeated);
        assertThat(r[1].lines()).containsExactly(seg, seg, seg, "Đảng_viên", "Hội_nghị kết_thúc .", seg);
    }

    /**
     * Workers segment lines in batches and the output keeps the input's order: with two and with
     * five threads the command prints what one thread prints, in every format, over the bundled
     * corpus's text files as lines (more lines than a batch, so batches finish out of order), with
     * a bad byte and an over-long line among them, and the same warnings.
     */
    @Test
    void threadsPrintWhatOneThreadPrints(@TempDir Path dir) throws IOException {
        Segmenters.load();
        StringBuilder lines = new StringBuilder();
        try (var walk = Files.walk(Path.of("corpus"))) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                for (String l : Files.readString(p, StandardCharsets.ISO_8859_1).split("\n")) {
                    lines.append(new String(l.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        Path f = dir.resolve("lines.txt");
        try (var out = Files.newOutputStream(f)) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'H', (byte) 0xFF, 'a', '\n'});
            out.write(("Đảng viên ".repeat(400) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(lines.toString().lines().count()).isGreaterThan(200);
        for (String format : new String[] {"--lines", "--sentences", "--jsonl"}) {
            String[] opts = format.equals("--lines") ? new String[0] : new String[] {format};
            String[] one = run(concat(new String[] {"segment", "--threads", "1", "--max-line-chars", "3000"}, opts, f.toString()));
            for (String threads : new String[] {"2", "5"}) {
                String[] many = run(concat(new String[] {"segment", "--threads", threads, "--max-line-chars", "3000"}, opts, f.toString()));
                assertThat(many[1]).as(format + " with " + threads + " threads").isEqualTo(one[1]);
                assertThat(many[2]).isEqualTo(one[2]);
                assertThat(many[0]).isEqualTo(one[0]).isEqualTo("3");
            }
        }
    }

    private static String[] concat(String[] head, String[] mid, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + mid.length + 1);
        System.arraycopy(mid, 0, all, head.length, mid.length);
        all[all.length - 1] = last;
        return all;
    }

    @Test
    void aLineOverTheCapIsCutWithAWarningAndBadBytesAreReplacedWithOne(@TempDir Path dir) throws IOException {
        Segmenters.load();
        Path f = dir.resolve("a.txt");
        byte[] bad = "Hội nghị \u00ff kết thúc\n".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 12] = (byte) 0xFF; // a lone byte where "ÿ" began
        try (var out = Files.newOutputStream(f)) {
            out.write("Bí thư Tỉnh ủy phát biểu tại hội nghị\n".getBytes(StandardCharsets.UTF_8));
            out.write(bad);
            out.write("Đảng viên\n".getBytes(StandardCharsets.UTF_8));
        }
        String[] r = run("segment", "--max-line-chars", "20", f.toString());
        assertThat(r[0]).isEqualTo("3");
        assertThat(r[1].lines()).hasSize(3);
        assertThat(r[1].lines().toList().get(0).replace('_', ' ')).isEqualTo("Bí thư Tỉnh ủy phát");
        assertThat(r[1].lines().toList().get(1)).contains("\uFFFD").startsWith("Hội_nghị");
        assertThat(r[1].lines().toList().get(2)).isEqualTo("Đảng_viên");
        assertThat(r[2].lines()).containsExactly(
                "vnextract: " + f + ":1: line longer than 20 characters, cut there",
                "vnextract: " + f + ":2: invalid UTF-8 at byte " + (bad.length - 12) + " of the line, replaced by U+FFFD");
        String[] missing = run("segment", dir.resolve("none.txt").toString(), f.toString());
        assertThat(missing[0]).isEqualTo("3");
        assertThat(missing[2]).contains("none.txt: cannot read: no such file or directory");
        assertThat(missing[1].lines()).hasSize(3);
    }

    @Test
    void jsonlGivesEachWordWithCodePointOffsetsIntoTheLine(@TempDir Path dir) throws IOException {
        Segmenters.load();
        Path f = dir.resolve("a.txt");
        List<String> lines = List.of("Ông \uD83D\uDE00 Nguyễn Văn An phát biểu. Hội nghị kết thúc.", "",
                "Ban Chấp hành Trung ương Đảng \"khóa XIII\"");
        Files.write(f, lines, StandardCharsets.UTF_8);
        String[] r = run("segment", "--jsonl", f.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<String> out = r[1].lines().toList();
        assertThat(out).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode rec = json.readTree(out.get(i));
            assertThat(rec.path("line").asInt()).isEqualTo(i + 1);
            assertThat(rec.path("source").asText()).isEqualTo(f.toString());
            String line = lines.get(i);
            int[] cps = line.codePoints().toArray();
            List<String> words = new ArrayList<>();
            for (JsonNode sentence : rec.path("sentences")) {
                for (JsonNode w : sentence) {
                    String text = new String(cps, w.path("start").asInt(), w.path("end").asInt() - w.path("start").asInt());
                    assertThat(text.replace(' ', '_')).isEqualTo(w.path("word").asText());
                    words.add(w.path("word").asText());
                }
            }
            assertThat(String.join(" ", words)).isEqualTo(run("segment", f.toString())[1].lines().toList().get(i));
        }
        assertThat(json.readTree(out.get(0)).path("sentences")).hasSize(2);
    }

    /**
     * UD Vietnamese-VTB test through the command itself: each gold sentence's syllables as a line
     * of a file, {@code vnextract segment FILE} as a user runs it, and its printed output scored.
     */
    @Test
    void udVtbTestSetThroughTheCommandKeepsEverySyllableAndScoresF1AtLeast0983(@TempDir Path dir) throws IOException {
        Segmenters.load();
        assumeTrue(Files.isRegularFile(UD_TEST), "UD VTB test split not found at " + UD_TEST.toAbsolutePath());
        List<SegmentEval.GoldSentence> gold = SegmentEval.read(UD_TEST);
        Path input = dir.resolve("vtb-test.txt");
        Files.write(input, gold.stream().map(SegmentEval::text).toList(), StandardCharsets.UTF_8);
        String[] r = run("segment", input.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<String> printed = r[1].lines().toList();
        assertThat(printed).hasSize(gold.size());
        SegmentEval.OutputResult o = SegmentEval.evaluateOutput(gold, printed);
        assertThat(o.lostSentences()).as("sentences that lost or changed a syllable").isZero();
        System.out.printf("segment command on UD VTB test: P %.4f R %.4f F1 %.4f%n",
                o.result().precision(), o.result().recall(), o.result().f1());
        assertThat(o.result().f1()).isGreaterThanOrEqualTo(0.983);
        String[] via = run("eval-segment", "--via-command", UD_TEST.toString());
        assertThat(via[0]).isEqualTo("0");
        assertThat(via[1]).contains(String.format(java.util.Locale.ROOT, "F1 %.4f", o.result().f1()))
                .contains("lost or changed a syllable: 0");
    }

    @Test
    void scoringPrintedOutputFindsALostSyllable() {
        List<SegmentEval.GoldSentence> gold = List.of(
                new SegmentEval.GoldSentence(List.of("Bí", "thư", "phát", "biểu", "."), new boolean[] {true, false, true, false, true}));
        SegmentEval.OutputResult right = SegmentEval.evaluateOutput(gold, List.of("Bí_thư phát_biểu ."));
        assertThat(right.lostSentences()).isZero();
        assertThat(right.result().f1()).isEqualTo(1.0);
        SegmentEval.OutputResult split = SegmentEval.evaluateOutput(gold, List.of("Bí thư phát_biểu ."));
        assertThat(split.result().correct()).isEqualTo(1);
        assertThat(split.result().predicted()).isEqualTo(3);
        assertThat(SegmentEval.evaluateOutput(gold, List.of("Bí_thư phát .")).lostSentences()).isEqualTo(1);
    }

    @Test
    void evalSegmentPrintsScores(@TempDir Path dir) throws IOException {
        Segmenters.load();
        Path conllu = dir.resolve("t.conllu");
        Files.writeString(conllu, "1\tBí thư\t_\t_\t_\t_\t0\troot\t_\t_\n2\tphát biểu\t_\t_\t_\t_\t1\tdep\t_\t_\n\n");
        String[] r = run("eval-segment", conllu.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("2 gold words").contains("F1 1.0000");
        assertThat(run("eval-segment", dir.resolve("missing.conllu").toString())[0]).isEqualTo("2");
    }
}
