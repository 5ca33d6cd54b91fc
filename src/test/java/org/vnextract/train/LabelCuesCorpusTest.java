package org.vnextract.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vnextract.ner.Entity;
import org.vnextract.ner.Gazetteer;
import org.vnextract.ner.WordFeatures;
import org.vnextract.ner.WordSentences;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/** Runs the trainer's label cues' corpora ({@code src/test/resources/ner/label-cues.*.tsv}) on unlabelled sentences. */
class LabelCuesCorpusTest {
    static Gazetteer gaz;
    static LabelCues cues;
    static TextStage text;
    static SegmentStage segment;

    @BeforeAll
    static void setUp() {
        ModelSource ms = ModelSource.directory(Path.of("models"));
        gaz = Gazetteer.load(ms);
        cues = LabelCues.load(ms);
        text = new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        segment = SegmentStage.standard(ms);
    }

    static List<String> found(String sentence) {
        return found(sentence, false);
    }

    /** The spans of the cues and names on an unlabelled sentence, or on the gazetteer lookup's labels ({@code lookupFirst}). */
    static List<String> found(String sentence, boolean lookupFirst) {
        AnalyzedText at = text.analyze(List.of(sentence), false, new ArrayList<>());
        Words words = segment.segment(at);
        WordSentences ws = WordSentences.of(at, words);
        List<String> out = new ArrayList<>();
        for (int s = 0; s < ws.words().size(); s++) {
            String[] label = new String[ws.words().get(s).length];
            if (lookupFirst) {
                for (Entity e : gaz.lookup(WordFeatures.syllables(ws.words().get(s)))) {
                    for (int i = e.start(); i < e.end(); i++) {
                        label[i] = (i == e.start() ? "B-" : "I-") + e.type();
                    }
                }
            }
            cues.label(WordFeatures.syllables(ws.words().get(s)), label, gaz);
            int first = ws.firstWords()[s];
            for (Span e : EntityTrainer.spansOf(label)) {
                String surface = at.text().substring(words.start(first + e.getStart()), words.end(first + e.getEnd() - 1));
                out.add(switch (e.getType()) {
                    case Entity.LOCATION -> "LOC";
                    case Entity.PERSON -> "PER";
                    default -> "ORG";
                } + ":" + surface);
            }
        }
        return out;
    }

    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = LabelCuesCorpusTest.class.getResourceAsStream("/ner/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String[]> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l.split("\t"));
                }
            }
            assertThat(out).isNotEmpty();
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> positives() throws IOException {
        return rows("label-cues.positive.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(String.join(" | ", found(r[0]))).isEqualTo(r[1])));
    }

    @TestFactory
    Stream<DynamicTest> negatives() throws IOException {
        return rows("label-cues.negative.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(found(r[0])).noneMatch(f -> f.endsWith(":" + r[1]))));
    }

    @TestFactory
    Stream<DynamicTest> namesAfterTheLookup() throws IOException {
        return rows("org-names.positive.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(String.join(" | ", found(r[0], true))).isEqualTo(r[1])));
    }

    @TestFactory
    Stream<DynamicTest> namesAfterTheLookupNegatives() throws IOException {
        return rows("org-names.negative.tsv").stream().map(r -> DynamicTest.dynamicTest(r[0],
                () -> assertThat(found(r[0], true)).noneMatch(f -> f.equals("ORG:" + r[1]))));
    }
}
