package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives one error line naming the source and the reason, no record, and
 * the batch goes on: the good inputs' records are all present (issue 2, "Must show").
 */
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "Sáng 20-7, Đảng ủy Khối tổ chức hội nghị sơ kết. Đồng chí Nguyễn Văn An chủ trì.\n";

    @TempDir
    Path dir;

    private List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void eachBadKindIsReportedAndTheGoodOnesAreWritten() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("a_good.txt"), GOOD, StandardCharsets.UTF_8);
        Files.write(in.resolve("b_empty.txt"), new byte[0]);
        Files.write(in.resolve("c_binary.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.write(in.resolve("d_nul.txt"), "abc\0\0\0def".getBytes(StandardCharsets.UTF_8));
        byte[] valid = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[valid.length + 2];
        System.arraycopy(valid, 0, broken, 0, valid.length);
        broken[valid.length] = (byte) 0xC3; // a lead byte with no continuation
        broken[valid.length + 1] = (byte) 0x28;
        Files.write(in.resolve("e_invalid_utf8.txt"), broken);
        try (OutputStream o = Files.newOutputStream(in.resolve("f_big.txt"))) {
            byte[] line = GOOD.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50 * 1024 * 1024 / line.length + 1; i++) {
                o.write(line);
            }
        }
        Files.copy(Path.of("src/test/resources/ingest/mixed.jsonl"), in.resolve("g_mixed.jsonl"));
        Files.writeString(in.resolve("h_blank.txt"), "  \n\t\n ", StandardCharsets.UTF_8);
        Files.createSymbolicLink(in.resolve("i_dangling.txt"), in.resolve("nowhere.txt"));
        Path unreadable = Files.writeString(in.resolve("j_unreadable.txt"), GOOD, StandardCharsets.UTF_8);
        boolean canDenyRead = unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable);
        Files.writeString(in.resolve("k_good.txt"), GOOD.replace("20-7", "21-7"), StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");

        Cli r = Cli.run("extract", in.toString(), "-o", out.toString(), "--max-bytes", "10000000");

        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        String e = r.err();
        assertThat(e).contains("vnextract: " + in.resolve("b_empty.txt") + ": empty");
        assertThat(e).contains("vnextract: " + in.resolve("c_binary.html") + ": binary content (PNG image)");
        assertThat(e).contains("vnextract: " + in.resolve("d_nul.txt") + ": binary content (NUL bytes)");
        assertThat(e).contains("vnextract: " + in.resolve("e_invalid_utf8.txt") + ": invalid UTF-8 at byte " + valid.length);
        assertThat(e).contains("vnextract: " + in.resolve("f_big.txt") + ": source is over the limit of 10000000 bytes (--max-bytes)");
        assertThat(e).contains("vnextract: " + in.resolve("g_mixed.jsonl") + ":2: malformed JSON");
        assertThat(e).contains("vnextract: " + in.resolve("g_mixed.jsonl") + ":3: no 'text' or 'html' field");
        assertThat(e).contains("vnextract: " + in.resolve("g_mixed.jsonl") + ":4: not a JSON object");
        assertThat(e).contains("vnextract: " + in.resolve("h_blank.txt") + ": empty (white space only)");
        assertThat(e).contains("vnextract: " + in.resolve("i_dangling.txt") + ": no such file or directory");
        if (canDenyRead) {
            assertThat(e).contains("vnextract: " + unreadable + ": cannot read: permission denied");
        }
        long errorLines = e.lines().filter(l -> l.startsWith("vnextract: ")).count();
        assertThat(errorLines).isEqualTo(canDenyRead ? 11 : 10);

        List<JsonNode> recs = records(out);
        List<String> ids = recs.stream().map(n -> n.get("id").asText()).toList();
        assertThat(ids).contains("ok-1", "ok-2");
        assertThat(recs).hasSize(canDenyRead ? 4 : 5); // a_good, ok-1, ok-2, k_good (+ j when root reads it)
        assertThat(recs.get(0).get("source").get("uri").asText()).endsWith("a_good.txt");
        assertThat(recs.get(recs.size() - 1).get("source").get("uri").asText()).endsWith("k_good.txt");
    }

    @Test
    void gzipBombIsRejectedWithoutInflatingIt() throws Exception {
        Path bomb = dir.resolve("bomb.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 200; i++) {
                o.write(zeros);
            }
        }
        Path good = Files.writeString(dir.resolve("good.txt"), GOOD, StandardCharsets.UTF_8);
        Path out = dir.resolve("o.jsonl");
        Cli r = Cli.run("extract", bomb.toString(), good.toString(), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(r.err()).contains("vnextract: " + bomb + ": decompressed content");
        assertThat(records(out)).hasSize(1);
    }

    @Test
    void gzippedSourcesAreRead() throws Exception {
        Path gz = dir.resolve("a.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(GOOD.getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("o.jsonl");
        Cli r = Cli.run("extract", gz.toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(records(out).get(0).get("article").get("text").asText()).contains("Nguyễn Văn An");
    }

    @Test
    void aFailedRunLeavesTheOldOutputInPlace() throws Exception {
        Path out = Files.writeString(dir.resolve("o.jsonl"), "old\n");
        Cli r = Cli.run("extract", dir.resolve("missing.txt").toString(), "-o", out.toString(), "--models", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(out)).isEqualTo("old\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Cli.run("extract").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("extract", "--threads", "0", "x").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("nonsense").exit()).isEqualTo(ExitCodes.USAGE);
    }

    /** Issue 14, item 1: an academic title ending the text ("Ông là TS.") threw inside the officials rules; the article lost its record. */
    @Test
    void academicTitleAtTheEndOfTheTextKeepsItsRecord() throws Exception {
        Path t = Files.writeString(dir.resolve("t.txt"), "Ông là TS.", StandardCharsets.UTF_8);
        Path u = Files.writeString(dir.resolve("u.txt"), "Bà Lê Thị Hoa là Tiến sĩ\nÔng là GS.", StandardCharsets.UTF_8);
        Cli r = Cli.run("extract", t.toString(), u.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).hasSize(2);
    }
}
