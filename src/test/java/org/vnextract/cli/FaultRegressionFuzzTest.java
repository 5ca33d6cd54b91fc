package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 ("Nothing lost, nothing silent"): one table with a row for every fault the stress study
 * found that the command line can reach, each with the input that showed it, and a seeded fuzz run
 * that mixes those inputs at random (bad bytes at random places of random JSON Lines lines, titles
 * and honorifics ending texts and lines, template text, control characters in file names, two link
 * loops) and checks what must hold for any mix:
 * <ul>
 *   <li>every good line and file gives exactly one record, however many links lead to it;</li>
 *   <li>every line with invalid UTF-8 gives one error line with its true line number, and nothing else
 *       is lost; under {@code --lenient-utf8} it gives a record with U+FFFD instead;</li>
 *   <li>standard error holds only lines {@code vnextract: SOURCE: REASON}, no control character, no
 *       stack trace; the exit code is 0, or 3 when something was rejected.</li>
 * </ul>
 * The web's faults (slow clients, template text in a query) and the store's (long queries) have
 * their rows in {@code web/SlowClientTest}, {@code web/WebServerTest}, {@code store/StoreCommandsTest};
 * the sink's full disk in {@code sink/JsonlSinkTest}; resume in {@code batch/ResumableOutputTest}.
 * More seeds: {@code -Dvnextract.fuzz.seeds=N}.
 */
class FaultRegressionFuzzTest {
    private static final String BASE = "Sáng 20-7, Đảng ủy Khối tổ chức hội nghị sơ kết công tác. ";
    /** Ends of texts and lines that threw or were mis-read before (items 1 and 9). */
    private static final String[] HAZARDS = {"Ông là TS.", "Ông là GS.", "Ông là ThS.\nDòng sau.", "Người chủ trì là tiến sĩ",
        "Cảm ơn đồng chí", "Ông.", "Phó Bí thư", "{{body}}", "{{q}} {{title}}", "Đ/c", ""};
    private static final int[] BAD_BYTES = {0xFF, 0x80, 0xC3, 0xE1, 0xF5, 0xC0, 0xBF, 0xFE};
    private static final String[] ODD_NAMES = {"x\nvnextract: forged", "y\u001b[2J\u001b[31mred", "cr\rret", "bell\u0007",
        "tab\tname", "del\u007f", "bidi\u202Etxt.exe", "c1\u0085", "nbsp\u00a0name", "thư mục"};

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ the regression table

    /** A fault of issue 14: the item, the input, and the command line that showed it. */
    record Row(String item, String input, int exit, int records, String errContains) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                // item 1: an academic title or honorific ending the text or a line lost the article
                Arguments.of(new Row("1", "Ông là TS.", 0, 1, null)),
                Arguments.of(new Row("1", "Ông là GS.", 0, 1, null)),
                Arguments.of(new Row("1", "Ông là ThS.\nDòng sau.", 0, 1, null)),
                Arguments.of(new Row("1", "Bà là tiến sĩ", 0, 1, null)),
                Arguments.of(new Row("1", "Đồng chí", 0, 1, null)),
                // item 9 (as data): template text in an article is kept as written
                Arguments.of(new Row("9", "Đảng ủy họp. {{body}} {{title}}", 0, 1, null)),
                // item 14: a short UTF-8 text with one bad byte was taken for TCVN3 and garbled
                Arguments.of(new Row("14", "Ông là TS.\u0000BAD", 3, 0, "invalid UTF-8 at byte")),
                Arguments.of(new Row("14", "Đảng ủy họp.\u0000BAD", 3, 0, "invalid UTF-8 at byte")));
    }

    @ParameterizedTest(name = "item {0}: {1}")
    @MethodSource("rows")
    void eachTextFaultHasItsRow(Row row) throws Exception {
        byte[] bytes = row.input().replace("\u0000BAD", "\u0000").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bytes[i] = (byte) 0xFF; // the one bad byte, where the row puts it
            }
        }
        Path in = Files.write(dir.resolve("t.txt"), bytes);
        Cli r = Cli.run("extract", "-q", in.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(row.exit());
        List<JsonNode> recs = EndToEndTest.parse(r.out());
        assertThat(recs).hasSize(row.records());
        if (row.errContains() != null) {
            assertThat(r.err()).contains(row.errContains());
            assertSaneErrors(r.err());
        } else {
            assertThat(r.err()).isEmpty();
            String last = row.input().substring(row.input().lastIndexOf('\n') + 1);
            assertThat(recs.get(0).get("article").get("text").asText()).contains(last);
        }
    }

    /** Items 2 and 7: two link loops, a link back up, a link to a file, names with control characters. */
    @Test
    void linkLoopsAndOddNamesGiveEachRecordOnceAndEscapedErrors() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), BASE + "Ông là TS.", StandardCharsets.UTF_8);
        Path sub = Files.createDirectory(in.resolve("sub"));
        Files.writeString(sub.resolve("b.txt"), BASE + "Phó Bí thư", StandardCharsets.UTF_8);
        Files.createSymbolicLink(in.resolve("loop1"), Path.of("."));
        Files.createSymbolicLink(in.resolve("loop2"), Path.of("."));
        Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(in.resolve("same.txt"), Path.of("a.txt"));
        for (String n : ODD_NAMES) {
            Files.write(in.resolve(n + ".txt"), new byte[0]); // empty: rejected, so its name is printed
        }
        Cli r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Cli.run("extract", "-q", in.toString(), in.toString()));
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(EndToEndTest.parse(r.out())).hasSize(2);
        assertSaneErrors(r.err());
        assertThat(r.err().lines().toList()).hasSize(ODD_NAMES.length);
        assertThat(r.err()).contains("x\\nvnextract: forged.txt: empty").contains("\\e[2J\\e[31mred.txt: empty");
    }

    /** Items 3 and 12: a bad byte drops that line only, with its true number; --max-bytes counts bytes. */
    @Test
    void jsonLinesFaultsHaveTheirRows() throws Exception {
        Path in = Files.write(dir.resolve("a.jsonl"), FaultsTest.jsonLinesWithOneBadByte());
        Cli r = Cli.run("extract", "-q", "--extractors", "dates", in.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(r.err().strip()).startsWith("vnextract: " + in + ":5: invalid UTF-8 at byte ");
        assertThat(EndToEndTest.parse(r.out())).hasSize(9);

        Path big = Files.writeString(dir.resolve("b.jsonl"), "{\"id\":\"v\",\"text\":\"" + "Đảng ủy ".repeat(100) + "\"}\n",
                StandardCharsets.UTF_8);
        Cli b = Cli.run("extract", "-q", "--extractors", "dates", "--max-bytes", "1000", big.toString());
        assertThat(b.err().strip()).endsWith(":1: line is over the limit of 1000 bytes (--max-bytes)");
        assertThat(Cli.run("extract", "-q", "--extractors", "dates", "--max-bytes", "1400", big.toString()).exit()).isZero();
    }

    /** Item 14: usage errors are one line pointing to --help, exit 2, the same in every command. */
    @Test
    void usageAndSetupFaultsHaveTheirRows() throws Exception {
        String[][] usage = {{"extract", "--extractors", "foo", "x"}, {"extract", "--bogus"}, {"eval", "--gold", "/nope", "x"},
            {"load", "--db", "jdbc:mysql://h/db", "x"}, {"lookup", "--db", "jdbc:mysql://h/db", "21-KL/TW"},
            {"search", "--db", "jdbc:mysql://h/db", "x"}};
        for (String[] args : usage) {
            Cli r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + " → " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertSaneErrors(r.err());
        }
        // a missing input: exit 3 and no empty output; -o into a missing folder: exit 1, no folder made
        Path out = dir.resolve("out.jsonl");
        assertThat(Cli.run("extract", "-q", dir.resolve("nope.txt").toString(), "-o", out.toString()).exit()).isEqualTo(3);
        assertThat(out).doesNotExist();
        Path good = Files.writeString(dir.resolve("g.txt"), BASE, StandardCharsets.UTF_8);
        assertThat(Cli.run("extract", "-q", good.toString(), "-o", dir.resolve("no/such/x.jsonl").toString()).exit()).isEqualTo(1);
        assertThat(dir.resolve("no")).doesNotExist();
        // item 11 on the command line: a 60 KB name, 14,000 quoted phrases
        Path db = dir.resolve("v.db");
        assertThat(Cli.run("load", "-q", "--db", db.toString()).exit()).isZero();
        long t0 = System.nanoTime();
        Cli name = Cli.run("lookup", "--db", db.toString(), "--official", "Nguyễn Văn ".repeat(6_000));
        String[] search = new String[14_002];
        search[0] = "search";
        search[1] = "--db=" + db;
        java.util.Arrays.fill(search, 2, search.length, "\"chỉnh đốn\"");
        Cli phrases = Cli.run(search);
        assertThat(name.exit()).as(name.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(phrases.exit()).as(phrases.err()).isEqualTo(ExitCodes.USAGE);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds for both").isLessThan(10);
        assertSaneErrors(name.err() + phrases.err());
        // load of what is not a record
        Path notRecord = Files.writeString(dir.resolve("x.jsonl"), "{\"id\":\"x\"}\n", StandardCharsets.UTF_8);
        Cli l = Cli.run("load", "-q", "--db", db.toString(), notRecord.toString());
        assertThat(l.exit()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(l.err()).contains(":1: not a record");
    }

    /** Items 4 and 8, which live outside this JVM: standard output full, a locale that cannot spell a name. */
    @Test
    void faultsOutsideTheJvmHaveTheirRows() throws Exception {
        Path good = Files.writeString(dir.resolve("a.txt"), BASE + "Ông là TS.", StandardCharsets.UTF_8);
        if (Files.isWritable(Path.of("/dev/full"))) {
            String[] full = child(Map.of(), ProcessBuilder.Redirect.to(new File("/dev/full")), "extract", "-q", good.toString());
            assertThat(full[0]).as(full[1]).isEqualTo("1");
            assertThat(full[1]).contains("standard output: cannot write");
            assertThat(full[1].lines().toList()).hasSize(1);
            assertSaneErrors(full[1]);
        }
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "this JVM must name the file");
        Path odd = Files.writeString(dir.resolve("góc.txt"), BASE, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        String[] c = child(Map.of("LC_ALL", "C", "LANG", "C"), ProcessBuilder.Redirect.DISCARD, "extract", "-q",
                odd.toString(), good.toString(), "-o", out.toString());
        assertThat(c[0]).as(c[1]).isEqualTo("3");
        assertThat(c[1].lines().toList()).hasSize(1);
        assertSaneErrors(c[1]);
        assertThat(Files.readAllLines(out)).hasSize(1);
    }

    private String[] child(Map<String, String> env, ProcessBuilder.Redirect stdout, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = dir.resolve("child-err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), Files.readString(err, StandardCharsets.UTF_8)};
    }

    // ------------------------------------------------------------------ the fuzz run

    @Test
    void randomMixesOfEveryFaultLoseNothingAndSayEverythingOnce() throws Exception {
        int seeds = Integer.getInteger("vnextract.fuzz.seeds", 4);
        for (int seed = 1; seed <= seeds; seed++) {
            fuzzOnce(seed);
        }
    }

    private void fuzzOnce(int seed) throws Exception {
        Random rnd = new Random(seed);
        Path in = Files.createDirectories(dir.resolve("fuzz-" + seed));
        Set<String> expectedIds = new TreeSet<>();
        Set<String> expectedFiles = new TreeSet<>();
        Map<String, String> textOf = new HashMap<>();
        List<Integer> badLines = new ArrayList<>();
        int lines = 10 + rnd.nextInt(10);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        for (int i = 1; i <= lines; i++) {
            String id = "s" + seed + "-" + i;
            String text = BASE + HAZARDS[rnd.nextInt(HAZARDS.length)];
            byte[] head = ("{\"id\":\"" + id + "\",\"text\":\"").getBytes(StandardCharsets.UTF_8);
            byte[] body = text.replace("\n", "\\n").getBytes(StandardCharsets.UTF_8);
            if (rnd.nextInt(4) == 0) {
                body = insert(body, rnd.nextInt(body.length + 1), BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
            }
            jsonl.writeBytes(head);
            jsonl.writeBytes(body);
            jsonl.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
            if (validUtf8(body)) {
                expectedIds.add(id);
                textOf.put(id, text);
            } else {
                badLines.add(i);
            }
        }
        Files.write(in.resolve("f.jsonl"), jsonl.toByteArray());
        int rejected = badLines.size();
        int files = 3 + rnd.nextInt(4);
        for (int k = 0; k < files; k++) {
            String name = (rnd.nextBoolean() ? ODD_NAMES[rnd.nextInt(ODD_NAMES.length)] : "t") + k + ".txt";
            byte[] b = (BASE + HAZARDS[rnd.nextInt(HAZARDS.length)]).getBytes(StandardCharsets.UTF_8);
            if (rnd.nextInt(3) == 0) {
                b = insert(b, rnd.nextInt(b.length + 1), BAD_BYTES[rnd.nextInt(BAD_BYTES.length)]);
            }
            Files.write(in.resolve(name), b);
            if (validUtf8(b)) {
                expectedFiles.add(name);
            } else {
                rejected++;
            }
        }
        Files.createSymbolicLink(in.resolve("loop1"), Path.of("."));
        Files.createSymbolicLink(in.resolve("loop2"), Path.of("."));

        String what = "seed " + seed;
        Cli r = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Cli.run("extract", "-q", in.toString()));
        assertThat(r.exit()).as(what + ": " + r.err()).isEqualTo(rejected > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK);
        assertSaneErrors(r.err());
        assertThat(r.err().lines().toList()).as(what).hasSize(rejected);
        for (int line : badLines) {
            assertThat(r.err()).as(what).contains("f.jsonl:" + line + ": invalid UTF-8 at byte ");
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode rec : EndToEndTest.parse(r.out())) {
            String uri = rec.get("source").get("uri").asText();
            String id = rec.get("id").asText();
            if (id.startsWith("s" + seed + "-")) { // a JSON Lines line: its own id, no uri
                assertThat(ids.add(id)).as(what + ": " + id + " once").isTrue();
                assertThat(rec.get("article").get("text").asText().replaceAll("\\s+", " ")).as(what)
                        .isEqualTo(textOf.get(id).replaceAll("\\s+", " ").strip());
            } else {
                String name = uri.substring(uri.lastIndexOf('/') + 1); // a file's source.uri is its absolute path
                assertThat(names.add(name)).as(what + ": " + name + " once").isTrue();
            }
        }
        assertThat(new TreeSet<>(ids)).as(what).isEqualTo(expectedIds);
        assertThat(names).as(what).isEqualTo(expectedFiles);

        // --lenient-utf8: every line of the JSON Lines file gives a record, the bad ones with U+FFFD
        Cli lenient = Cli.run("extract", "-q", "--lenient-utf8", in.resolve("f.jsonl").toString());
        assertThat(lenient.exit()).as(what + ": " + lenient.err()).isZero();
        List<JsonNode> all = EndToEndTest.parse(lenient.out());
        assertThat(all).hasSize(lines);
        for (int line : badLines) {
            assertThat(all.get(line - 1).get("article").get("text").asText()).as(what).contains("\uFFFD");
        }
    }

    private static byte[] insert(byte[] b, int at, int x) {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) x;
        System.arraycopy(b, at, c, at + 1, b.length - at);
        return c;
    }

    private static boolean validUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** One way to fail: only lines {@code vnextract: …}, no control character, no stack trace. */
    static void assertSaneErrors(String err) {
        for (String l : err.split("\n", -1)) {
            if (l.isEmpty()) {
                continue;
            }
            assertThat(l).as(err).startsWith("vnextract: ").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(l.chars().filter(c -> c < 0x20 || c == 0x7f).count()).as("control characters in " + l).isZero();
        }
    }
}
