package org.vnextract.extract.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Runs the positive and negative corpus of every officials rule file
 * ({@code src/test/resources/officials/<rule>.{positive,negative}.tsv}, format in the README there)
 * through the extractor with the rules alone.
 */
class OfficialRulesCorpusTest {
    static final String[] RULE_FILES = {"titles", "surnames", "places", "honorifics", "triggers", "stops", "syllables",
        "company-words", "candidacy", "named-heads", "clause-words", "sentence-openers"};
    static OfficialExtractor extractor;
    static TextStage text;
    static SegmentStage segment;

    @BeforeAll
    static void setUp() {
        ModelSource models = ModelSource.directory(java.nio.file.Path.of("models"));
        extractor = new OfficialExtractor(models, OfficialRules.NameSource.RULES);
        text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        segment = SegmentStage.standard(models);
    }

    /** The officials of one sentence, written as the corpora write them. */
    static String officials(String sentence) {
        AnalyzedText at = text.analyze(List.of(sentence), false, new ArrayList<>());
        Analysis out = extractor.process(Analysis.of(AnalyzedText.KEY, at).with(Words.KEY, segment.segment(at)));
        List<String> parts = new ArrayList<>();
        for (Official o : out.get(Official.KEY)) {
            parts.add((o.name() + " = " + String.join(" | ", o.titles())).strip());
        }
        return String.join(" ;; ", parts);
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = OfficialRulesCorpusTest.class.getResourceAsStream("/officials/" + resource)) {
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
        for (String rule : RULE_FILES) {
            for (String l : lines(rule + ".positive.tsv")) {
                String[] c = l.split("\t");
                tests.add(DynamicTest.dynamicTest(rule + ": " + c[0], () ->
                        assertThat(officials(c[0])).isEqualTo(c[1].strip())));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> negatives() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String rule : RULE_FILES) {
            for (String l : lines(rule + ".negative.tsv")) {
                tests.add(DynamicTest.dynamicTest(rule + ": " + l, () -> assertThat(officials(l)).isEmpty()));
            }
        }
        return tests.stream();
    }
}
