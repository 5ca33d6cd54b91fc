package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import picocli.CommandLine;

/** The commands over the store, as a user runs them: load, lookup, search, export, lookup --gold. */
class StoreCommandsTest {
    @TempDir
    static Path tmp;

    static Path records;
    static String db;
    static int count;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void load() throws Exception {
        List<ArticleRecord> all = new ArrayList<>(TestStores.seeds());
        all.add(TestStores.full("full-1", "21-KL/TW", "Châu Ngọc Tuấn"));
        count = all.size();
        RecordJson json = new RecordJson();
        List<String> lines = new ArrayList<>();
        for (ArticleRecord r : all) {
            lines.add(json.toLine(r));
        }
        lines.add("{not json");
        records = tmp.resolve("records.jsonl");
        Files.write(records, lines, StandardCharsets.UTF_8);
        db = tmp.resolve("cli.db").toString();
        Run r = run("load", records.toString(), "--db", db);
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("records.jsonl:" + lines.size() + ": not a record").contains("loaded " + count + " records");
    }

    @Test
    void lookupOfADocumentListsTheCitingArticlesWithTheMentionMarked() {
        for (String[] q : List.of(new String[] {"21-KL/TW"}, new String[] {"21", "KL", "TW"}, new String[] {"kết luận 21"},
                new String[] {"KL21/TW"})) {
            Run r = run(concat(new String[] {"lookup", "--db", db}, q));
            assertThat(r.code()).as(String.join(" ", q) + r.err()).isZero();
            assertThat(r.out()).startsWith("21-KL/TW").contains("[21-KL/TW]").contains("newest first");
        }
        Run none = run("lookup", "--db", db, "99-KL/TW");
        assertThat(none.code()).isEqualTo(4);
        assertThat(none.out()).contains("no document 99-KL/TW");
    }

    @Test
    void lookupOfAnOfficialGivesTitlesOverTime() {
        Run r = run("lookup", "--db", db, "--official", "CHÂU NGỌC TUẤN");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Châu Ngọc Tuấn").contains("Phó Bí thư Thường trực Tỉnh ủy");
    }

    @Test
    void searchMarksTheMatch() {
        Run r = run("search", "--db", db, "chỉnh", "đốn", "Đảng");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().toLowerCase()).contains("[chỉnh đốn đảng]");
    }

    /**
     * Regression (issue 14, item 11): a 60 KB name failed with "LIKE or GLOB pattern too complex"
     * and 14,000 quoted phrases took 72 s. Both are now the usage error the web's 400 is, at the
     * same cap; a query of exactly the cap still runs.
     */
    @Test
    void queriesOverTheCapAreUsageErrorsInLookupAndSearch() {
        Run name = run("lookup", "--db", db, "--official", "Nguyễn Văn ".repeat(6_000));
        assertThat(name.code()).as(name.err()).isEqualTo(2);
        assertThat(name.err().lines().findFirst().orElse(""))
                .contains("--official: query longer than " + StoreReader.MAX_QUERY + " characters");
        assertThat(name.err()).doesNotContain("pattern too complex").doesNotContain("Exception");
        Run symbol = run("lookup", "--db", db, "21-KL/TW".repeat(30));
        assertThat(symbol.code()).isEqualTo(2);
        String[] phrases = new String[14_000];
        java.util.Arrays.fill(phrases, "\"chỉnh đốn\"");
        Run search = run(concat(new String[] {"search", "--db", db}, phrases));
        assertThat(search.code()).as(search.err()).isEqualTo(2);
        assertThat(search.err().lines().findFirst().orElse("")).contains("query longer than " + StoreReader.MAX_QUERY + " characters");
        String phrased = "\"chỉnh đốn\" ".repeat(StoreReader.MAX_QUERY / 20);
        String atCap = phrased + "x".repeat(StoreReader.MAX_QUERY - phrased.length());
        assertThat(atCap.strip()).hasSize(StoreReader.MAX_QUERY);
        assertThat(run("search", "--db", db, atCap).code()).isIn(0, 4);
        assertThat(run("lookup", "--db", db, "--official", "  " + "a".repeat(StoreReader.MAX_QUERY) + "  ").code()).isIn(0, 4);
    }

    @Test
    void exportWritesEveryRecordAndEveryTable() throws Exception {
        Path out = tmp.resolve("export.jsonl");
        Run r = run("export", "--db", db, "--format", "jsonl", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(count);
        Path dir = tmp.resolve("csv");
        assertThat(run("export", "--db", db, "--format", "csv", "-o", dir.toString()).code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("articles.csv"), StandardCharsets.UTF_8).get(0)).startsWith("id,record_schema,");
    }

    @Test
    void goldMeasurementCountsHitsMissesAndExtras() throws Exception {
        Path gold = Files.createDirectories(tmp.resolve("gold"));
        Files.writeString(gold.resolve("full-1.json"),
                "{\"file\":\"full-1.txt\",\"documents\":[{\"id\":\"21-KL/TW\"},{\"id\":\"404-KL/TW\"}]}");
        Run r = run("lookup", "--db", db, "--gold", gold.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ok   21-KL/TW").contains("MISS 404-KL/TW").contains("tp 1 fp 0 fn 1");
    }

    @Test
    void readingCommandsSayWhenThereIsNoDatabase() {
        Run r = run("lookup", "--db", tmp.resolve("none.db").toString(), "21-KL/TW");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no database at");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
