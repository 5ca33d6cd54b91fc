package org.vnextract.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.WarcFixtures;

/** The Spark job in local mode ({@code local[2]}) gives the same records as the CLI on the same input (the bundled corpus). */
class SparkExtractTest {
    /** Real articles in the repository: corpus/seeds (5) and corpus/heldout (24). */
    private static final int ARTICLES = 29;
    private static SparkSession spark;
    private static long startNanos;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        startNanos = System.nanoTime();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        spark = SparkSession.builder().master("local[2]").appName("vnextract-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
        System.out.printf("SparkExtractTest: %.1f s with Spark start and stop%n", (System.nanoTime() - startNanos) / 1e9);
    }

    /** The real articles of the bundled corpus ({@link #ARTICLES}) as JSON Lines, with two bad lines after a third of them. */
    private Path corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String d : new String[] {"corpus/seeds", "corpus/heldout"}) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                files.addAll(s.filter(f -> f.toString().endsWith(".txt")).sorted().toList());
            }
        }
        assertThat(files).hasSize(ARTICLES);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path p = dir.resolve("in.jsonl");
        try (Writer out = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                out.write(json.writeValueAsString(java.util.Map.of("id", f.getFileName().toString(),
                        "text", Files.readString(f, StandardCharsets.UTF_8))));
                out.write('\n');
                if (i == files.size() / 3) {
                    out.write("not json at all\n\n{\"title\": \"no text\"}\n");
                }
            }
        }
        return p;
    }

    private static List<String> cli(Path input, Path out) throws IOException {
        int code = Main.commandLine().execute("extract", "-q", input.toString(), "-o", out.toString());
        assertThat(code).isIn(0, 3);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    private static List<String> partFiles(Path outDir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    @Test
    void jsonLinesGiveTheSameRecordsAsTheCli() throws Exception {
        Path in = corpus();
        List<String> expected = cli(in, dir.resolve("cli.jsonl"));
        assertThat(expected).hasSize(ARTICLES);
        Path out = dir.resolve("spark-out");
        SparkExtract.Counts c = SparkExtract.run(spark, new SparkExtract.Options(List.of(in.toString()), out.toString(),
                "jsonl", "auto", Set.of(), IngestLimits.defaults()));
        assertThat(c.records()).isEqualTo(ARTICLES);
        assertThat(c.rejected()).isEqualTo(2);
        assertThat(sorted(partFiles(out))).isEqualTo(sorted(expected));
    }

    /**
     * Issue 14, item 3: a JSON Lines file with one byte that is not UTF-8. The CLI rejects that line
     * only (or reads it with U+FFFD and a warning under --lenient-utf8); Spark used to decode it
     * with U+FFFD silently. Both modes now give the same records on both sides.
     */
    @Test
    void aBadByteGivesTheSameRecordsAsTheCliStrictAndLenient() throws Exception {
        Path in = corpus();
        byte[] bytes = Files.readAllBytes(in);
        int secondLine = 0;
        while (bytes[secondLine] != '\n') {
            secondLine++;
        }
        int quote = secondLine + 1 + new String(bytes, secondLine + 1, 400, StandardCharsets.ISO_8859_1).indexOf("\"text\"");
        bytes[quote + 12] = (byte) 0xFF; // inside the second article's text
        Path bad = Files.write(dir.resolve("bad.jsonl"), bytes);

        List<String> strict = cli(bad, dir.resolve("cli-strict.jsonl"));
        assertThat(strict).hasSize(ARTICLES - 1);
        Path out = dir.resolve("spark-strict");
        SparkExtract.Counts c = SparkExtract.run(spark, new SparkExtract.Options(List.of(bad.toString()), out.toString(),
                "jsonl", "auto", Set.of(), IngestLimits.defaults()));
        assertThat(c.records()).isEqualTo(ARTICLES - 1);
        assertThat(c.rejected()).isEqualTo(3);
        assertThat(sorted(partFiles(out))).isEqualTo(sorted(strict));

        Path cliLenient = dir.resolve("cli-lenient.jsonl");
        assertThat(Main.commandLine().execute("extract", "-q", "--lenient-utf8", bad.toString(), "-o", cliLenient.toString()))
                .isEqualTo(3); // the two lines that are not articles
        List<String> lenient = Files.readAllLines(cliLenient, StandardCharsets.UTF_8);
        assertThat(lenient).hasSize(ARTICLES);
        assertThat(lenient.get(1)).contains("U+FFFD");
        Path outLenient = dir.resolve("spark-lenient");
        SparkExtract.Options o = SparkExtract.parse(new String[] {"--input", bad.toString(), "--output",
                outLenient.toString(), "--lenient-utf8"});
        SparkExtract.Counts cl = SparkExtract.run(spark, o);
        assertThat(cl.records()).isEqualTo(ARTICLES);
        assertThat(sorted(partFiles(outLenient))).isEqualTo(sorted(lenient));
    }

    @Test
    void parquetHoldsOneRowPerRecord() throws Exception {
        Path in = corpus();
        List<String> expected = cli(in, dir.resolve("cli.jsonl"));
        Path out = dir.resolve("parquet-out");
        SparkExtract.run(spark, new SparkExtract.Options(List.of(in.toString()), out.toString(), "parquet", "jsonl",
                Set.of(), IngestLimits.defaults()));
        List<String> ids = spark.read().parquet(out.toString()).select("id").collectAsList().stream()
                .map((Row r) -> r.getString(0)).sorted().toList();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> expectedIds = new ArrayList<>();
        for (String l : expected) {
            expectedIds.add(json.readTree(l).get("id").asText());
        }
        assertThat(ids).isEqualTo(sorted(expectedIds));
        assertThat(spark.read().parquet(out.toString()).columns()).contains("source", "article", "documents", "provenance");
    }

    @Test
    void webArchivesGiveTheSameRecordsAsTheCli() throws Exception {
        Path warc = WarcFixtures.write(dir.resolve("crawl.warc.gz"), true);
        List<String> expected = cli(warc, dir.resolve("cli.jsonl"));
        assertThat(expected).hasSize(3);
        Path out = dir.resolve("warc-out");
        SparkExtract.Counts c = SparkExtract.run(spark, new SparkExtract.Options(List.of(warc.toString()), out.toString(),
                "jsonl", "auto", Set.of(), IngestLimits.defaults()));
        assertThat(c.records()).isEqualTo(3);
        assertThat(sorted(partFiles(out))).isEqualTo(sorted(expected));
    }

    @Test
    void theOfficialsNameSourceReachesTheExecutors() throws Exception {
        Path in = corpus();
        Path cliOut = dir.resolve("cli-model.jsonl");
        int code = Main.commandLine().execute("extract", "-q", "--extractors=officials", "--officials-names=model",
                in.toString(), "-o", cliOut.toString());
        assertThat(code).isIn(0, 3);
        List<String> expected = Files.readAllLines(cliOut, StandardCharsets.UTF_8);
        Path out = dir.resolve("spark-model");
        SparkExtract.run(spark, new SparkExtract.Options(List.of(in.toString()), out.toString(), "jsonl", "auto",
                Set.of("officials"), IngestLimits.defaults(), org.vnextract.extract.officials.OfficialRules.NameSource.MODEL));
        assertThat(sorted(partFiles(out))).isEqualTo(sorted(expected));
        SparkExtract.Options o = SparkExtract.parse(new String[] {"--input", "x", "--output", "y", "--officials-names", "Both"});
        assertThat(o.officialsNames()).isEqualTo(org.vnextract.extract.officials.OfficialRules.NameSource.BOTH);
        assertThat(SparkExtract.parse(new String[] {"--input", "x", "--output", "y"}).officialsNames())
                .isEqualTo(org.vnextract.extract.officials.OfficialRules.NameSource.RULES);
    }

    @Test
    void badArgumentsAreNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkExtract.parse(new String[] {"--input", "x"}))
                .hasMessageContaining("--output");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkExtract.parse(new String[] {"--input", "x", "--output", "y", "--format", "csv"}))
                .hasMessageContaining("format");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkExtract.parse(new String[] {"--input", "x", "--output", "y", "--officials-names", "oracle"}))
                .hasMessageContaining("--officials-names");
    }
}
