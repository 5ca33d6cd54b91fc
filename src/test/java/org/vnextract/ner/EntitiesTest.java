package org.vnextract.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.officials.Organization;
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
 * only the sentences (or windows of words) asked for are tagged, once each; and the officials
 * extractor, when it reads the entities, keeps a short organisation of the rules only where the
 * tagger reads one, asking only about those.
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
        int at = t.indexOf("Lương");
        assertThat(e.sentenceAt(at)).isEqualTo(1);
        // a margin past the sentence's words: the window is the whole sentence, and no more
        List<int[]> whole = List.<int[]>of(new int[] {at, at + "Lương".length()});
        List<Entities.Span> spans = e.around(whole, 100).get(0);
        assertThat(spans).hasSize(1);
        assertThat(t.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("Lương Văn Can");
        e.around(whole, 100);
        assertThat(n.get()).as("one sentence tagged, once").isEqualTo(1);
    }

    /** A tagger that reads every word starting with {@code first} as an organisation; counts the words it reads. */
    record FakeOrg(String first, AtomicInteger words) implements EntityTagger {
        @Override
        public List<List<Entity>> tag(List<String[]> in) {
            List<List<Entity>> out = new ArrayList<>();
            for (String[] s : in) {
                words.addAndGet(s.length);
                List<Entity> found = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    if (s[i].startsWith(first)) {
                        found.add(new Entity(i, i + 1, Entity.ORGANIZATION, 0.9));
                    }
                }
                out.add(found);
            }
            return out;
        }
    }

    static List<String> organizations(EntityTagger tagger, boolean read) {
        OfficialExtractor x = new OfficialExtractor(models, OfficialRules.NameSource.RULES, read);
        Analysis a = new EntityStage(tagger).process(analysis(
                "Bộ trưởng cho biết Chính phủ đã đồng ý. Sau đó Chính phủ họp với Ủy ban nhân dân tỉnh Quảng Nam về dự án."));
        List<String> out = new ArrayList<>();
        for (Organization o : x.process(a).get(Organization.KEY)) {
            out.add(o.name());
        }
        return out;
    }

    @Test
    void theTaggerDecidesTheRulesShortOrganisationsAndReadsOnlyAroundThem() {
        AtomicInteger words = new AtomicInteger();
        // the tagger reads "Chính phủ" as an organisation and "Bộ trưởng" as none
        assertThat(organizations(new FakeOrg("Chính", words), true)).contains("Chính phủ").doesNotContain("Bộ trưởng")
                .as("a long one is kept without asking").contains("Ủy ban nhân dân tỉnh Quảng Nam");
        // asked once per name, a window of a word either side of its first mention, not whole sentences
        assertThat(words.get()).isLessThanOrEqualTo(2 * 3);
        assertThat(organizations(new FakeOrg("Chính", new AtomicInteger()), false)).contains("Chính phủ", "Bộ trưởng");
        assertThat(organizations(new FakeOrg("nothing", new AtomicInteger()), true)).doesNotContain("Chính phủ", "Bộ trưởng")
                .contains("Ủy ban nhân dân tỉnh Quảng Nam");
    }

    @Test
    void aWindowIsTaggedOnceAndGivesCharacters() {
        AtomicInteger words = new AtomicInteger();
        Analysis a = new EntityStage(new FakeOrg("Chính", words)).process(analysis("Trời mưa. Hôm qua Chính phủ họp bàn nhiều việc."));
        Entities e = a.get(Entities.KEY);
        String t = a.get(AnalyzedText.KEY).text();
        int at = t.indexOf("Chính");
        List<List<Entities.Span>> found = e.around(List.of(new int[] {at, at + "Chính phủ".length()}), 1);
        assertThat(found.get(0)).hasSize(1);
        assertThat(t.substring(found.get(0).get(0).start(), found.get(0).get(0).end())).isEqualTo("Chính phủ");
        e.around(List.of(new int[] {at, at + "Chính phủ".length()}), 1);
        assertThat(words.get()).as("one window of three words, tagged once").isEqualTo(3);
    }

    @Test
    void theExtractorDeclaresTheEntitiesOnlyWhenItReadsThem() {
        assertThat(new OfficialExtractor(models, OfficialRules.NameSource.RULES, true).requires()).contains(Entities.KEY);
        assertThat(new OfficialExtractor(models).requires()).doesNotContain(Entities.KEY);
    }
}
