package org.vnextract.train;

import org.vnextract.ner.Entity;
import org.vnextract.ner.NerFeatures;
import org.vnextract.ner.NerTagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.TextStage;

/**
 * Distant supervision end to end on a small corpus written for the test: the rules label it, the
 * trainer fits a model, the model file carries the data, and the tagger finds people in sentences
 * with names it was not trained on. Training twice gives the same data hash (reproducible).
 */
class NerTrainerTest {
    static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
    static final String[] GIVEN = {"Văn An", "Thị Bình", "Minh Cường", "Quốc Dũng", "Thanh Hải", "Đức Long", "Hữu Nam", "Thu Trang"};
    static final String[] TITLES = {"Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Bí thư Huyện ủy", "Giám đốc Sở Y tế"};

    static Path corpus(Path dir, int articles) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                int i = a * 7 + k;
                String name = SURNAMES[i % SURNAMES.length] + " " + GIVEN[(i / 3) % GIVEN.length];
                body.append("Đồng chí ").append(name).append(", ").append(TITLES[i % TITLES.length])
                        .append(" phát biểu tại hội nghị.\\n");
                body.append("Hội nghị đã thảo luận nhiều nội dung quan trọng của tỉnh.\\n");
            }
            lines.add("{\"title\":\"Hội nghị " + a + "\",\"header\":null,\"body\":\"" + body + "\"}");
        }
        Path p = dir.resolve("c.jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void learnsNamesFromTheRulesLabels(@TempDir Path dir) throws Exception {
        ModelSource models = ModelSource.directory(Path.of("models"));
        OfficialExtractor rules = new OfficialExtractor(models, org.vnextract.extract.officials.OfficialRules.NameSource.RULES);
        TextStage text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        NerTrainer trainer = new NerTrainer(rules, text, org.vnextract.segment.SegmentStage.standard(models), new NerTrainer.Settings(2_000, 30, 1, 1, 1000));
        Path c = corpus(dir, 40);
        Path model = dir.resolve("m.bin");

        NerTrainer.Report r = trainer.train(List.of(c), java.util.Set.of(), model);
        assertThat(r.persons()).isGreaterThan(100);
        assertThat(Files.size(model)).isPositive();

        NerTagger tagger = NerTagger.load(ModelSource.directory(dir), "m.bin", rules.lexicon());
        String[] sentence = "Đồng chí Đỗ Minh Khoa , Bí thư Tỉnh ủy phát biểu tại hội nghị .".split(" ");
        List<String[]> one = new ArrayList<>();
        one.add(sentence);
        List<Entity> found = tagger.tag(one).get(0);
        assertThat(found).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo("person");
            assertThat(String.join(" ", java.util.Arrays.asList(sentence).subList(f.start(), f.end()))).isEqualTo("Đỗ Minh Khoa");
        });

        NerTrainer.Report again = trainer.train(List.of(c), java.util.Set.of(), dir.resolve("m2.bin"));
        assertThat(again.dataSha256()).isEqualTo(r.dataSha256());
        assertThat(Files.readAllBytes(dir.resolve("m2.bin"))).as("the same data gives the same model bytes")
                .isEqualTo(Files.readAllBytes(model));
    }

    @Test
    void featuresMarkLexiconClassesAndCapitalisedRuns() {
        ModelSource models = ModelSource.directory(Path.of("models"));
        OfficialExtractor rules = new OfficialExtractor(models, org.vnextract.extract.officials.OfficialRules.NameSource.RULES);
        String[][] ctx = NerFeatures.context(new String[] {"đồng", "chí", "Ksor", "Phước", "dự"}, rules.lexicon());
        assertThat(ctx[2]).contains("c=sur|cap", "run=1", "ahead=1");
        assertThat(ctx[3]).contains("run=2", "p1c=sur");
        assertThat(ctx[4]).doesNotContain("run=1");
    }
}
