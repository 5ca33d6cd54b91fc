package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.cli.Main;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import org.vnextract.testenv.Needs;
import picocli.CommandLine;

/**
 * The cascade as a user reaches it (issue 17): records loaded with {@code vnextract load} into a
 * real store (a SQLite file; PostgreSQL when {@code VNEXTRACT_TEST_PG} names a server), then
 * {@code vnextract lookup} on a central conclusion prints what implements it by level, as a tree with
 * each implementer's place, what amends it and the citing articles by month, and {@code --json}
 * carries the same as {@code cascade}; a local plan's look-up shows what it implements; {@code lookup
 * --graph} gives the archive's graph in figures.
 */
class CascadeCommandTest {
    @TempDir
    Path tmp;

    private String dropSchema;

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

    @AfterEach
    void drop() throws Exception {
        if (dropSchema != null) {
            try (Connection c = DriverManager.getConnection(TestStores.pgUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + dropSchema + " CASCADE");
            }
        }
    }

    private String url(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            return "jdbc:sqlite:" + tmp.resolve("cascade.db");
        }
        String url = TestStores.pgUrl();
        Needs.service(url != null, "a PostgreSQL server, and none is configured (set " + TestStores.PG_ENV + ")");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        dropSchema = schema;
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void lookupShowsTheCascadeOfALoadedArchive(String kind) throws Exception {
        String db = url(kind);
        RecordJson json = new RecordJson();
        List<String> lines = new ArrayList<>();
        for (ArticleRecord r : TestStores.cascade()) {
            lines.add(json.toLine(r));
        }
        Path records = tmp.resolve("records.jsonl");
        Files.write(records, lines, StandardCharsets.UTF_8);
        Run load = run("load", records.toString(), "--db", db);
        assertThat(load.code()).as(load.err()).isZero();

        Run kl = run("lookup", "--db", db, "21-KL/TW");
        assertThat(kl.code()).as(kl.err()).isZero();
        String out = kl.out();
        assertThat(out).startsWith("21-KL/TW").contains("implemented by (province 2, district 1, commune 1):");
        // the tree: each province's plan with its own implementer under it, indented one step more
        assertThat(out).containsSubsequence("  - 70-KH/TU@Gia Lai  [province · Gia Lai]",
                "    - 74-KH/HU@Chư Prông, Gia Lai  [district · Chư Prông, Gia Lai]");
        assertThat(out).containsSubsequence("  - 70-KH/TU@Nghệ An  [province · Nghệ An]",
                "    - 12-KH/ĐU@Nghi Phong, Nghệ An  [commune · Nghi Phong, Nghệ An]");
        assertThat(out).contains("amended, supplemented or replaced by:").contains("15-QĐ/TW  [central]");
        assertThat(out).contains("citing articles by month:").contains("2022-01   1").contains("2022-03   1")
                .contains("2022-05   1");

        Run js = run("lookup", "--db", db, "--json", "21-KL/TW");
        assertThat(js.code()).as(js.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(js.out()).get("cascade");
        assertThat(c.get("implementersByLevel").toString()).isEqualTo("{\"province\":2,\"district\":1,\"commune\":1}");
        assertThat(c.get("implementers")).hasSize(2);
        assertThat(c.get("amendedBy").get(0).get("id").asText()).isEqualTo("15-QĐ/TW");

        Run plan = run("lookup", "--db", db, "70-KH/TU@gia lai");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("70-KH/TU@Gia Lai").containsSubsequence("implements:", "21-KL/TW  [central]");
        Run graph = run("lookup", "--db", db, "--graph", "--level", "central");
        assertThat(graph.code()).as(graph.err()).isZero();
        assertThat(graph.out()).contains("4 articles, 6 documents (central 2, province 2, district 1, commune 1)")
                .contains("relations: implements 4, amends 1 (distinct pairs); stated implements 4, amends 1 times in 4 articles")
                .containsPattern("21-KL/TW +2 +2  province 2, district 1, commune 1  \\[central\\]")
                .doesNotContain("70-KH/TU@");
        assertThat(run("lookup", "--db", db, "--graph", "--level", "town").code()).isEqualTo(2);
        Run ambiguous = run("lookup", "--db", db, "70-KH/TU");
        assertThat(ambiguous.out()).contains("ambiguous: 2 documents").contains("70-KH/TU@Gia Lai").contains("70-KH/TU@Nghệ An");
    }
}
