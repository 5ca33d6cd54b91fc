package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.TextStage;

class SegmentStageTest {
    private static SegmentStage stage;

    @BeforeAll
    static void load() throws IOException {
        stage = new SegmentStage(Segmenters.load());
    }

    @Test
    void wordsCoverEveryTokenAndNeverCrossASentence() {
        TextStage text = new TextStage(ModelSource.bundled(), 100_000, 500);
        AnalyzedText t = text.analyze(List.of("Bí thư Tỉnh ủy Nguyễn Văn An phát biểu. Hội nghị kết thúc lúc 11 giờ.",
                "Theo Kết luận 21-KL/TW, Ủy ban nhân dân TP. Hồ Chí Minh ..."), false, new ArrayList<>());
        Analysis a = stage.process(Analysis.of(AnalyzedText.KEY, t));
        Words w = a.get(Words.KEY);
        assertThat(w.firstToken(0)).isZero();
        assertThat(w.endToken(w.size() - 1)).isEqualTo(t.tokens().size());
        for (int i = 0; i < w.size(); i++) {
            assertThat(w.endToken(i)).isGreaterThan(w.firstToken(i));
            Sentence s = t.sentenceAt(w.start(i));
            assertThat(w.endToken(i)).isLessThanOrEqualTo(s.endToken());
            assertThat(w.firstToken(i)).isGreaterThanOrEqualTo(s.firstToken());
            for (int k = w.firstToken(i); k < w.endToken(i); k++) {
                assertThat(w.wordOfToken(k)).isEqualTo(i);
            }
        }
        List<String> sentences = new ArrayList<>();
        for (Sentence s : t.sentences()) {
            int[] r = w.range(s);
            List<String> words = new ArrayList<>();
            for (int i = r[0]; i < r[1]; i++) {
                words.add(w.joined(t, i));
            }
            sentences.add(String.join(" ", words));
        }
        assertThat(sentences).containsExactly(
                "Bí_thư Tỉnh_ủy Nguyễn_Văn_An phát_biểu .",
                "Hội_nghị kết_thúc lúc 11 giờ .",
                "Theo Kết_luận 21-KL/TW , Ủy_ban_nhân_dân TP. Hồ_Chí_Minh ...");
        assertThat(w.asList()).hasSize(w.size());
        assertThat(w.get(0).tokens()).isEqualTo(2);
    }

    @Test
    void emptyTextHasNoWords() {
        AnalyzedText t = new TextStage(ModelSource.bundled(), 100, 500).analyze(List.of(), false, new ArrayList<>());
        assertThat(stage.segment(t).size()).isZero();
    }

    @Test
    void declaresWhatItNeedsAndGives() {
        assertThat(stage.requires()).containsExactly(AnalyzedText.KEY);
        assertThat(stage.provides()).containsExactly(Words.KEY);
    }

    @Test
    void scoresATreebank(@TempDir Path dir) throws IOException {
        Path conllu = dir.resolve("t.conllu");
        Files.writeString(conllu, "# text = x\n"
                + "1\tBí thư\t_\t_\t_\t_\t0\troot\t_\t_\n"
                + "2\tTỉnh ủy\t_\t_\t_\t_\t1\tnmod\t_\t_\n"
                + "3\t10 triệu\t_\t_\t_\t_\t1\tnmod\t_\t_\n"
                + "4\tđồng\t_\t_\t_\t_\t1\tnmod\t_\t_\n"
                + "5\t.\t_\t_\t_\t_\t1\tpunct\t_\t_\n\n");
        List<SegmentEval.GoldSentence> gold = SegmentEval.read(conllu);
        assertThat(gold).hasSize(1);
        assertThat(gold.get(0).syllables()).containsExactly("Bí", "thư", "Tỉnh", "ủy", "10", "triệu", "đồng", ".");
        SegmentEval.Result r = SegmentEval.evaluate(stage.segmenter(), gold);
        // over alphabetic syllables: Bí_thư, Tỉnh_ủy, triệu (from "10 triệu"), đồng; the full stop is left out
        assertThat(r.gold()).isEqualTo(4);
        assertThat(r.predicted()).isEqualTo(4);
        assertThat(r.correct()).isEqualTo(4);
        assertThat(r.f1()).isEqualTo(1.0);
    }
}
