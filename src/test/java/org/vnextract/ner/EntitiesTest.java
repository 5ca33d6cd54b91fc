package org.vnextract.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.officials.Official;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * {@link Entities} behind {@link EntityTagger}: spans come back as characters on word boundaries,
 * only the sentences asked for are tagged, once each; and the officials extractor, when it reads
 * the entities, drops an official the tagger reads as a place and keeps one it reads as a person.
 */
class EntitiesTest {
    static TextStage text;
    static SegmentStage segment;
    static ModelSource models;

    @BeforeAll
    static void setUp() {
        models = ModelSource.directory(java.nio.file.Path.of("models"));
        text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        segment = SegmentStage.standard(models);
    }

    /** A tagger that reads every word starting with "Lương" to the end of the sentence as {@code type}; counts sentences. */
    record Fake(String type, AtomicInteger sentences) implements EntityTagger {
        @Override
        public List<List<Entity>> tag(List<String[]> in) {
            List<List<Entity>> out = new ArrayList<>();
            for (String[] s : in) {
                sentences.incrementAndGet();
                List<Entity> found = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    if (s[i].startsWith("Lương")) {
                        int e = i + 1;
                        while (e < s.length && Character.isUpperCase(s[e].charAt(0))) {
                            e++;
                        }
                        found.add(new Entity(i, e, type, 0.9));
                    }
                }
                out.add(found);
            }
            return out;
        }
    }

    static Analysis analysis(String sentences) {
        AnalyzedText at = text.analyze(List.of(sentences), false, new ArrayList<>());
        Analysis a = Analysis.of(AnalyzedText.KEY, at).with(Words.KEY, segment.segment(at));
        return a.with(TokenView.KEY, TokenView.of(at, a.get(Words.KEY)));
    }

    @Test
    void tagsOnlyTheSentencesAskedForOnceAndGivesCharacters() {
        AtomicInteger n = new AtomicInteger();
        Analysis a = new EntityStage(new Fake(Entity.LOCATION, n)).process(analysis("Trời mưa to. Ông Hà đến chợ Lương Văn Can sáng nay."));
        Entities e = a.get(Entities.KEY);
        String t = a.get(AnalyzedText.KEY).text();
        int s = e.sentenceAt(t.indexOf("Lương"));
        assertThat(s).isEqualTo(1);
        List<Entities.Span> spans = e.in(List.of(s)).get(s);
        assertThat(spans).hasSize(1);
        assertThat(t.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("Lương Văn Can");
        e.in(List.of(s));
        assertThat(n.get()).as("one sentence tagged, once").isEqualTo(1);
    }

    static List<Official> officials(String type, boolean read) {
        OfficialExtractor x = new OfficialExtractor(models, OfficialRules.NameSource.RULES, read);
        Analysis a = new EntityStage(new Fake(type, new AtomicInteger()))
                .process(analysis("Ông Vũ Văn Phượng, Trưởng ban quản lý chợ cho biết. Bà Trần Thị Hoa, Phó Chủ tịch UBND huyện, ông Lương Văn Can, Phó Chủ tịch UBND huyện dự."));
        return x.process(a).get(Official.KEY);
    }

    @Test
    void anOfficialTheTaggerReadsAsAPlaceIsNone() {
        assertThat(officials(Entity.LOCATION, true)).extracting(Official::name).doesNotContain("Lương Văn Can").contains("Trần Thị Hoa");
        assertThat(officials(Entity.PERSON, true)).extracting(Official::name).contains("Lương Văn Can", "Trần Thị Hoa");
        assertThat(officials(Entity.LOCATION, false)).extracting(Official::name).contains("Lương Văn Can");
    }

    @Test
    void theExtractorDeclaresTheEntitiesOnlyWhenItReadsThem() {
        assertThat(new OfficialExtractor(models, OfficialRules.NameSource.RULES, true).requires()).contains(Entities.KEY);
        assertThat(new OfficialExtractor(models).requires()).doesNotContain(Entities.KEY);
    }
}
