package org.vnextract.extract.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vnextract.extract.TokenView;
import org.vnextract.ner.EntityStage;
import org.vnextract.ner.WordTagger;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * The decisions the entity tagger makes for the officials extractor (issue 13,
 * {@link OfficialExtractor#organizations}, {@code models/officials/entity-questions.tsv}), with the
 * shipped tagger: each row of {@code officials/entity-questions.positive.tsv} names a short
 * organisation the rules find and the tagger keeps; each row of {@code .negative.tsv} one the rules
 * find and the tagger drops (the test checks that the rules alone list it, so the row is the
 * tagger's decision).
 */
class OrganizationQuestionsCorpusTest {
    static OfficialExtractor withTagger;
    static OfficialExtractor rulesAlone;
    static EntityStage entities;
    static TextStage text;
    static SegmentStage segment;

    @BeforeAll
    static void setUp() {
        ModelSource models = ModelSource.directory(java.nio.file.Path.of("models"));
        withTagger = new OfficialExtractor(models, OfficialRules.NameSource.RULES, true);
        rulesAlone = new OfficialExtractor(models, OfficialRules.NameSource.RULES, false);
        entities = new EntityStage(WordTagger.load(models));
        text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        segment = SegmentStage.standard(models);
    }

    /** The organisations' names the extractor lists for one sentence. */
    static List<String> organizations(OfficialExtractor x, String sentence) {
        AnalyzedText at = text.analyze(List.of(sentence), false, new ArrayList<>());
        Analysis a = Analysis.of(AnalyzedText.KEY, at).with(Words.KEY, segment.segment(at));
        a = a.with(TokenView.KEY, TokenView.of(at, a.get(Words.KEY)));
        if (x.requires().contains(org.vnextract.ner.Entities.KEY)) {
            a = entities.process(a);
        }
        List<String> out = new ArrayList<>();
        for (Organization o : x.process(a).get(Organization.KEY)) {
            out.add(o.name());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> kept() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String l : OfficialRulesCorpusTest.lines("entity-questions.positive.tsv")) {
            String[] c = l.split("\t");
            tests.add(DynamicTest.dynamicTest("kept: " + c[1] + " in " + c[0], () ->
                    assertThat(organizations(withTagger, c[0])).contains(c[1].strip())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> dropped() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String l : OfficialRulesCorpusTest.lines("entity-questions.negative.tsv")) {
            String[] c = l.split("\t");
            tests.add(DynamicTest.dynamicTest("dropped: " + c[1] + " in " + c[0], () -> {
                assertThat(organizations(rulesAlone, c[0])).as("the rules alone list it").contains(c[1].strip());
                assertThat(organizations(withTagger, c[0])).doesNotContain(c[1].strip());
            }));
        }
        return tests.stream();
    }
}
