package org.vnextract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import org.vnextract.testenv.Needs;

/**
 * {@code extract --resume} survives {@code kill -9}: a real child JVM is killed with
 * {@code destroyForcibly} at random points of a run (when its partial output has passed a random
 * share of the expected size), then resumed, again and again; the final output must equal an
 * uninterrupted run's byte for byte (ordered output), so every record is there exactly once.
 *
 * <p>The default suite kills a 2,000-article run 3 times (the bundled corpus's 29 real articles, repeated
 * under distinct ids, about 7 MB like 2,000 bulk articles). The full check (20 kills of the 20,000-article
 * bulk corpus in {@code ../shared}) is tagged slow and runs with
 * {@code mvn -o test -Dtest=ResumeKillTest -Dvnextract.slow=true}.
 */
class ResumeKillTest {
    @TempDir
    Path dir;

    @Test
    void threeKillsOfATwoThousandArticleRun() throws Exception {
        Path input = bundledArticles(2000);
        Result r = killAndResume(input, 3, 20261124L);
        assertThat(r.distinct).isEqualTo(2000);
    }

    @Test
    @Tag("slow")
    @EnabledIfSystemProperty(named = "vnextract.slow", matches = "true")
    void twentyKillsOfTheTwentyThousandArticleBulkCorpus() throws Exception {
        Result r = killAndResume(Needs.shared("corpus/bulk/baomoi.jsonl.gz").toAbsolutePath(), 20, 7L);
        assertThat(r.distinct).isEqualTo(20000);
    }

    private record Result(int distinct, int kills) {}

    /** {@code n} JSON lines cycling through the real articles of corpus/seeds and corpus/heldout, each with its own id. */
    private Path bundledArticles(int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String d : new String[] {"corpus/seeds", "corpus/heldout"}) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                files.addAll(s.filter(f -> f.toString().endsWith(".txt")).sorted().toList());
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        ObjectMapper json = new ObjectMapper();
        Path p = dir.resolve("in.jsonl");
        try (Writer out = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                Path f = files.get(i % files.size());
                out.write(json.writeValueAsString(Map.of("id", String.format("%04d-%s", i, f.getFileName()),
                        "text", Files.readString(f, StandardCharsets.UTF_8))));
                out.write('\n');
            }
        }
        return p;
    }

    private Result killAndResume(Path input, int kills, long seed) throws Exception {
        Path reference = dir.resolve("reference.jsonl");
        int code = Main.commandLine().execute("extract", "-q", input.toString(), "-o", reference.toString());
        assertThat(code).isZero();
        long expected = Files.size(reference);

        Path out = dir.resolve("out.jsonl");
        Path part = ResumableOutput.partOf(out.toAbsolutePath());
        Random random = new Random(seed);
        double[] at = new double[kills];
        for (int i = 0; i < kills; i++) {
            at[i] = 0.02 + 0.93 * random.nextDouble();
        }
        Arrays.sort(at);
        int killed = 0;
        long t0 = System.nanoTime();
        List<String> log = new ArrayList<>();
        for (double share : at) {
            long before = Files.exists(part) ? Files.size(part) : 0;
            Process p = child(input, out);
            long threshold = Math.max(before + 1, (long) (share * expected));
            while (p.isAlive() && (!Files.exists(part) || Files.size(part) < threshold)) {
                Thread.sleep(5);
            }
            if (!p.isAlive()) {
                log.add(String.format("run ended by itself before the kill at %.0f%%", share * 100));
                break;
            }
            Thread.sleep(random.nextInt(50)); // land anywhere: inside a unit, during an fsync, a journal write
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            killed++;
            log.add(String.format("killed at %.0f%% (part %d bytes)", share * 100, Files.exists(part) ? Files.size(part) : 0));
        }
        Process last = child(input, out);
        assertThat(last.waitFor(30, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as("last run's exit code; stderr: %s", Files.readString(dir.resolve("err.txt"))).isZero();
        double secs = (System.nanoTime() - t0) / 1e9;

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (String l : lines) {
            ids.add(json.readTree(l).get("id").asText());
        }
        System.out.printf("ResumeKillTest: %d kills, %d lines, %d distinct ids, %.1f s in child JVMs%n  %s%n",
                killed, lines.size(), ids.size(), secs, String.join("\n  ", log));
        assertThat(killed).isEqualTo(kills);
        assertThat(ids).hasSize(lines.size());
        assertThat(Files.readAllLines(reference, StandardCharsets.UTF_8)).isEqualTo(lines);
        assertThat(part).doesNotExist();
        assertThat(ResumableOutput.journalOf(out.toAbsolutePath())).doesNotExist();
        return new Result(ids.size(), killed);
    }

    private Process child(Path input, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "extract", "--resume", "-q", input.toString(), "-o", out.toString());
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.txt").toFile())
                .directory(new File(".").getAbsoluteFile())
                .start();
    }
}
