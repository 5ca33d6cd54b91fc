package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI over the bundled corpus, as a newcomer runs it. */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<JsonNode> parse(String jsonl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : jsonl.split("\n")) {
            if (!l.isBlank()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    @Test
    void seedsGiveExactlyFiveValidRecordsOnStandardOutput() throws Exception {
        Cli r = Cli.run("extract", "corpus/seeds");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> recs = parse(r.out());
        assertThat(recs).hasSize(5);
        for (JsonNode n : recs) {
            RecordShape.assertValid(n);
        }
    }

    @Test
    void dashAsOutputIsStandardOutputNotAFileNamedDash() throws Exception {
        boolean dashBefore = Files.exists(Path.of("-"));
        Cli plain = Cli.run("extract", "corpus/seeds");
        Cli dash = Cli.run("extract", "-o", "-", "corpus/seeds");
        assertThat(dash.exit()).as(dash.err()).isZero();
        assertThat(parse(dash.out())).hasSize(5);
        assertThat(dash.out()).isEqualTo(plain.out());
        if (!dashBefore) {
            assertThat(Path.of("-")).as("no file named '-' is written").doesNotExist();
        }
    }

    @Test
    void bundledCorpusRunsCleanInInputOrderWithAnyThreadCount() throws Exception {
        Path one = dir.resolve("one.jsonl");
        Path two = dir.resolve("two.jsonl");
        Cli a = Cli.run("extract", "corpus", "-o", one.toString(), "--threads", "1", "-q"); // -q: no progress line on a slow machine
        Cli b = Cli.run("extract", "corpus", "-o", two.toString(), "--threads", "3", "-q");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(a.err()).isEmpty();
        String first = Files.readString(one, StandardCharsets.UTF_8);
        assertThat(Files.readString(two, StandardCharsets.UTF_8)).isEqualTo(first);
        List<JsonNode> recs = parse(first);
        assertThat(recs).hasSizeGreaterThanOrEqualTo(9);
        recs.forEach(RecordShape::assertValid);
        // the walk is sorted: corpus/heldout/ comes before corpus/seeds/
        assertThat(recs.get(0).get("source").get("uri").asText()).endsWith("heldout/h001.txt");
        // no temporary file is left beside the output
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("one.jsonl", "two.jsonl");
        }
    }

    @Test
    void helpAndVersionOnEveryCommand() {
        for (String cmd : new String[] {"extract", "eval"}) {
            Cli h = Cli.run(cmd, "--help");
            assertThat(h.exit()).isZero();
            assertThat(h.out()).contains("Usage: vnextract " + cmd);
            Cli v = Cli.run(cmd, "--version");
            assertThat(v.out()).startsWith("vnextract ");
        }
    }
}
