package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality must not regress silently: seeds + dev are scored through {@code vnextract eval} and every
 * metric's F1 must reach its floor in {@code src/test/resources/eval/floors.tsv} (the table printed
 * in the README). The dev articles are fed with their addresses ({@code index.tsv}), as place is
 * evaluated.
 */
class QualityFloorTest {
    private static final Path FLOORS = Path.of("src/test/resources/eval/floors.tsv");

    @Test
    void seedsAndDevScoreAtLeastTheFloors(@TempDir Path tmp) throws IOException {
        Map<String, Double> floors = floors();
        assertThat(floors).as("floors in " + FLOORS).isNotEmpty();
        Path dev = devFeed(org.vnextract.testenv.Needs.shared("corpus/dev"), tmp.resolve("dev.jsonl"));
        Cli r = Cli.run("eval", "-q", "--gold", org.vnextract.testenv.Needs.shared("gold/seeds").toString(),
                "--gold", org.vnextract.testenv.Needs.shared("gold/dev").toString(),
                org.vnextract.testenv.Needs.shared("corpus/seeds").toString(), dev.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Double> f1 = new HashMap<>();
        for (String line : r.out().lines().toList()) {
            String[] c = line.trim().split("\\s+");
            if (c.length == 6 && c[3].matches("\\d\\.\\d{3}")) {
                f1.put(c[0], Double.parseDouble(c[3]));
            }
        }
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Double> e : floors.entrySet()) {
            soft.assertThat(f1).as("metric %s printed by eval:%n%s", e.getKey(), r.out()).containsKey(e.getKey());
            if (f1.containsKey(e.getKey())) {
                soft.assertThat(f1.get(e.getKey())).as("%s F1 (floor %.3f)", e.getKey(), e.getValue())
                        .isGreaterThanOrEqualTo(e.getValue());
            }
        }
        soft.assertAll();
    }

    private static Map<String, Double> floors() throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String l : Files.readAllLines(FLOORS, StandardCharsets.UTF_8)) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] c = l.split("\t");
            out.put(c[0].strip(), Double.parseDouble(c[1].strip()));
        }
        return out;
    }

    /** The dev articles as JSON Lines with their addresses ({"id", "url", "text"}), like tools/to_jsonl.py. */
    private static Path devFeed(Path dir, Path out) throws IOException {
        Map<String, String> urls = new HashMap<>();
        List<String> index = Files.readAllLines(dir.resolve("index.tsv"), StandardCharsets.UTF_8);
        for (String l : index.subList(1, index.size())) {
            String[] c = l.split("\t");
            if (c.length > 1) {
                urls.put(c[0], c[1]);
            }
        }
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString();
                ObjectNode n = json.createObjectNode();
                n.put("id", name.substring(0, name.length() - 4));
                n.put("url", urls.get(name));
                n.put("text", Files.readString(p, StandardCharsets.UTF_8));
                sb.append(json.writeValueAsString(n)).append('\n');
            }
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return out;
    }
}
