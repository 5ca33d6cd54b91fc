package org.vnextract.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.clean.BoilerplateRules;
import org.vnextract.clean.HtmlCleaner;
import org.vnextract.clean.TextCleaner;
import org.vnextract.cli.Main;
import org.vnextract.pipeline.ModelSource;
import picocli.CommandLine;

/**
 * Each limit of issue 9 through the CLI option that sets it: the limit holds, the source or
 * article says what was cut or skipped, and the batch goes on. (--max-bytes over a file, empty,
 * binary and malformed input: cli/BadInputTest.)
 */
class LimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENTENCE = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị sơ kết Nghị quyết số 21-NQ/TW. ";

    @TempDir
    Path dir;

    record Run(int exit, String err, List<JsonNode> records) {}

    private Run extract(String... args) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime() + ".jsonl");
        List<String> a = new ArrayList<>(List.of("extract", "-o", out.toString()));
        a.addAll(List.of(args));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(a.toArray(String[]::new));
        List<JsonNode> recs = new ArrayList<>();
        if (Files.exists(out)) {
            for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                recs.add(JSON.readTree(l));
            }
        }
        return new Run(code, err.toString(), recs);
    }

    private static List<String> warnings(JsonNode rec) {
        List<String> w = new ArrayList<>();
        rec.get("provenance").get("warnings").forEach(x -> w.add(x.asText()));
        return w;
    }

    private Path good() throws IOException {
        return Files.writeString(dir.resolve("good.txt"), SENTENCE, StandardCharsets.UTF_8);
    }

    @Test
    void maxCharsCutsTheArticle() throws IOException {
        Path f = Files.writeString(dir.resolve("long.txt"), SENTENCE.repeat(200), StandardCharsets.UTF_8);
        Run r = extract("--max-chars", "500", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rec = r.records().get(0);
        assertThat(rec.get("article").get("text").asText().length()).isLessThanOrEqualTo(500);
        assertThat(warnings(rec)).anyMatch(w -> w.contains("cut at the limit of 500 characters"));
    }

    @Test
    void maxSentenceTokensCutsLongSentences() throws IOException {
        Path f = Files.writeString(dir.resolve("s.txt"), "Hội nghị " + "và đại biểu ".repeat(400) + "kết thúc.", StandardCharsets.UTF_8);
        Run r = extract("--max-sentence-tokens", "50", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(warnings(r.records().get(0))).anyMatch(w -> w.contains("cut at the limit of tokens per sentence"));
    }

    @Test
    void maxHtmlDepthDropsDeeperContent() throws IOException {
        String page = "<html><body>" + "<div>".repeat(60) + "<p>" + SENTENCE + "</p>" + "</div>".repeat(60)
                + "<p>" + SENTENCE + SENTENCE + "</p></body></html>";
        Path f = Files.writeString(dir.resolve("deep.html"), page, StandardCharsets.UTF_8);
        Run r = extract("--max-html-depth", "20", f.toString(), good().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(warnings(r.records().get(0))).anyMatch(w -> w.startsWith("HTML nesting depth"));
        assertThat(r.records()).hasSize(2);
    }

    @Test
    void gzipRatioIsConfigurable() throws IOException {
        Path gz = dir.resolve("a.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            byte[] s = SENTENCE.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3 * 1024 * 1024 / s.length; i++) {
                o.write(s); // about 3 MB that squeeze to a few KB
            }
        }
        Run strict = extract("--max-gzip-ratio", "50", gz.toString(), good().toString());
        assertThat(strict.err()).contains(gz + ": decompressed content (over 50x its compressed size: a gzip bomb?)");
        assertThat(strict.records()).hasSize(1);
        Run lenient = extract("--max-gzip-ratio", "5000", gz.toString());
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.records()).hasSize(1);
        // the size limit holds for what a gzip source inflates to, whatever the ratio allows
        Run small = extract("--max-gzip-ratio", "5000", "--max-bytes", "1000000", gz.toString());
        assertThat(small.err()).contains(gz + ": decompressed content is over the limit of 1000000 bytes (--max-bytes)");
        assertThat(small.records()).isEmpty();
    }

    @Test
    void gzippedJsonLinesBombStopsThatFileOnly() throws IOException {
        Path gz = dir.resolve("bomb.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(("{\"id\":\"first\",\"text\":\"" + SENTENCE + "\"}\n").getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) '\n');
            for (int i = 0; i < 16; i++) {
                o.write(blank); // 16 MB of blank lines: each line is small, the stream is a bomb
            }
            o.write(("{\"id\":\"never\",\"text\":\"" + SENTENCE + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        // the ratio, not the size limit, stops it: 16 MB is under --max-bytes
        Run r = extract("--max-bytes", "100000", gz.toString(), good().toString());
        assertThat(r.err()).contains("gzip bomb?");
        assertThat(r.records().stream().map(n -> n.get("id").asText())).contains("first").doesNotContain("never");
        assertThat(r.records()).hasSize(2);
    }

    @Test
    void overSizeJsonLinesLineIsSkippedAndTheNextRead() throws IOException {
        Path f = dir.resolve("big.jsonl");
        Files.writeString(f, "{\"id\":\"big\",\"text\":\"" + "x".repeat(50_000) + "\"}\n{\"id\":\"small\",\"text\":\"" + SENTENCE + "\"}\n",
                StandardCharsets.UTF_8);
        Run r = extract("--max-bytes", "10000", f.toString());
        assertThat(r.err()).contains(f + ":1: line is over the limit of 10000 bytes (--max-bytes)");
        assertThat(r.records()).extracting(n -> n.get("id").asText()).containsExactly("small");
    }

    @Test
    void limitsBelowOneAreUsageErrors() throws IOException {
        for (String opt : List.of("--max-bytes", "--max-gzip-ratio", "--max-chars", "--max-html-depth", "--max-sentence-tokens")) {
            assertThat(extract(opt, "0", good().toString()).exit()).as(opt).isEqualTo(2);
        }
    }

    @Test
    void hundredThousandDeepHtmlNeitherOverflowsNorGoesQuadratic() {
        HtmlCleaner cleaner = new HtmlCleaner(ModelSource.bundled(), BoilerplateRules.load(ModelSource.bundled()), 512);
        String deep = nested(100_000);
        TextCleaner.Result r = cleaner.clean(deep, null);
        assertThat(r.article().paragraphs()).isNotEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("HTML nesting depth"));
        LinearTime.assertLinear("HTML cleaning by nesting depth", LimitsTest::nested, h -> cleaner.clean(h, null), 5_000, 20,
                LinearTime.SLACK);
    }

    /** {@code depth} nested divs, text at the top and at the bottom, half of them never closed. */
    static String nested(int depth) {
        StringBuilder sb = new StringBuilder(depth * 12 + 400);
        sb.append("<html><body><p>").append(SENTENCE).append(SENTENCE).append("</p>");
        sb.append("<div><span>".repeat(depth / 2)).append(SENTENCE).append("</span></div>".repeat(depth / 4));
        return sb.append("</body></html>").toString();
    }
}
