package org.vnextract.extract.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vnextract.Vnextract;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;

/**
 * Runs the places rule corpora ({@code src/test/resources/places/}, format in the README there):
 * for each ambiguity class a positive file (every location found, with level, code and province)
 * and a negative file (names that must not be found), and the place of short articles with and
 * without an outlet's address. The whole pipeline runs (the segmenter's words decide boundaries),
 * with the reference date 2024-05-01 unless a row gives another.
 */
class PlaceRulesCorpusTest {
    static final String[] CLASSES = {"ordinary-words", "shared-names", "person-names", "title-places"};
    static final String REFERENCE_DATE = "2024-05-01";
    static Vnextract vx;

    @BeforeAll
    static void setUp() {
        vx = Vnextract.builder().models(ModelSource.directory(java.nio.file.Path.of("models")))
                .extractors(Set.of("places")).build();
    }

    static PlaceFindings run(String address, String title, String body, String published) {
        String content = (title == null ? "" : title + "\n\n") + body;
        SourceMetadata meta = new SourceMetadata("t", address, null, null, published, List.of(), null);
        RawDocument doc = new RawDocument("t", SourceFormat.TEXT, ContentType.TEXT, content, meta, List.of());
        Analysis a = vx.analyze(doc);
        return a.get(PlaceFindings.KEY);
    }

    /** The locations of a sentence, written as the corpora write them. */
    static String locations(String text, String published) {
        List<String> parts = new ArrayList<>();
        for (PlaceLocation l : run(null, null, text, published).locations()) {
            parts.add(l.name() + "/" + l.level() + "/" + dash(l.code()) + "/" + dash(l.province()));
        }
        return String.join(" ;; ", parts);
    }

    static String dash(String s) {
        return s == null ? "-" : s;
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = PlaceRulesCorpusTest.class.getResourceAsStream("/places/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
            assertThat(out).as(resource + " has examples").isNotEmpty();
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> positives() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String c : CLASSES) {
            for (String l : lines(c + ".positive.tsv")) {
                String[] f = l.split("\t");
                String date = f.length > 2 ? f[2].strip() : REFERENCE_DATE;
                tests.add(DynamicTest.dynamicTest(c + ": " + f[0], () ->
                        assertThat(locations(f[0], date)).isEqualTo(f[1].strip())));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> negatives() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String c : CLASSES) {
            for (String l : lines(c + ".negative.tsv")) {
                String[] f = l.split("\t");
                String date = f.length > 2 ? f[2].strip() : REFERENCE_DATE;
                tests.add(DynamicTest.dynamicTest(c + ": " + f[0], () -> {
                    List<String> found = new ArrayList<>();
                    for (PlaceLocation p : run(null, null, f[0], date).locations()) {
                        found.add(Gazetteer.key(p.name()));
                    }
                    for (String forbidden : f[1].split(";;")) {
                        assertThat(found).as(forbidden.strip()).doesNotContain(Gazetteer.key(forbidden.strip()));
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> places() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String l : lines("place.positive.tsv")) {
            String[] f = l.split("\t");
            tests.add(DynamicTest.dynamicTest("place: " + f[1], () -> {
                String date = f.length > 4 ? (f[4].strip().equals("none") ? null : f[4].strip()) : REFERENCE_DATE;
                ArticlePlace p = run(f[0].equals("-") ? null : f[0], f[1], f[2], date).place();
                assertThat(p).as("place").isNotNull();
                assertThat(p.name()).isEqualTo(f[3].strip());
            }));
        }
        for (String l : lines("place.negative.tsv")) {
            String[] f = l.split("\t");
            tests.add(DynamicTest.dynamicTest("no place: " + f[1], () ->
                    assertThat(run(f[0].equals("-") ? null : f[0], f[1], f[2], REFERENCE_DATE).place()).isNull()));
        }
        return tests.stream();
    }
}
