package org.vnextract.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Runs the gazetteer lookup's rule corpora ({@code src/test/resources/ner/}, format in the README
 * there) through the text stage and the segmenter, and checks the word features built on it.
 */
class GazetteerCorpusTest {
    static Gazetteer gaz;
    static TextStage text;
    static SegmentStage segment;

    @BeforeAll
    static void setUp() {
        ModelSource ms = ModelSource.directory(Path.of("models"));
        gaz = Gazetteer.load(ms);
        text = new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        segment = SegmentStage.standard(ms);
    }

    /** The lookup's entities of a sentence as {@code TYPE:surface}. */
    static List<String> found(String sentence) {
        AnalyzedText at = text.analyze(List.of(sentence), false, new ArrayList<>());
        Words words = segment.segment(at);
        WordSentences ws = WordSentences.of(at, words);
        List<String> out = new ArrayList<>();
        for (int s = 0; s < ws.words().size(); s++) {
            for (Entity e : gaz.lookup(WordFeatures.syllables(ws.words().get(s)))) {
                int first = ws.firstWords()[s];
                String surface = at.text().substring(words.start(first + e.start()), words.end(first + e.end() - 1));
                out.add(switch (e.type()) {
                    case Entity.PERSON -> "PER";
                    case Entity.ORGANIZATION -> "ORG";
                    default -> "LOC";
                } + ":" + surface);
            }
        }
        return out;
    }

    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = GazetteerCorpusTest.class.getResourceAsStream("/ner/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String[]> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    String[] c = l.split("\t");
                    assertThat(c).as(resource + ": text<TAB>expected: " + l).hasSize(2);
                    out.add(c);
                }
            }
            assertThat(out).as(resource + " has rows").isNotEmpty();
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> positives() throws IOException {
        return rows("gazetteer.positive.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(String.join(" | ", found(r[0]))).isEqualTo(r[1])));
    }

    @TestFactory
    Stream<DynamicTest> negatives() throws IOException {
        return rows("gazetteer.negative.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(found(r[0])).noneMatch(f -> f.substring(f.indexOf(':') + 1).equals(r[1]))));
    }

    @Test
    void wordFeaturesCarryShapeClassesAndTheLookupsLabel() {
        String[] words = {"Ông", "Trần_Văn_Bình", "làm_việc", "tại", "huyện", "Chư_Prông"};
        String[][] ctx = WordFeatures.context(words, gaz);
        assertThat(ctx[1]).contains("sh=X", "ns=3", "gz=B-person", "c=sur1", "p1c=" + Gazetteer.HONORIFIC);
        assertThat(ctx[4]).contains("sh=x", "c=" + Gazetteer.KIND);
        assertThat(ctx[5]).contains("gz=B-location", "c=" + Gazetteer.UNIT);
        assertThat(WordFeatures.shape(new String[] {"UBND"})).isEqualTo("A");
        assertThat(WordFeatures.shape(new String[] {"Tài", "nguyên"})).isEqualTo("Xx");
        assertThat(WordFeatures.syllables(new String[] {"_"}).get(0)).containsExactly("_");
    }
}
