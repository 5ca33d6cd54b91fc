package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults of issue 14 ("Nothing lost, nothing silent"), each through the real command line:
 * in this JVM where that is enough, in a JVM of its own where the fault lives outside it (standard
 * output that is full or closed, a locale that cannot spell a file name). One way to fail: one line
 * {@code vnextract: SOURCE: REASON} per problem, escaped, and no stack trace unless {@code -vv}.
 */
class FaultsTest {
    static final String GOOD = "Sáng 20-7, Đảng ủy Khối tổ chức hội nghị sơ kết. Đồng chí Nguyễn Văn An chủ trì.\n";

    @TempDir
    Path dir;

    /** What a child vnextract did. */
    record Child(int exit, String err) {}

    /** Runs vnextract in a JVM of its own, with extra environment and standard output sent to {@code stdout}. */
    private Child child(Map<String, String> env, ProcessBuilder.Redirect stdout, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File(".").getAbsoluteFile())
                .redirectOutput(stdout).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the child ends").isTrue();
        return new Child(p.exitValue(), Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static void oneLineNoStackTrace(String err) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith("vnextract: ").doesNotContain("\tat ").doesNotContain("Exception");
    }

    private Path good(String name) throws IOException {
        return Files.writeString(dir.resolve(name), GOOD, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- item 2: link loops

    @Test
    void aDirectoryWithTwoLinkLoopsGivesEachRecordOnce() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), GOOD, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), GOOD.replace("20-7", "21-7"), StandardCharsets.UTF_8);
        Path sub = Files.createDirectory(in.resolve("sub"));
        Files.writeString(sub.resolve("c.txt"), GOOD.replace("20-7", "22-7"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(in.resolve("loop1"), Path.of("."));
        Files.createSymbolicLink(in.resolve("loop2"), Path.of("."));
        Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(in.resolve("same.txt"), Path.of("a.txt"));
        Cli r = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Cli.run("extract", "-q", in.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> uris = EndToEndTest.parse(r.out()).stream().map(n -> n.get("source").get("uri").asText()).toList();
        assertThat(uris).hasSize(3);
        assertThat(uris.get(0)).endsWith("a.txt");
        assertThat(uris.get(1)).endsWith("b.txt");
        assertThat(uris.get(2)).endsWith("c.txt");
    }

    // ---------------------------------------------------------------- item 4: write errors

    @Test
    void standardOutputToAFullDeviceFailsTheRun() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Path in = good("a.txt");
        Child c = child(Map.of(), ProcessBuilder.Redirect.to(new File("/dev/full")), "extract", "-q", "--extractors", "dates", in.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(ExitCodes.FAILED);
        oneLineNoStackTrace(c.err());
        assertThat(c.err()).contains("standard output").contains("No space left on device");
    }

    @Test
    void aClosedPipeStopsTheRun() throws Exception {
        Path in = dir.resolve("many.jsonl");
        try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 20_000; i++) {
                w.write("{\"id\":\"a" + i + "\",\"text\":\"Ngày " + (i % 28 + 1) + "-7, hội nghị lần thứ " + i + ".\"}\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "extract", "-q", "--threads", "1", "--extractors", "dates", in.toString())
                .directory(new File(".").getAbsoluteFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try (InputStream out = p.getInputStream()) {
            assertThat(out.readNBytes(100)).hasSize(100); // as `head -c100` does, then it goes away
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.FAILED);
        oneLineNoStackTrace(err);
        assertThat(err).contains("standard output").contains("Broken pipe");
    }

    // ---------------------------------------------------------------- item 8: LC_ALL=C

    @Test
    void aNonAsciiPathUnderTheCLocaleIsOneErrorLineAndTheOthersAreRead() throws Exception {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "this JVM must be able to name the file");
        Path odd = good("góc báo chí.txt");
        Path plain = good("plain.txt");
        Path out = dir.resolve("out.jsonl");
        Child c = child(Map.of("LC_ALL", "C", "LANG", "C"), ProcessBuilder.Redirect.DISCARD, "extract", "-q",
                "--extractors", "dates", odd.toString(), plain.toString(), "-o", out.toString());
        assertThat(c.exit()).as(c.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        oneLineNoStackTrace(c.err());
        assertThat(c.err()).contains(".txt: cannot read: ").contains("LC_ALL=C.UTF-8");
        assertThat(Files.readAllLines(out)).hasSize(1);
    }

    // ---------------------------------------------------------------- item 7: names escaped

    @Test
    void fileNamesAreEscapedInErrorLines() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.write(in.resolve("x\nvnextract: forged.txt"), new byte[0]);
        Files.write(in.resolve("y\u001b[2J\u001b[31mred.txt"), new byte[0]);
        Cli r = Cli.run("extract", "-q", in.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("x\\nvnextract: forged.txt: empty");
        assertThat(lines.get(1)).endsWith("y\\e[2J\\e[31mred.txt: empty");
        assertThat(r.err()).doesNotContain("\u001b");
    }

    // ---------------------------------------------------------------- item 13, 14: messages and exit codes

    @Test
    void usageErrorsAreOneLinePointingToHelp() {
        for (String[] args : new String[][] {{"extract", "--bogus", "x"}, {"extract"}, {"extract", "--extractors", "foo", "x"},
                {"extract", "--threads", "0", "x"}, {"nonsense"}, {"load", "--db", "jdbc:mysql://h/db", "x"},
                {"lookup", "--db", "jdbc:mysql://h/db", "21-KL/TW"}, {"export", "--db", "jdbc:mysql://h/db", "--format", "csv"},
                {"extract", "--db", "jdbc:mysql://h/db", "x"}, {"eval", "--gold", "/no/such/gold", "x"}}) {
            Cli r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            oneLineNoStackTrace(r.err());
            assertThat(r.err()).as(String.join(" ", args)).contains("--help')");
        }
        assertThat(Cli.run("extract", "--extractors", "foo", "x").err()).contains("unknown extractor 'foo'");
        assertThat(Cli.run("extract", "--bogus", "x").err()).contains("see 'vnextract extract --help'");
        assertThat(Cli.run("eval", "--gold", "/no/such/gold", "x").err()).contains("/no/such/gold");
    }

    @Test
    void aMissingInputExitsThreeWithoutAnEmptyOutputFile() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Cli r = Cli.run("extract", "-q", dir.resolve("nope.txt").toString(), "-o", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        oneLineNoStackTrace(r.err());
        assertThat(out).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty(); // no temporary file either
        }
    }

    @Test
    void anOutputInAMissingFolderFailsWithoutCreatingIt() throws Exception {
        Path in = good("a.txt");
        Cli r = Cli.run("extract", "-q", in.toString(), "-o", dir.resolve("no/such/dir/x.jsonl").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        oneLineNoStackTrace(r.err());
        assertThat(r.err()).contains("does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void outputFilesGetTheUsualMode() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        Path out = dir.resolve("out.jsonl");
        Cli r = Cli.run("extract", "-q", "--extractors", "dates", good("a.txt").toString(), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(usual);
    }

    @Test
    void stackTracesOnlyWithVeryVerbose() throws Exception {
        Path models = Files.createDirectory(dir.resolve("empty-models"));
        Path in = good("a.txt");
        Cli quiet = Cli.run("extract", in.toString(), "--models", models.toString());
        assertThat(quiet.exit()).isEqualTo(ExitCodes.FAILED);
        oneLineNoStackTrace(quiet.err());
        Cli loud = Cli.run("extract", "-vv", in.toString(), "--models", models.toString());
        assertThat(loud.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(loud.err().lines().findFirst().orElseThrow()).isEqualTo(quiet.err().strip());
        assertThat(loud.err()).contains("\tat org.vnextract.");
    }

    // ---------------------------------------------------------------- items 3, 12: JSON Lines bytes

    /** Ten short articles, one per line; line 5 (1-based) has one byte that is not UTF-8 inside its text. */
    static byte[] jsonLinesWithOneBadByte() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 10; i++) {
            String l = "{\"id\":\"l" + i + "\",\"text\":\"Ngày " + i + "-7-2024, Đảng ủy họp lần thứ " + i + ".";
            b.writeBytes(l.getBytes(StandardCharsets.UTF_8));
            if (i == 5) {
                b.write(0xFF);
            }
            b.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    @Test
    void aBadByteInJsonLinesRejectsThatLineOnlyWithItsTrueNumber() throws Exception {
        Path in = Files.write(dir.resolve("a.jsonl"), jsonLinesWithOneBadByte());
        Cli r = Cli.run("extract", "-q", in.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        oneLineNoStackTrace(r.err());
        assertThat(r.err()).startsWith("vnextract: " + in + ":5: invalid UTF-8 at byte ");
        List<String> ids = EndToEndTest.parse(r.out()).stream().map(n -> n.get("id").asText()).toList();
        assertThat(ids).containsExactly("l1", "l2", "l3", "l4", "l6", "l7", "l8", "l9", "l10");
    }

    @Test
    void lenientUtf8ReadsTheBadLineWithAReplacementAndAWarning() throws Exception {
        Path in = Files.write(dir.resolve("a.jsonl"), jsonLinesWithOneBadByte());
        Cli r = Cli.run("extract", "-q", "--lenient-utf8", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        var recs = EndToEndTest.parse(r.out());
        assertThat(recs).hasSize(10);
        var five = recs.get(4);
        assertThat(five.get("id").asText()).isEqualTo("l5");
        assertThat(five.get("article").get("text").asText()).contains("\uFFFD");
        assertThat(five.get("provenance").get("warnings").toString()).contains("invalid UTF-8").contains("U+FFFD");
        assertThat(recs.get(3).get("provenance").get("warnings").toString()).doesNotContain("UTF-8");
    }

    @Test
    void maxBytesCountsBytesOfAJsonLinesLine() throws Exception {
        String viet = "Đảng ủy ".repeat(100); // 800 characters, 1,400 bytes
        String ascii = "Dang uy ".repeat(100); // 800 characters, 800 bytes
        Path in = Files.writeString(dir.resolve("b.jsonl"), "{\"id\":\"v\",\"text\":\"" + viet + "\"}\n"
                + "{\"id\":\"a\",\"text\":\"" + ascii + "\"}\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("extract", "-q", "--extractors", "dates", "--max-bytes", "1000", in.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(r.err().strip()).isEqualTo("vnextract: " + in + ":1: line is over the limit of 1000 bytes (--max-bytes)");
        assertThat(EndToEndTest.parse(r.out()).stream().map(n -> n.get("id").asText()).toList()).containsExactly("a");
    }

    @Test
    void aLineOverTwentyMillionCharactersIsReadWhenTheLimitAllowsIt() throws Exception {
        Path in = dir.resolve("big.jsonl");
        try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("{\"id\":\"big\",\"text\":\"Ngày 2-9-1945.\",\"notes\":\"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'a');
            for (int i = 0; i < 21; i++) {
                w.write(block);
            }
            w.write("\"}\n");
        }
        Cli r = Cli.run("extract", "-q", "--extractors", "dates", "--max-bytes", "30000000", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(EndToEndTest.parse(r.out())).hasSize(1);
    }

    // ---------------------------------------------------------------- item 14: load

    @Test
    void loadRejectsWhatIsNotARecordAndHintsOnceForArticles() throws Exception {
        Path db = dir.resolve("v.db");
        Path notRecord = Files.writeString(dir.resolve("x.jsonl"), "{\"id\":\"x\"}\n", StandardCharsets.UTF_8);
        Cli r = Cli.run("load", "-q", "--db", db.toString(), notRecord.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        oneLineNoStackTrace(r.err());
        assertThat(r.err()).contains(notRecord + ":1: not a record");

        StringBuilder articles = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            articles.append("{\"id\":\"a").append(i).append("\",\"text\":\"Ngày 1-7, hội nghị.\"}\n");
        }
        Path raw = Files.writeString(dir.resolve("articles.jsonl"), articles, StandardCharsets.UTF_8);
        Cli a = Cli.run("load", "-q", "--db", db.toString(), raw.toString());
        assertThat(a.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        oneLineNoStackTrace(a.err());
        assertThat(a.err()).contains("an article, not a record").contains("vnextract extract " + raw);
    }
}
